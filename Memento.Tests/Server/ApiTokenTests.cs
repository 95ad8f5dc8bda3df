using System.Net;
using System.Net.Http.Headers;
using Memento.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Memento.Tests.Server;

public sealed class ApiTokenTests : IDisposable
{
    private const string Password = "carol's password";
    private readonly MementoAppFactory app = new();

    public ApiTokenTests() => app.CreateUserAsync("carol", Password).GetAwaiter().GetResult();

    public void Dispose() => app.Dispose();

    /// <summary>Creates a token on the API tokens page and returns the secret shown there.</summary>
    private async Task<string> CreateTokenAsync(BrowserClient browser, string name)
    {
        var (response, page) = await browser.SubmitAsync("/account/tokens", "/account/tokens", new Dictionary<string, string> { ["name"] = name });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "the page showing a secret must not be cached");
        return page.QuerySelector("code.secret")?.TextContent ?? throw new Xunit.Sdk.XunitException("no token shown");
    }

    private HttpClient Script(string token)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task A_new_token_is_shown_once_and_authenticates_scripts_as_its_owner()
    {
        using var browser = app.CreateBrowser();
        await browser.SignInAsync("carol", Password);
        var secret = await CreateTokenAsync(browser, "import script");

        Assert.Matches("^mem_[A-Za-z0-9_-]{43}$", secret);
        var (_, list) = await browser.GetPageAsync("/account/tokens");
        Assert.DoesNotContain(secret, list.Body!.InnerHtml);
        Assert.Contains("import script", list.Body.TextContent);
        Assert.Contains(secret[..12] + "…", list.Body.TextContent);

        using var script = Script(secret);
        var response = await script.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<bdi>carol</bdi>", await response.Content.ReadAsStringAsync()); // the top bar names the token's owner
    }

    [Fact]
    public async Task Only_the_hash_is_stored_and_last_use_is_recorded_at_most_once_a_minute()
    {
        using var browser = app.CreateBrowser();
        await browser.SignInAsync("carol", Password);
        var secret = await CreateTokenAsync(browser, "nightly export");
        using var script = Script(secret);

        var stored = await app.WithDbAsync(db => db.ApiTokens.AsNoTracking().SingleAsync());
        Assert.NotEqual(secret, stored.TokenHash);
        Assert.DoesNotContain(secret, stored.TokenHash + stored.Prefix + stored.Name);
        Assert.Null(stored.LastUsedAt);

        await script.GetAsync("/");
        var firstUse = app.Clock.GetUtcNow();
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        await script.GetAsync("/");
        Assert.Equal(firstUse, (await app.WithDbAsync(db => db.ApiTokens.AsNoTracking().SingleAsync())).LastUsedAt);

        app.Clock.Advance(TimeSpan.FromSeconds(31));
        await script.GetAsync("/");
        Assert.Equal(app.Clock.GetUtcNow(), (await app.WithDbAsync(db => db.ApiTokens.AsNoTracking().SingleAsync())).LastUsedAt);
    }

    [Fact]
    public async Task A_revoked_token_stops_working_at_once()
    {
        using var browser = app.CreateBrowser();
        await browser.SignInAsync("carol", Password);
        var secret = await CreateTokenAsync(browser, "old laptop");
        using var script = Script(secret);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/")).StatusCode);

        var id = await app.WithDbAsync(db => db.ApiTokens.Select(t => t.Id).SingleAsync());
        var (revoke, _) = await browser.SubmitAsync("/account/tokens", $"/account/tokens/{id}/revoke", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        var refused = await script.GetAsync("/");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("Bearer", refused.Headers.WwwAuthenticate.Single().Scheme);
        var (_, list) = await browser.GetPageAsync("/account/tokens");
        Assert.Contains("revoked", list.QuerySelector("tr.revoked")?.TextContent);
    }

    [Fact]
    public async Task Nobody_can_revoke_another_users_token()
    {
        await app.CreateUserAsync("dave", "dave's password");
        using var carol = app.CreateBrowser();
        await carol.SignInAsync("carol", Password);
        var secret = await CreateTokenAsync(carol, "carol's script");
        var id = await app.WithDbAsync(db => db.ApiTokens.Select(t => t.Id).SingleAsync());
        using var dave = app.CreateBrowser();
        await dave.SignInAsync("dave", "dave's password");

        // Dave has a valid form token of his own, and tries it on carol's token id.
        var (_, davesPage) = await dave.GetPageAsync("/account/tokens");
        var antiforgery = davesPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var (response, _) = await dave.PostAsync($"/account/tokens/{id}/revoke",
            [KeyValuePair.Create("__RequestVerificationToken", antiforgery)]);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var script = Script(secret);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/")).StatusCode);
    }

    [Theory]
    [InlineData("mem_thisIsNotARealTokenButHasTheRightShape1234567")]
    [InlineData("garbage")]
    public async Task Unknown_tokens_are_refused_with_401(string token)
    {
        using var script = Script(token);

        var response = await script.GetAsync("/");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
