using Memento.Domain.Model;

namespace Memento.Domain.Accounts;

public enum SignInStatus
{
    Succeeded,
    /// <summary>Unknown user or wrong password: deliberately indistinguishable.</summary>
    Failed,
    /// <summary>
    /// Locked after repeated failures; the password's result is not used. Callers are told exactly what
    /// <see cref="Failed"/> tells them, so a lock reveals neither that the account exists nor that guessing hit it.
    /// </summary>
    LockedOut,
    /// <summary>Correct password, but an administrator disabled the account.</summary>
    Disabled,
}

/// <summary>Outcome of a password check; <see cref="User"/> is set only on success.</summary>
public sealed record SignInResult(SignInStatus Status, User? User = null, DateTimeOffset? LockedUntil = null)
{
    public bool Succeeded => Status == SignInStatus.Succeeded;

    /// <summary>The message to show for a refused sign-in; a locked account gets the unknown name's message.</summary>
    public string Message => Status switch
    {
        SignInStatus.Disabled => AccountMessages.Disabled,
        SignInStatus.Succeeded => "",
        _ => AccountMessages.InvalidCredentials,
    };
}
