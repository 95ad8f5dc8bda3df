namespace Memento.GraphQL.Validation;

/// <summary>
/// Thrown by a rule whose work budget is spent (a document crafted to make validation slow); the validator turns it
/// into the error "Validation aborted." as graphql-js does.
/// </summary>
internal sealed class ValidationAbortedException : Exception
{
    public const string Text = "Validation aborted.";

    public ValidationAbortedException()
        : base(Text)
    {
    }
}
