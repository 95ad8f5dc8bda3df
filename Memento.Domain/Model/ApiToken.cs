namespace Memento.Domain.Model;

/// <summary>A named bearer token a user creates for scripts; only its hash is stored.</summary>
public class ApiToken
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public User User { get; set; } = null!;

    /// <summary>The user's label for the token ("laptop import script").</summary>
    public string Name { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the secret; unique so a presented token finds one row.</summary>
    public string TokenHash { get; set; } = "";

    /// <summary>The first characters of the secret, shown in lists so users can tell tokens apart.</summary>
    public string Prefix { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
}
