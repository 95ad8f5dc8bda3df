namespace Memento.Tests.Server.PageMatrix;

/// <summary>The pages in main before issue 12's areas: sign-in, first-run setup, home, the account's own pages.</summary>
public static partial class PageRows
{
    public static PageRow[] Home =>
    [
        // Signed-in callers are sent on (to /), which is where the form would have led: allowed for everyone.
        PageRow.Get("login page", "/login", Everyone, (_, _) => "/login"),
        PageRow.Post("sign in", "/login", Everyone, (_, _) => "/login") with
        {
            Form = (_, caller) => new() { ["userName"] = UserOrOwner(caller), ["password"] = Schema.Api.RoleMatrix.MatrixWorld.Password },
            // Records the sign-in time, on a fresh world each (the test clock stands still): already signed-in callers
            // signed in at that very time, so only the others change a row.
            Lands = "/", Isolated = true, WritesFor = caller => !SignedIn.Contains(caller),
        },
        // Ending a session is open to all (nothing to end is no error) and lands on the login page.
        PageRow.Post("sign out", "/logout", Everyone, (_, _) => "/logout") with { Lands = "/login", Writes = false },
        // Setup is over once a user exists: gone (404) for everyone, and its post creates nobody.
        PageRow.Get("setup page", "/setup", [], (_, _) => "/setup") with { RefusedStatus = 404, RefusesAnonymousAlike = true },
        PageRow.Post("complete setup", "/setup", [], (_, _) => "/setup") with
        {
            Form = (_, _) => new() { ["setupToken"] = "guess", ["userName"] = "intruder", ["password"] = "intruder-pass-1", ["confirmPassword"] = "intruder-pass-1" },
            RefusedStatus = 404, RefusesAnonymousAlike = true,
        },
        PageRow.Get("home", "/", SignedIn, (_, _) => "/"),
        PageRow.Get("change password page", "/account/password", SignedIn, (_, _) => "/account/password"),
        PageRow.Post("change password", "/account/password", SignedIn, (_, _) => "/account/password") with
        {
            Form = (_, _) => new()
            {
                ["currentPassword"] = Schema.Api.RoleMatrix.MatrixWorld.Password,
                ["newPassword"] = "a-new-password-2", ["confirmPassword"] = "a-new-password-2",
            },
        },
        PageRow.Get("API tokens page", "/account/tokens", SignedIn, (_, _) => "/account/tokens"),
        PageRow.Post("create API token", "/account/tokens", SignedIn, (_, _) => "/account/tokens") with
        {
            Form = (_, _) => new() { ["name"] = "from the page table" },
        },
        PageRow.Post("revoke own API token", "/account/tokens/{id:long}/revoke", SignedIn,
            (w, caller) => $"/account/tokens/{w.ApiTokens[UserOrOwner(caller)]}/revoke") with { Lands = "/account/tokens" },
    ];

    /// <summary>Someone else's token is not there for the caller (404), not even for a system administrator.</summary>
    public static PageRow[] HomeForeign =>
    [
        PageRow.Post("revoke another user's API token", "/account/tokens/{id:long}/revoke", [],
            (w, _) => $"/account/tokens/{w.ApiTokens["victim"]}/revoke") with { RefusedStatus = 404 },
    ];
}
