namespace Memento.Domain.Model;

/// <summary>A person who signs in to Memento (browser cookie or API token).</summary>
public class User
{
    public long Id { get; set; }

    /// <summary>The name as the user typed it; shown everywhere.</summary>
    public string UserName { get; set; } = "";

    /// <summary>
    /// Upper-invariant copy of <see cref="UserName"/>, unique, so "Alice" and "alice" cannot both exist on
    /// either provider (SQLite and PostgreSQL compare text case-sensitively by default).
    /// </summary>
    public string NormalizedUserName { get; set; } = "";

    /// <summary>ASP.NET Core PasswordHasher output; null for accounts that cannot sign in with a password.</summary>
    public string? PasswordHash { get; set; }

    public bool IsSysAdmin { get; set; }
    public bool IsDisabled { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastLoginAt { get; set; }

    /// <summary>Consecutive failed sign-ins since the last success; drives the lockout.</summary>
    public int FailedLoginCount { get; set; }
    public DateTimeOffset? LockoutEndsAt { get; set; }

    /// <summary>Changes whenever credentials change, so existing cookies stop being accepted.</summary>
    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");

    public List<ApiToken> ApiTokens { get; set; } = [];

    /// <summary>
    /// The system-level proadm code of the manual's edit-user page: "may create and manage projects". Holders (and
    /// system administrators) create projects and administer the ones they own; a project's proadm grantees
    /// administer that project only. Declared last so the migration that added it appends the column in model order.
    /// </summary>
    public bool IsProAdm { get; set; }

    /// <summary>The one normalisation rule for user names, shared by writes and look-ups.</summary>
    public static string Normalize(string userName) => userName.Trim().ToUpperInvariant();
}
