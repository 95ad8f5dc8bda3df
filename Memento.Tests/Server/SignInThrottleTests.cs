using System.Net;
using System.Text;
using System.Text.Json;
using Memento.Domain.Accounts;
using Memento.Domain.Authorization;
using Memento.Tests.Support;

namespace Memento.Tests.Server;

/// <summary>
/// Issue 10, finding 3: password spraying over GraphQL. The login mutation draws on the same per-address budget as
/// the /login page (10 a minute by default); attempts beyond it are refused without the password being looked at.
/// </summary>
public sealed class SignInThrottleTests
{
    private const string Login = "mutation($u: String!, $p: String!) { login(input: {username: $u, password: $p}) { user { username } } }";

    private static async Task<JsonElement> LoginAsync(HttpClient client, string user, string password)
    {
        var body = JsonSerializer.Serialize(new { query = Login, variables = new { u = user, p = password } });
        using var response = await client.PostAsync("/graphql", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")[0].Clone();
    }

    private static string Code(JsonElement error) => error.GetProperty("extensions").GetProperty("code").GetString()!;

    [Fact]
    public async Task Thirty_wrong_passwords_on_thirty_accounts_are_evaluated_only_up_to_the_budget()
    {
        using var app = new MementoAppFactory();
        for (var i = 0; i < 30; i++) await app.CreateUserAsync($"user{i}", $"password of user {i}");
        using var client = app.CreateClient();

        var errors = new List<JsonElement>();
        for (var i = 0; i < 30; i++) errors.Add(await LoginAsync(client, $"user{i}", "Spring2026!"));

        Assert.All(errors.Take(10), e => Assert.Equal(ErrorCodes.Unauthenticated, Code(e)));
        Assert.All(errors.Skip(10), e =>
        {
            Assert.Equal(ErrorCodes.RateLimited, Code(e));
            Assert.StartsWith("Too many sign-in attempts from your address.", e.GetProperty("message").GetString());
        });
        // Refused without being evaluated: a wrong password counts towards the lockout, a refused attempt does not.
        for (var i = 0; i < 30; i++)
            Assert.Equal(i < 10 ? 1 : 0, (await app.FindUserAsync($"user{i}")).FailedLoginCount);
    }

    [Fact]
    public async Task An_attempt_beyond_the_budget_is_refused_even_with_the_right_password()
    {
        using var app = new MementoAppFactory(new Dictionary<string, string?> { ["Memento:LoginAttemptsPerMinute"] = "1" });
        await app.CreateUserAsync("alice", "alice's password");
        using var client = app.CreateClient();

        Assert.Equal(ErrorCodes.Unauthenticated, Code(await LoginAsync(client, "alice", "a wrong guess")));
        Assert.Equal(ErrorCodes.RateLimited, Code(await LoginAsync(client, "alice", "alice's password")));
    }

    [Fact]
    public async Task The_login_page_and_the_login_mutation_share_one_budget()
    {
        using var app = new MementoAppFactory(new Dictionary<string, string?> { ["Memento:LoginAttemptsPerMinute"] = "3" });
        await app.CreateUserAsync("alice", "alice's password");
        using var browser = app.CreateBrowser();
        var fields = new Dictionary<string, string> { ["userName"] = "alice", ["password"] = "guess" };

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.SubmitAsync("/login", "/login", fields)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.SubmitAsync("/login", "/login", fields)).Response.StatusCode);
        Assert.Equal(ErrorCodes.Unauthenticated, Code(await LoginAsync(browser.Http, "alice", "guess")));

        // The budget is spent, whichever channel spent it.
        Assert.Equal(ErrorCodes.RateLimited, Code(await LoginAsync(browser.Http, "alice", "guess")));
        var (page, _) = await browser.SubmitAsync("/login", "/login", fields);
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Equal(3, (await app.FindUserAsync("alice")).FailedLoginCount);
    }
}
