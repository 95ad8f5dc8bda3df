using System.Net;
using System.Text;
using System.Text.Json;
using Memento.Tests.Support;

namespace Memento.Tests.Server;

/// <summary>login/logout/me/changePassword through /graphql with the host's real cookie authentication.</summary>
public sealed class AccountApiTests : IDisposable
{
    private readonly MementoAppFactory app = new();

    public void Dispose() => app.Dispose();

    private HttpClient Browser() => app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task<JsonElement> PostAsync(HttpClient client, string query, object? variables = null)
    {
        var body = JsonSerializer.Serialize(new { query, variables });
        using var response = await client.PostAsync("/graphql", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private const string Login = "mutation($u: String!, $p: String!) { login(input: {username: $u, password: $p}) { user { username } token } }";

    private static string? ErrorCode(JsonElement result) =>
        result.TryGetProperty("errors", out var errors) ? errors[0].GetProperty("extensions").GetProperty("code").GetString() : null;

    [Fact]
    public async Task Cookie_login_signs_in_the_browser_and_logout_signs_it_out()
    {
        await app.CreateUserAsync("carol", "carol's password");
        using var browser = Browser();

        var login = await PostAsync(browser, Login, new { u = "carol", p = "carol's password" });
        Assert.Equal("carol", login.GetProperty("data").GetProperty("login").GetProperty("user").GetProperty("username").GetString());
        Assert.Equal(JsonValueKind.Null, login.GetProperty("data").GetProperty("login").GetProperty("token").ValueKind);
        var me = await PostAsync(browser, "{ me { username } }");
        Assert.Equal("carol", me.GetProperty("data").GetProperty("me").GetProperty("username").GetString());

        await PostAsync(browser, "mutation { logout { ok } }");
        Assert.Equal(JsonValueKind.Null, (await PostAsync(browser, "{ me { username } }")).GetProperty("data").GetProperty("me").ValueKind);
    }

    [Fact]
    public async Task Wrong_passwords_get_a_neutral_error_and_lock_the_account_even_for_the_right_one()
    {
        await app.CreateUserAsync("dave", "dave's password");
        using var browser = Browser();

        var unknown = await PostAsync(browser, Login, new { u = "nobody", p = "whatever password" });
        var wrong = await PostAsync(browser, Login, new { u = "dave", p = "not his password" });
        Assert.Equal("UNAUTHENTICATED", ErrorCode(unknown));
        Assert.Equal(unknown.GetProperty("errors")[0].GetProperty("message").GetString(),
            wrong.GetProperty("errors")[0].GetProperty("message").GetString());
        for (var i = 0; i < 4; i++) await PostAsync(browser, Login, new { u = "dave", p = "not his password" });

        var locked = await PostAsync(browser, Login, new { u = "dave", p = "dave's password" });
        Assert.Equal("UNAUTHENTICATED", ErrorCode(locked));
        Assert.Equal(JsonValueKind.Null, (await PostAsync(browser, "{ me { username } }")).GetProperty("data").GetProperty("me").ValueKind);
        Assert.DoesNotContain("not his password", app.Logs.AllText);
        Assert.DoesNotContain("dave's password", app.Logs.AllText);
    }

    [Fact]
    public async Task Change_password_keeps_this_session_and_the_old_password_stops_working()
    {
        await app.CreateUserAsync("erin", "erin's password");
        using var browser = Browser();
        await PostAsync(browser, Login, new { u = "erin", p = "erin's password" });

        var refused = await PostAsync(browser, "mutation { changePassword(input: {currentPassword: \"wrong one!\", newPassword: \"erin's new password\"}) { ok } }");
        Assert.Equal("VALIDATION", ErrorCode(refused));
        var changed = await PostAsync(browser, "mutation { changePassword(input: {currentPassword: \"erin's password\", newPassword: \"erin's new password\"}) { ok } }");
        Assert.Null(ErrorCode(changed));
        Assert.Equal("erin", (await PostAsync(browser, "{ me { username } }")).GetProperty("data").GetProperty("me").GetProperty("username").GetString());

        using var other = Browser();
        Assert.Equal("UNAUTHENTICATED", ErrorCode(await PostAsync(other, Login, new { u = "erin", p = "erin's password" })));
        Assert.Null(ErrorCode(await PostAsync(other, Login, new { u = "erin", p = "erin's new password" })));
        Assert.DoesNotContain("erin's new password", app.Logs.AllText);
    }
}
