namespace Memento.Domain.Authorization;

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

    /// <summary>
    /// The share link presented: set for <see cref="CallerKind.ShareLink"/> callers, and for a signed-in user who
    /// presented one in this request (see <see cref="Holding"/>).
    /// </summary>
    public long? ShareLinkId { get; private init; }

    /// <summary>The one annotation a share link opens (exactly one of this and <see cref="SharedImageId"/>).</summary>
    public long? SharedAnnotationId { get; private init; }

    /// <summary>The one image a share link opens.</summary>
    public long? SharedImageId { get; private init; }

    /// <summary>
    /// When the presented share link expires (null: never); what the link hands out, such as tile URLs, must not
    /// outlive it.
    /// </summary>
    public DateTimeOffset? ShareLinkExpiresAt { get; private init; }

    public static Caller Anonymous { get; } = new(CallerKind.Anonymous);

    public static Caller ForUser(long userId, bool isSysAdmin = false) =>
        new(CallerKind.User) { UserId = userId, IsSysAdmin = isSysAdmin };

    public static Caller ForShareLink(long shareLinkId, long? annotationId, long? imageId, DateTimeOffset? expiresAt = null)
    {
        if ((annotationId is null) == (imageId is null))
            throw new ArgumentException("A share link opens exactly one annotation or one image.");
        return new(CallerKind.ShareLink)
        {
            ShareLinkId = shareLinkId, SharedAnnotationId = annotationId, SharedImageId = imageId,
            ShareLinkExpiresAt = expiresAt,
        };
    }

    /// <summary>
    /// The caller after presenting a share link: a signed-in user keeps their own rights and gains the link's
    /// read-only access to its one annotation or image (a link opens to whoever holds it, account or not); anyone
    /// else becomes the link's holder.
    /// </summary>
    public Caller Holding(Caller link)
    {
        if (link.Kind != CallerKind.ShareLink) throw new ArgumentException("Not a share link's caller.", nameof(link));
        return Kind == CallerKind.User
            ? this with
            {
                ShareLinkId = link.ShareLinkId, SharedAnnotationId = link.SharedAnnotationId,
                SharedImageId = link.SharedImageId, ShareLinkExpiresAt = link.ShareLinkExpiresAt,
            }
            : link;
    }

    public bool IsUser => Kind == CallerKind.User;

    /// <summary>The signed-in user's id, or UNAUTHENTICATED for anonymous and share-link callers.</summary>
    public long RequireUserId() => UserId ?? throw MementoException.Unauthenticated();
}
