using System.Net;
using Memento.Domain.Accounts;
using Memento.Server.Hosting;
using Memento.Tests.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Memento.Tests.Server;

/// <summary>
/// Issue 10, finding 9: every response — page, API, tile, static file, 404 and 500 — tells browsers not to sniff
/// types, to run only our own script files, never to frame us, and not to leak capability URLs as referrers.
/// </summary>
public sealed class SecurityHeadersTests : IDisposable
{
    private readonly MementoAppFactory app = new();

    public void Dispose() => app.Dispose();

    public static TheoryData<string, string> Requests => new()
    {
        { "GET", "/login" },                                     // a page
        { "GET", "/graphql" },                                   // the query page (Memento's, through the engine's hook)
        { "POST", "/graphql" },                                  // the API
        { "GET", "/css/site.css" },                              // a static file
        { "GET", "/no/such/page" },                              // a 404
        { "GET", "/tiles/1/0000/4102444800/AAAA/image.dzi" },    // a tile URL (refused: bad signature), short-circuited
        { "GET", "/health" },
    };

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method == "POST")
            request.Content = new StringContent("""{"query":"{ health }"}""", System.Text.Encoding.UTF8, "application/json");
        request.Headers.Accept.ParseAdd("text/html");
        return await client.SendAsync(request);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Every_response_forbids_sniffing_inline_script_and_framing(string method, string url)
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await SendAsync(client, method, url);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Header(response, "Content-Security-Policy"));
        Assert.Contains("script-src 'self';", Header(response, "Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"));
        Assert.NotNull(Header(response, "Referrer-Policy"));
        // Plain-http install (no https public URL): HSTS would lock browsers out of it.
        Assert.Null(Header(response, "Strict-Transport-Security"));
    }

    [Theory]
    [InlineData("/share/abcdef", SecurityHeaders.NoReferrer)]
    [InlineData("/login?token=abcdef", SecurityHeaders.NoReferrer)]
    [InlineData("/tiles/1/0000/4102444800/AAAA/image.dzi", SecurityHeaders.NoReferrer)]
    [InlineData("/login", SecurityHeaders.DefaultReferrerPolicy)]
    public async Task Urls_carrying_a_capability_send_no_referrer(string url, string policy)
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync(url);

        Assert.Equal(policy, Header(response, "Referrer-Policy"));
    }

    [Fact]
    public async Task Hsts_is_sent_when_the_public_url_is_https()
    {
        using var https = new MementoAppFactory(new Dictionary<string, string?> { ["Memento:PublicUrl"] = "https://memento.example.org" });
        using var client = https.CreateClient();

        using var response = await client.GetAsync("/login");

        Assert.Equal(SecurityHeaders.StrictTransportSecurity, Header(response, "Strict-Transport-Security"));
    }

    /// <summary>Account rules that cannot be read: stands in for any unexpected fault deep inside a request.</summary>
    private sealed class BrokenRules : IOptions<AccountOptions>
    {
        public AccountOptions Value => throw new InvalidOperationException("rules exploded");
    }

    [Fact]
    public async Task An_unexpected_error_page_still_carries_the_headers()
    {
        await app.CreateUserAsync("frank", "frank's password");
        var broken = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IOptions<AccountOptions>>(new BrokenRules())));
        using var browser = new BrowserClient(broken.CreateClient(new() { AllowAutoRedirect = false }));

        var (response, _) = await browser.SubmitAsync("/login", "/login",
            new Dictionary<string, string> { ["userName"] = "frank", ["password"] = "frank's password" });

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Header(response, "Content-Security-Policy"));
    }
}
