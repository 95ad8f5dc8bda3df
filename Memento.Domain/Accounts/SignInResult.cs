using Memento.Domain.Model;

namespace Memento.Domain.Accounts;

public enum SignInStatus
{
    Succeeded,
    /// <summary>Unknown user or wrong password: deliberately indistinguishable.</summary>
    Failed,
    /// <summary>Locked after repeated failures; the password was not even checked.</summary>
    LockedOut,
    /// <summary>Correct password, but an administrator disabled the account.</summary>
    Disabled,
}

/// <summary>Outcome of a password check; <see cref="User"/> is set only on success.</summary>
public sealed record SignInResult(SignInStatus Status, User? User = null, DateTimeOffset? LockedUntil = null)
{
    public bool Succeeded => Status == SignInStatus.Succeeded;

    /// <summary>The message to show for a refused sign-in.</summary>
    public string Message => Status switch
    {
        SignInStatus.LockedOut => AccountMessages.LockedOut(LockedUntil!.Value),
        SignInStatus.Disabled => AccountMessages.Disabled,
        SignInStatus.Succeeded => "",
        _ => AccountMessages.InvalidCredentials,
    };
}
