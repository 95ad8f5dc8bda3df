using Memento.Domain.Model;

namespace Memento.Domain.Accounts;

/// <summary>
/// Browser session cookies, implemented by the host (which owns the cookie scheme and the principal's claims), so
/// the GraphQL login mutation signs in exactly as the login page does.
/// </summary>
public interface ISessionSignIn
{
    /// <summary>Issues the session cookie for this user on the current response.</summary>
    Task SignInAsync(User user);

    /// <summary>Ends the current session: clears the session cookie, and revokes the API token the request came with.</summary>
    Task SignOutAsync();

    /// <summary>Re-issues the cookie after the user's security stamp changed, when the current request came with one.</summary>
    Task RenewIfCookieAsync(User user);
}
