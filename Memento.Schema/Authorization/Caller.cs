namespace Memento.Schema.Authorization;

/// <summary>How the caller of a request authenticated.</summary>
public enum CallerKind { Anonymous, User, ShareLink }

/// <summary>
/// Who is asking: nobody, a signed-in user (cookie or API token), or the holder of a share link. Built once per
/// request by the host from the authenticated principal; services never read HTTP state themselves.
/// </summary>
public sealed record Caller
{
    private Caller(CallerKind kind) => Kind = kind;

    public CallerKind Kind { get; }

    /// <summary>Set exactly when <see cref="Kind"/> is <see cref="CallerKind.User"/>.</summary>
    public long? UserId { get; private init; }

    public bool IsSysAdmin { get; private init; }

    public long? ShareLinkId { get; private init; }

    /// <summary>The one annotation a share link opens (exactly one of this and <see cref="SharedImageId"/>).</summary>
    public long? SharedAnnotationId { get; private init; }

    /// <summary>The one image a share link opens.</summary>
    public long? SharedImageId { get; private init; }

    public static Caller Anonymous { get; } = new(CallerKind.Anonymous);

    public static Caller ForUser(long userId, bool isSysAdmin = false) =>
        new(CallerKind.User) { UserId = userId, IsSysAdmin = isSysAdmin };

    public static Caller ForShareLink(long shareLinkId, long? annotationId, long? imageId)
    {
        if ((annotationId is null) == (imageId is null))
            throw new ArgumentException("A share link opens exactly one annotation or one image.");
        return new(CallerKind.ShareLink)
        {
            ShareLinkId = shareLinkId, SharedAnnotationId = annotationId, SharedImageId = imageId,
        };
    }

    public bool IsUser => Kind == CallerKind.User;

    /// <summary>The signed-in user's id, or UNAUTHENTICATED for anonymous and share-link callers.</summary>
    public long RequireUserId() => UserId ?? throw MementoException.Unauthenticated();
}
