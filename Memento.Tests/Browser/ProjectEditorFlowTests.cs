using System.Text.Json;
using Memento.Tests.Browser.Support;
using Memento.Tests.Server;
using Microsoft.Playwright;

namespace Memento.Tests.Browser;

/// <summary>
/// Flow 2 of the manual in Chromium: an administrator opens the editor of a project made through the API, edits its
/// settings (an unknown key refused with its message, nothing saved; then a valid string), adds a label and renames
/// it, adds a category and a classification, uploads a real CellProfiler image through the form (progress bar,
/// then READY with a thumbnail that loads), and reads the counters. Once with htmx, once without JavaScript.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ProjectEditorFlowTests(BrowserWorld world)
{
    private const string Hostile = "<script>alert('x')</script> \u202Ertl 🧫";
    private static readonly string Sample = TilesTestSupport.CellProfiler("HumanHT29/D03/f00/d0.tif");

    /// <summary>A project (hostile name) with one participant, made through the API; returns its id and the participant's name.</summary>
    private async Task<(long Id, string Participant)> SceneAsync()
    {
        var data = await world.AdminAsync("mutation($n: String!) { createProject(input: { name: $n }) { project { id } } }",
            new { n = BrowserWorld.Unique(Hostile) });
        var id = data.GetProperty("createProject").GetProperty("project").GetProperty("id").GetInt64();
        var participant = await world.CreateUserAsync("annotator");
        await world.AdminAsync("mutation($u: Long!, $p: Long!) { grantRole(input: { userId: $u, code: \"propar\", scopeId: $p }) { permission { code } } }",
            new { u = participant.Id, p = id });
        return (id, participant.Name);
    }

    private async Task<JsonElement> ProjectAsync(long id) =>
        (await world.AdminAsync("query($id: Long!) { project(id: $id) { name settings labels { name } categories { name } } }", new { id }))
        .GetProperty("project");

    [Fact]
    public async Task An_administrator_sets_up_a_project_in_the_editor_with_htmx()
    {
        var (id, participant) = await SceneAsync();
        var (context, page) = await world.SignInAsync();
        await using var _ = context;
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
        await page.GotoAsync($"{world.Url}projects/{id}");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(Hostile);
        await Assertions.Expect(page.Locator("#members")).ToContainTextAsync(participant);
        await Assertions.Expect(page.Locator("[data-counter=participants]")).ToHaveTextAsync("1");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // Settings: an unknown key is refused next to the field and nothing is saved.
        await page.FillAsync("#edit input[name=settings]", "darkmode:1,colour:red");
        await page.ClickAsync("#edit button[type=submit]");
        await Assertions.Expect(page.Locator("#edit .field-error")).ToContainTextAsync("Unknown setting 'colour'. The known keys are: darkmode, clastype");
        await Assertions.Expect(page.Locator("#edit input[name=settings]")).ToHaveValueAsync("darkmode:1,colour:red");
        Assert.Equal("", (await ProjectAsync(id)).GetProperty("settings").GetString());
        await page.FillAsync("#edit input[name=settings]", "darkmode:1,fastannotation:1");
        await page.ClickAsync("#edit button[type=submit]");
        await Assertions.Expect(page.Locator("#edit .field-error")).ToHaveCountAsync(0);
        Assert.Equal("darkmode:1,fastannotation:1", (await ProjectAsync(id)).GetProperty("settings").GetString());

        // A label, renamed inline; a category; a classification.
        await page.FillAsync("#labels input[placeholder='e.g. positive']", "positive");
        await page.ClickAsync("#labels button:has-text('Add label')");
        await Assertions.Expect(page.Locator("#labels li input[name=name]")).ToHaveValueAsync("positive");
        await page.FillAsync("#labels li input[name=name]", "artifact");
        await page.ClickAsync("#labels li button:has-text('Rename')");
        await Assertions.Expect(page.Locator("#labels li input[name=name]")).ToHaveValueAsync("artifact");
        await page.FillAsync("#categories input[name=name]", "Wild type");
        await page.ClickAsync("#categories button:has-text('Add category')");
        await Assertions.Expect(page.Locator("#categories a:has-text('Wild type')")).ToHaveCountAsync(1);
        await page.FillAsync("#classifications input[placeholder='e.g. Grade 1']", "Grade 1");
        await page.ClickAsync("#classifications button:has-text('Add classification')");
        await Assertions.Expect(page.Locator("#classifications li input[name=name]")).ToHaveValueAsync("Grade 1");
        var project = await ProjectAsync(id);
        Assert.Equal("artifact", project.GetProperty("labels")[0].GetProperty("name").GetString());
        Assert.Equal("Wild type", project.GetProperty("categories")[0].GetProperty("name").GetString());

        // Upload: the progress bar shows while the file is sent, then the row polls until READY with its thumbnail.
        await page.EvaluateAsync("""
            () => { window.uploadBars = [];
              document.addEventListener('htmx:xhr:progress', (e) => {
                const bar = e.target.closest('form')?.querySelector('[data-upload-progress]');
                if (bar) window.uploadBars.push({ hidden: bar.hidden, value: bar.value });
              }); }
            """);
        await page.SetInputFilesAsync("#images input[type=file]", Sample);
        await page.SelectOptionAsync("#images form.add-image select[name=format]", "1");
        await page.ClickAsync("#images button:has-text('Add image')");
        var row = page.Locator("#images tr:has-text('d0.tif')");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-state", "READY", new() { Timeout = 90_000 });
        var bars = await page.EvaluateAsync<JsonElement>("() => window.uploadBars");
        Assert.Contains(bars.EnumerateArray(), b => !b.GetProperty("hidden").GetBoolean() && b.GetProperty("value").GetDouble() > 0);
        await page.WaitForFunctionAsync("() => { const img = document.querySelector('#images tr[data-state=READY] img'); return img && img.complete && img.naturalWidth > 0; }",
            null, new() { Timeout = 30_000 });
        await Assertions.Expect(row).ToContainTextAsync("1: RGB JPEG");
        await Assertions.Expect(row).Not.ToHaveAttributeAsync("hx-trigger", "every 2s");

        await Assertions.Expect(page.Locator("[data-counter=annotations]")).ToHaveTextAsync("0");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        Assert.Equal(0, dialogs); // the hostile name never ran as script
    }

    [Fact]
    public async Task The_same_setup_works_without_javascript()
    {
        var (id, _) = await SceneAsync();
        var (context, page) = await world.SignInAsync(javaScript: false);
        await using var _ = context;
        await page.GotoAsync($"{world.Url}projects/{id}");

        await page.FillAsync("#edit input[name=settings]", "clastype:x");
        await page.ClickAsync("#edit button[type=submit]");
        await Assertions.Expect(page.Locator("#edit .field-error")).ToContainTextAsync("The setting 'clastype' accepts i (icon, the default) or l (letter), not 'x'.");
        Assert.Equal("", (await ProjectAsync(id)).GetProperty("settings").GetString());
        await page.FillAsync("#edit input[name=settings]", "clastype:l");
        await page.ClickAsync("#edit button[type=submit]");
        await Assertions.Expect(page.Locator("#edit input[name=settings]")).ToHaveValueAsync("clastype:l");
        Assert.Equal("clastype:l", (await ProjectAsync(id)).GetProperty("settings").GetString());

        await page.FillAsync("#labels input[placeholder='e.g. positive']", "positive");
        await page.ClickAsync("#labels button:has-text('Add label')");
        await page.FillAsync("#labels li input[name=name]", "artifact");
        await page.ClickAsync("#labels li button:has-text('Rename')");
        await Assertions.Expect(page.Locator("#labels li input[name=name]")).ToHaveValueAsync("artifact");
        await page.FillAsync("#categories input[name=name]", "Wild type");
        await page.ClickAsync("#categories button:has-text('Add category')");
        await Assertions.Expect(page.Locator("#categories a:has-text('Wild type')")).ToHaveCountAsync(1);
        await page.FillAsync("#classifications input[placeholder='e.g. Grade 1']", "Grade 1");
        await page.ClickAsync("#classifications button:has-text('Add classification')");
        await Assertions.Expect(page.Locator("#classifications li input[name=name]")).ToHaveValueAsync("Grade 1");

        await page.SetInputFilesAsync("#images input[type=file]", Sample);
        await page.SelectOptionAsync("#images form.add-image select[name=format]", "1");
        await page.ClickAsync("#images button:has-text('Add image')");
        var row = page.Locator("#images tr:has-text('d0.tif')");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        // Without JavaScript the row does not poll: reloading shows the new state.
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (await row.GetAttributeAsync("data-state") != "READY" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(1000);
            await page.ReloadAsync();
        }
        Assert.Equal("READY", await row.GetAttributeAsync("data-state"));
        var thumbnail = await row.Locator("img").GetAttributeAsync("src");
        var response = await context.APIRequest.GetAsync(new Uri(new Uri(world.Url), thumbnail).ToString());
        Assert.Equal(200, response.Status);
        Assert.StartsWith("image/", response.Headers["content-type"]);
    }

    [Fact]
    public async Task Removing_a_project_asks_first_then_leaves_for_the_projects_page()
    {
        var (id, _) = await SceneAsync();
        var (context, page) = await world.SignInAsync();
        await using var _ = context;
        await page.GotoAsync($"{world.Url}projects/{id}");
        string? question = null;
        page.Dialog += (_, dialog) => { question = dialog.Message; _ = dialog.AcceptAsync(); };
        await page.ClickAsync("#edit a:has-text('Remove project')");
        await page.WaitForURLAsync(url => url.EndsWith("/projects"));
        Assert.StartsWith("Remove the project and everything in it", question);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => ProjectAsync(id));
        Assert.Contains("does not exist", refused.Message);
    }
}
