namespace Memento.GraphQL.Errors;

/// <summary>The <c>extensions.code</c> values the engine itself sets (the API adds its own).</summary>
public static class ErrorCodes
{
    /// <summary>The request ran out of its time budget (<see cref="Execution.ExecutionOptions.RequestTimeout"/>).</summary>
    public const string Timeout = "TIMEOUT";

    /// <summary>The request nests deeper than the engine can safely follow (documents, variables or results).</summary>
    public const string TooDeep = "TOO_DEEP";
}
