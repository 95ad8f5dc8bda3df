using Memento.Tests.Server;
using Memento.Tests.Browser.Support;
using Microsoft.Playwright;

namespace Memento.Tests.Browser;

/// <summary>
/// Issue 10, finding 9: the existing pages work under the Content-Security-Policy (no inline script or style), as a
/// real Chromium reports it: any blocked script, style or connection is a console error naming the policy.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserWorld world)
{
    [Fact]
    public async Task The_pages_and_the_query_page_load_and_run_without_a_policy_violation()
    {
        await using var context = await world.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Add(message.Text);
        };
        page.PageError += (_, error) => violations.Add(error);

        var login = await page.GotoAsync(world.Url + "login");
        Assert.Contains("script-src 'self'", await login!.HeaderValueAsync("content-security-policy"));
        await page.FillAsync("input[name=userName]", "admin");
        await page.FillAsync("input[name=password]", LiveServer.Password);
        await page.ClickAsync("button[type=submit], input[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/login"));
        foreach (var path in new[] { "", "account/password", "account/tokens" })
            await page.GotoAsync(world.Url + path);

        await page.GotoAsync(world.Url + "graphql");
        await Assertions.Expect(page.Locator("#explorer")).ToContainTextAsync("Root types");
        // CodeMirror's styles (adopted sheets in shadow roots), its tooltips and the page's scripts, all under the policy.
        await QueryPageEditors.ReplaceAsync(page, "query", "{ me { username } }");
        await page.ClickAsync("#run");
        await Assertions.Expect(page.Locator("#result")).ToContainTextAsync("\"username\": \"admin\"");

        Assert.Empty(violations);
    }
}
