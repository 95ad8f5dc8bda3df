using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Memento.Domain.Accounts;
using Memento.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Memento.Tests.Server;

/// <summary>
/// Issue 10, finding 10: an administrator's password reset (usually "someone else may know it") must revoke the
/// user's API tokens and end their browser sessions, unless the administrator explicitly keeps them.
/// </summary>
public sealed class AdminPasswordResetTests : IDisposable
{
    private const string AdminPassword = "root's password";
    private const string BobPassword = "bob's password";
    private readonly MementoAppFactory app = new();
    private readonly long bobId;

    public AdminPasswordResetTests()
    {
        app.CreateUserAsync("root", AdminPassword, isSysAdmin: true).GetAwaiter().GetResult();
        bobId = app.CreateUserAsync("bob", BobPassword).GetAwaiter().GetResult().Id;
    }

    public void Dispose() => app.Dispose();

    private async Task<string> BobsTokenAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateApiTokenAsync(bobId, "nightly export");
        return secret;
    }

    private HttpClient Script(string token)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<JsonElement> ResetAsync(string input)
    {
        using var admin = app.CreateBrowser();
        await admin.SignInAsync("root", AdminPassword);
        var body = JsonSerializer.Serialize(new
        {
            query = $"mutation {{ resetPassword(input: {{id: {bobId}, password: \"bob's new password\"{input}}}) {{ user {{ id }} }} }}",
        });
        using var response = await admin.Http.PostAsync("/graphql", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task A_reset_revokes_the_users_api_tokens_and_ends_their_sessions()
    {
        using var script = Script(await BobsTokenAsync());
        using var bob = app.CreateBrowser();
        await bob.SignInAsync("bob", BobPassword);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bob.GetPageAsync("/")).Response.StatusCode);

        var reset = await ResetAsync("");

        Assert.False(reset.TryGetProperty("errors", out _), reset.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await bob.GetPageAsync("/")).Response.StatusCode);
    }

    [Fact]
    public async Task With_keepSessions_the_tokens_and_sessions_keep_working()
    {
        using var script = Script(await BobsTokenAsync());
        using var bob = app.CreateBrowser();
        await bob.SignInAsync("bob", BobPassword);

        var reset = await ResetAsync(", keepSessions: true");

        Assert.False(reset.TryGetProperty("errors", out _), reset.ToString());
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bob.GetPageAsync("/")).Response.StatusCode);
        // The new password is in force either way.
        using var again = app.CreateBrowser();
        await again.SignInAsync("bob", "bob's new password");
    }
}
