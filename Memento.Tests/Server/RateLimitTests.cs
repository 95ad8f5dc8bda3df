using System.Net;
using Memento.Tests.Support;

namespace Memento.Tests.Server;

public sealed class RateLimitTests : IDisposable
{
    private readonly MementoAppFactory app = new(new Dictionary<string, string?> { ["Memento:LoginAttemptsPerMinute"] = "3" });

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_get_a_friendly_429_page_until_the_minute_passes()
    {
        using var browser = app.CreateBrowser();
        var fields = new Dictionary<string, string> { ["userName"] = "mallory", ["password"] = "guess" };
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await browser.SubmitAsync("/login", "/login", fields)).Response.StatusCode);

        var (response, page) = await browser.SubmitAsync("/login", "/login", fields);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("Too many sign-in attempts", page.QuerySelector("[role=alert]")?.TextContent);
        Assert.NotNull(response.Headers.RetryAfter);
        // Reading the login page is not an attempt: it still works.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetPageAsync("/login")).Response.StatusCode);
    }
}
