using Memento.Tests.Server;
using Memento.Tests.Browser.Support;
using Microsoft.Playwright;

namespace Memento.Tests.Browser;

/// <summary>
/// A person with a browser: signs in on the login page of a real server (child process, real port), lands on the
/// home page, then uses the /graphql query page — the editor runs a query with the session cookie and the explorer
/// lists the schema from introspection.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SignInAndQueryPageTests(BrowserWorld world)
{
    [Fact]
    public async Task Signing_in_in_a_browser_opens_a_session_that_the_query_page_uses()
    {
        await using var context = await world.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(world.Url + "login");
        await page.FillAsync("input[name=userName]", "admin");
        await page.FillAsync("input[name=password]", LiveServer.Password);
        await page.ClickAsync("button[type=submit], input[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/login"));
        Assert.Contains(await context.CookiesAsync(), c => c is { Name: "memento.session", HttpOnly: true });

        await page.GotoAsync(world.Url + "graphql");
        // The app shell knows the user too: the navigation shows them.
        await Assertions.Expect(page.Locator("header.topbar")).ToContainTextAsync("admin");
        await QueryPageEditors.ReplaceAsync(page, "query", "{ me { username isSysadm } }");
        await page.ClickAsync("#run");
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("HTTP 200");
        var result = await page.Locator("#result").TextContentAsync();
        Assert.Contains("\"username\": \"admin\"", result);
        Assert.Contains("\"isSysadm\": true", result);
    }

    [Fact]
    public async Task Without_a_session_the_login_page_refuses_a_wrong_password_and_the_query_page_sees_no_user()
    {
        await using var context = await world.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(world.Url + "login");
        await page.FillAsync("input[name=userName]", "admin");
        await page.FillAsync("input[name=password]", "not the password");
        await page.ClickAsync("button[type=submit], input[type=submit]");
        Assert.Contains("/login", page.Url);
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name == "memento.session");

        await page.GotoAsync(world.Url + "graphql");
        await QueryPageEditors.ReplaceAsync(page, "query", "{ me { username } }");
        await page.ClickAsync("#run");
        await Assertions.Expect(page.Locator("#result")).ToContainTextAsync("\"me\": null");
    }

    [Fact]
    public async Task Without_javascript_the_query_page_is_a_form_that_runs_a_query()
    {
        await using var context = await world.Browser.NewContextAsync(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync(world.Url + "graphql");

        await page.FillAsync("#query", "{ health }");
        await page.ClickAsync("#run");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("\"health\"");
    }

    [Fact]
    public async Task The_query_page_explorer_lists_the_schema_and_filters_its_types()
    {
        await using var context = await world.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(world.Url + "graphql");

        var explorer = page.Locator("#explorer");
        await Assertions.Expect(explorer).Not.ToContainTextAsync("Loading the schema");
        await page.FillAsync("#explorer-search", "ProjectConnection");
        await Assertions.Expect(explorer).ToContainTextAsync("ProjectConnection");
        await Assertions.Expect(explorer).Not.ToContainTextAsync("UserConnection");
    }
}
