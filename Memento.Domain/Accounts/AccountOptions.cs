namespace Memento.Domain.Accounts;

/// <summary>Password and lockout rules; bound from the "Memento" configuration section by the server.</summary>
public sealed class AccountOptions
{
    /// <summary>Consecutive wrong passwords that lock an account (default 5).</summary>
    public int LockoutThreshold { get; set; } = 5;

    /// <summary>How long a locked account stays locked (default 15 minutes).</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Shortest accepted password (default 8 characters).</summary>
    public int MinPasswordLength { get; set; } = 8;

    /// <summary>Longest accepted password; bounds the hashing work one request can cause.</summary>
    public int MaxPasswordLength { get; set; } = 1024;
}
