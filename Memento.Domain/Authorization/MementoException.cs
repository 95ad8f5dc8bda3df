namespace Memento.Domain.Authorization;

/// <summary>
/// A refusal or failure the caller should see as is: the message is safe to show (it never contains data the
/// caller may not read) and <see cref="Code"/> says what kind it is. The domain knows no transport: the GraphQL
/// API maps it to an error with <c>extensions.code</c> (Memento.Schema/Errors/DomainErrors.cs), pages to a status.
/// </summary>
public sealed class MementoException(ErrorCode code, string message, string? field = null) : Exception(message)
{
    public ErrorCode Code { get; } = code;

    /// <summary>The input field at fault, for <see cref="ErrorCode.Validation"/> errors.</summary>
    public string? Field { get; } = field;

    public static MementoException Unauthenticated(string message = "You need to sign in to do this.") =>
        new(ErrorCode.Unauthenticated, message);

    public static MementoException Forbidden(string message = "You are not allowed to do this.") =>
        new(ErrorCode.Forbidden, message);

    public static MementoException NotFound(string what, long id) =>
        new(ErrorCode.NotFound, $"{what} {id} does not exist.");

    public static MementoException NotFound(string message) => new(ErrorCode.NotFound, message);

    public static MementoException Conflict(string message) => new(ErrorCode.Conflict, message);

    public static MementoException RateLimited(string message) => new(ErrorCode.RateLimited, message);

    public static MementoException Validation(string field, string message) =>
        new(ErrorCode.Validation, message, field);
}
