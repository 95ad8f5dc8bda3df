using System.Diagnostics;
using System.Text.Json;
using Memento.Tests.Browser.Support;
using static Memento.Tests.Browser.Support.QueryPageEditors;
using Microsoft.Playwright;

namespace Memento.Tests.Browser;

/// <summary>
/// The /graphql query page as an API user works with it: the editor completes, marks and explains from the schema,
/// the explorer finds types, runs use the variables and headers typed, the history survives a reload, prettify
/// reformats, and "copy as curl" gives a command that answers what the page showed.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class QueryPageTests(BrowserWorld world)
{
    /// <summary>The page, once the schema has arrived (completion, markers and explorer need it).</summary>
    private async Task<IPage> OpenAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(world.Url + "graphql");
        await Assertions.Expect(page.Locator("#explorer")).ToContainTextAsync("Root types");
        return page;
    }

    [Fact]
    public async Task Typing_completes_field_names_from_the_schema()
    {
        await using var context = await world.Browser.NewContextAsync();
        var page = await OpenAsync(context);

        await ReplaceAsync(page, "query", "");
        await page.Keyboard.TypeAsync("{ proj");
        var completions = page.Locator(".cm-tooltip-autocomplete");
        await Assertions.Expect(completions).ToContainTextAsync("projects");
        await completions.Locator("li", new() { HasTextRegex = new("^projects") }).First.ClickAsync();

        Assert.StartsWith("{ projects", await TextAsync(page, "query"));
    }

    [Fact]
    public async Task An_unknown_field_is_marked_with_the_validation_message_and_hover_explains_a_field()
    {
        await using var context = await world.Browser.NewContextAsync();
        var page = await OpenAsync(context);

        await ReplaceAsync(page, "query", "{ projectz { totalCount } }");
        var marked = page.Locator("#query-editor .cm-lintRange-error");
        await Assertions.Expect(marked).ToHaveTextAsync("projectz");
        await marked.HoverAsync();
        await Assertions.Expect(page.Locator(".cm-tooltip-lint")).ToContainTextAsync("Cannot query field \"projectz\" on type \"Query\".");

        await ReplaceAsync(page, "query", "{ projects { totalCount } }");
        await Assertions.Expect(marked).ToHaveCountAsync(0);
        await HoverWordAsync(page, "query", "projects");
        var hover = page.Locator(".gql-hover");
        await Assertions.Expect(hover).ToContainTextAsync("Query.projects");
        await Assertions.Expect(hover).ToContainTextAsync("Projects the caller can open");
    }

    [Fact]
    public async Task The_explorer_search_finds_a_type_and_shows_its_fields_and_a_field_leads_to_its_type()
    {
        await using var context = await world.Browser.NewContextAsync();
        var page = await OpenAsync(context);
        var explorer = page.Locator("#explorer");

        await page.FillAsync("#explorer-search", "ProjectConnection");
        await explorer.GetByRole(AriaRole.Button, new() { Name = "ProjectConnection", Exact = true }).First.ClickAsync();
        await Assertions.Expect(explorer.Locator("h3")).ToContainTextAsync("ProjectConnection");
        await Assertions.Expect(explorer).ToContainTextAsync("totalCount");
        await Assertions.Expect(explorer).Not.ToContainTextAsync("UserConnection");

        // The field "nodes" leads to the type it returns; the trail leads back.
        await explorer.GetByRole(AriaRole.Button, new() { Name = "nodes", Exact = true }).ClickAsync();
        await Assertions.Expect(explorer.Locator("h3")).ToContainTextAsync("Project");
        await Assertions.Expect(page.Locator("#explorer-trail")).ToContainTextAsync("Schema › ProjectConnection › Project");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task A_run_uses_the_variables_and_is_kept_in_the_history_across_a_reload()
    {
        var name = BrowserWorld.Unique("Query page");
        await world.AdminAsync("mutation($n: String!) { createProject(input: { name: $n }) { project { id } } }", new { n = name });
        var (context, _) = await world.SignInAsync();
        await using var _context = context;
        var page = await OpenAsync(context);
        const string query = "query ByName($name: String!) { projectByName(name: $name) { name } }";

        await ReplaceAsync(page, "query", query);
        await ReplaceAsync(page, "variables", JsonSerializer.Serialize(new { name }));
        await page.Keyboard.PressAsync("Control+Enter");
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("HTTP 200");
        await Assertions.Expect(page.Locator("#result")).ToContainTextAsync($"\"name\": {JsonSerializer.Serialize(name)}");

        await page.ReloadAsync();
        await ReplaceAsync(page, "query", "{ me { username } }");
        await page.ClickAsync("#history-tab");
        var entry = page.Locator("#history li button", new() { HasText = "ByName" });
        await Assertions.Expect(entry).ToHaveCountAsync(1);
        await entry.ClickAsync();
        Assert.Equal(query, await TextAsync(page, "query"));
        Assert.Contains(name, await TextAsync(page, "variables"));
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.ClickAsync("#history-clear");
        await Assertions.Expect(page.Locator("#history")).ToContainTextAsync("No runs yet.");
        await page.ReloadAsync();
        await page.ClickAsync("#history-tab");
        await Assertions.Expect(page.Locator("#history")).ToContainTextAsync("No runs yet.");
    }

    [Fact]
    public async Task Prettify_reformats_the_query()
    {
        await using var context = await world.Browser.NewContextAsync();
        var page = await OpenAsync(context);

        await ReplaceAsync(page, "query", "query Me{me{username isSysadm}}");
        await page.ClickAsync("#prettify");

        Assert.Equal("query Me {\n  me {\n    username\n    isSysadm\n  }\n}", await TextAsync(page, "query"));
    }

    [Fact]
    public async Task Copy_as_curl_gives_a_command_that_answers_what_the_page_showed()
    {
        // A name the shell would expand or split if it were quoted wrongly: quotes, $, backslash.
        var name = BrowserWorld.Unique("O'Brien's \"cells\" $HOME \\n");
        await world.AdminAsync("mutation($n: String!) { createProject(input: { name: $n }) { project { id } } }", new { n = name });
        var token = (await world.AdminAsync("mutation($n: String!) { createApiToken(input: { name: $n }) { token } }",
            new { n = BrowserWorld.Unique("curl") })).GetProperty("createApiToken").GetProperty("token").GetString()!;
        // Not signed in: only the Authorization header typed in the page makes the caller the admin.
        await using var context = await world.Browser.NewContextAsync();
        var page = await OpenAsync(context);

        await ReplaceAsync(page, "query", "query($name: String!) { me { username } projectByName(name: $name) { name } }");
        await ReplaceAsync(page, "variables", JsonSerializer.Serialize(new { name }));
        await page.ClickAsync("#headers-tab");
        await ReplaceAsync(page, "headers", JsonSerializer.Serialize(new { Authorization = "Bearer " + token }));
        await page.ClickAsync("#run");
        await Assertions.Expect(page.Locator("#result")).ToContainTextAsync("\"username\": \"admin\"");
        var shown = JsonDocument.Parse(await page.Locator("#result").TextContentAsync() ?? "").RootElement;

        await page.ClickAsync("#copy-curl");
        var command = await page.Locator("#curl").InputValueAsync();
        Assert.StartsWith("curl '" + world.Url + "graphql'", command);

        var curl = Process.Start(new ProcessStartInfo("sh", ["-c", command + " --silent --show-error"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        })!;
        var output = await curl.StandardOutput.ReadToEndAsync();
        await curl.WaitForExitAsync();
        Assert.True(curl.ExitCode == 0, $"curl failed: {await curl.StandardError.ReadToEndAsync()}");
        var answered = JsonDocument.Parse(output).RootElement;
        Assert.Equal(JsonSerializer.Serialize(shown), JsonSerializer.Serialize(answered));
        Assert.Equal(name, answered.GetProperty("data").GetProperty("projectByName").GetProperty("name").GetString());
    }
}
