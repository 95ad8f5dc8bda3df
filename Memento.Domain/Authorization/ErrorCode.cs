namespace Memento.Domain.Authorization;

/// <summary>
/// The domain's error kinds. The GraphQL layer maps each to <c>extensions.code</c> (<see cref="ErrorCodes"/>),
/// admin pages to an HTTP status; none of them is ever a 500.
/// </summary>
public enum ErrorCode
{
    /// <summary>No credentials, or credentials that are not (or no longer) valid.</summary>
    Unauthenticated,
    /// <summary>Signed in (or holding a share link) but not allowed to do this.</summary>
    Forbidden,
    /// <summary>No such object.</summary>
    NotFound,
    /// <summary>The request collides with existing state (a name already taken, a stale version).</summary>
    Conflict,
    /// <summary>Input that can never succeed as given.</summary>
    Validation,
    /// <summary>Too many attempts from this client for now (sign-in); the same request may succeed later.</summary>
    RateLimited,
}

/// <summary>The <c>extensions.code</c> strings of GraphQL errors, one per <see cref="ErrorCode"/>.</summary>
public static class ErrorCodes
{
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string Forbidden = "FORBIDDEN";
    public const string NotFound = "NOT_FOUND";
    public const string Conflict = "CONFLICT";
    public const string Validation = "VALIDATION";
    public const string RateLimited = "RATE_LIMITED";

    public static string ToExtensionCode(this ErrorCode code) => code switch
    {
        ErrorCode.Unauthenticated => Unauthenticated,
        ErrorCode.Forbidden => Forbidden,
        ErrorCode.NotFound => NotFound,
        ErrorCode.Conflict => Conflict,
        ErrorCode.Validation => Validation,
        ErrorCode.RateLimited => RateLimited,
        _ => throw new ArgumentOutOfRangeException(nameof(code)),
    };
}
