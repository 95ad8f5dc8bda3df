namespace Memento.Domain.Model;

/// <summary>
/// A temporary URL giving someone outside the project access to exactly one annotation or one image.
/// Exactly one of <see cref="AnnotationId"/> and <see cref="ImageId"/> is set (a check constraint enforces it).
/// </summary>
public class ShareLink
{
    public long Id { get; set; }
    /// <summary>Lower-case hex SHA-256 of the secret in the URL; the secret itself is never stored.</summary>
    public string TokenHash { get; set; } = "";
    public long? AnnotationId { get; set; }
    public Annotation? Annotation { get; set; }
    public long? ImageId { get; set; }
    public Image? Image { get; set; }
    public long CreatedById { get; set; }
    public User CreatedBy { get; set; } = null!;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    /// <summary>
    /// Lower-case hex random salt the token is derived from (HMAC of the server's secret and the salt, see
    /// ShareLinkSecret), so the server can show an active link's URL again; null for links made before salts, whose
    /// URL cannot be shown again (they can still be revoked).
    /// </summary>
    public string? TokenSalt { get; set; }
}
