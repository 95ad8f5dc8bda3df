using System.Text.Json;
using Memento.GraphQL.Errors;

namespace Memento.GraphQL.Execution;

/// <summary>
/// The response of one operation (spec section 7): <c>data</c>, <c>errors</c> beside it, and <c>extensions</c>.
/// A request error (the document does not parse or validate, variables are invalid) has no data entry at all;
/// a null propagated to the root leaves the data entry present and null.
/// </summary>
public sealed class ExecutionResult
{
    /// <summary>The data entry; null when absent or when null propagated to the root (see <see cref="HasData"/>).</summary>
    public IReadOnlyDictionary<string, object?>? Data { get; init; }

    /// <summary>Whether the response has a data entry: false exactly when a request error stopped execution.</summary>
    public bool HasData { get; init; }

    /// <summary>Errors in the order raised; null when none.</summary>
    public IReadOnlyList<GraphQLError>? Errors { get; init; }

    /// <summary>Additional entries written under "extensions", e.g. tracing.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    /// <summary>The selected operation's type was refused by <see cref="ExecutionRequest.AllowedOperations"/> (HTTP 405).</summary>
    public bool IsOperationNotAllowed { get; init; }

    /// <summary>A result carrying only request errors (no data entry).</summary>
    public static ExecutionResult FromErrors(IReadOnlyList<GraphQLError> errors) => new() { Errors = errors };

    /// <summary>Writes the response JSON straight to <paramref name="writer"/>, without an intermediate DOM.</summary>
    public void WriteTo(Utf8JsonWriter writer) => ResultWriter.Write(writer, this);

    /// <summary>The response as a JSON string; handy in tests and logs.</summary>
    public string ToJson(bool indented = false)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, SkipValidation = true, Encoder = ResultWriter.Encoder }))
            WriteTo(writer);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
