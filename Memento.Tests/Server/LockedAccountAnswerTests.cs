using System.Net;
using System.Text;
using System.Text.Json;
using Memento.Domain.Accounts;
using Memento.Domain.Authorization;
using Memento.Tests.Support;

namespace Memento.Tests.Server;

/// <summary>
/// Issue 10, finding 6b: a locked account must answer anonymous callers exactly as an unknown name does, on the
/// page and over GraphQL, or a few wrong guesses tell anyone which user names exist. The lock itself still holds.
/// </summary>
public sealed class LockedAccountAnswerTests : IDisposable
{
    private const string Password = "correct horse battery";
    private readonly MementoAppFactory app = new();

    public LockedAccountAnswerTests() => app.CreateUserAsync("alice", Password).GetAwaiter().GetResult();

    public void Dispose() => app.Dispose();

    private static Dictionary<string, string> Credentials(string user, string password) =>
        new() { ["userName"] = user, ["password"] = password };

    private async Task LockAliceAsync()
    {
        using var browser = app.CreateBrowser();
        for (var i = 0; i < 5; i++)
            await browser.SubmitAsync("/login", "/login", Credentials("alice", "guess" + i));
        Assert.NotNull((await app.FindUserAsync("alice")).LockoutEndsAt);
    }

    [Theory]
    [InlineData(Password)] // even the right password: the lock holds and says nothing
    [InlineData("another guess")]
    public async Task The_login_page_answers_a_locked_account_as_an_unknown_name(string password)
    {
        await LockAliceAsync();
        using var browser = app.CreateBrowser();

        var (locked, lockedPage) = await browser.SubmitAsync("/login", "/login", Credentials("alice", password));
        var (unknown, unknownPage) = await browser.SubmitAsync("/login", "/login", Credentials("nobody", password));

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Equal(AccountMessages.InvalidCredentials, lockedPage.QuerySelector("[role=alert]")?.TextContent);
        Assert.Equal(unknownPage.QuerySelector("[role=alert]")?.TextContent, lockedPage.QuerySelector("[role=alert]")?.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetPageAsync("/")).Response.StatusCode);
    }

    [Fact]
    public async Task The_login_mutation_answers_a_locked_account_as_an_unknown_name()
    {
        await LockAliceAsync();
        using var client = app.CreateClient();
        const string login = "mutation($u: String!, $p: String!) { login(input: {username: $u, password: $p}) { user { username } } }";

        var locked = await PostAsync(client, login, new { u = "alice", p = Password });

        var error = locked.GetProperty("errors")[0];
        Assert.Equal(AccountMessages.InvalidCredentials, error.GetProperty("message").GetString());
        Assert.Equal(ErrorCodes.Unauthenticated, error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Null, locked.GetProperty("data").ValueKind);
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string query, object variables)
    {
        var body = JsonSerializer.Serialize(new { query, variables });
        using var response = await client.PostAsync("/graphql", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
