using System.Text.Json;
using Memento.Tests.Browser.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Memento.Tests.Browser;

/// <summary>
/// The category area in Chromium, driven as a person would (typing, clicking), with JavaScript (htmx swaps the
/// editors) and without (every form posts and the page comes back): the category editor, an annotation's layers
/// and the members pages. axe-core checks every page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CategoryPagesBrowserTests(BrowserWorld world)
{
    private sealed record Scene(long Project, string ProjectName, long WT, long KO, string KoName, string Grade, long Image, string ImageName);

    private async Task<Scene> SceneAsync()
    {
        var name = BrowserWorld.Unique("Kidney");
        var project = Id(await world.AdminAsync("mutation($n: String!) { createProject(input: {name: $n}) { project { id } } }", new { n = name }), "createProject", "project");
        async Task<long> Category(string n) => Id(await world.AdminAsync(
            "mutation($p: Long!, $n: String!) { createCategory(input: {projectId: $p, name: $n}) { category { id } } }", new { p = project, n }), "createCategory", "category");
        var koName = BrowserWorld.Unique("KO");
        var (wt, ko) = (await Category(BrowserWorld.Unique("WT")), await Category(koName));
        var grade = BrowserWorld.Unique("Grade");
        await world.AdminAsync("mutation($p: Long!, $n: String!) { createClassification(input: {projectId: $p, name: $n}) { classification { id } } }", new { p = project, n = grade });
        var imageName = BrowserWorld.Unique("d0") + ".tif";
        var image = await SceneUploads.UploadReadyImageAsync(world, project, imageName);
        return new Scene(project, name, wt, ko, koName, grade, image, imageName);
    }

    /// <summary>A plain user made through the API as the admin (scene setup).</summary>
    private async Task<(long Id, string Name, string Password)> CreateUserAsync(string name)
    {
        var userName = BrowserWorld.Unique(name).Replace(' ', '-');
        const string password = "browser-user-password-1";
        var data = await world.AdminAsync("mutation($u: String!, $p: String!) { createUser(input: { username: $u, password: $p }) { user { id } } }",
            new { u = userName, p = password });
        return (Id(data, "createUser", "user"), userName, password);
    }

    private static long Id(JsonElement data, string field, string item) =>
        data.GetProperty(field).GetProperty(item).GetProperty("id").GetInt64();

    /// <summary>
    /// axe-core runs inside the page, which a context without JavaScript cannot do (Playwright's evaluate never
    /// returns there); the same pages are checked in the JavaScript runs, the confirmation pages included.
    /// </summary>
    private static Task AxeAsync(IPage page, bool javaScript) =>
        javaScript ? Accessibility.AssertNoSeriousViolationsAsync(page) : Task.CompletedTask;

    /// <summary>Clicks and waits for what follows: with htmx the editor is swapped in place, without it a new page loads.</summary>
    private static async Task SubmitAsync(IPage page, ILocator button)
    {
        await button.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_administrator_edits_a_category_and_adds_renames_moves_and_deletes_an_annotation(bool javaScript)
    {
        var scene = await SceneAsync();
        var (context, page) = await world.SignInAsync(javaScript: javaScript);
        await using var _ = context;
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GotoAsync($"{world.Url}categories/{scene.WT}");
        await AxeAsync(page, javaScript);

        // Settings: a bad value is refused next to the field, then a good one is saved.
        await page.GetByLabel("Settings", new() { Exact = true }).FillAsync("forcerow:lots");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Update" }));
        await Expect(page.Locator("#settings-error")).ToContainTextAsync("Bad value 'lots' for 'forcerow'");
        await Expect(page.GetByLabel("Settings", new() { Exact = true })).ToHaveValueAsync("forcerow:lots");
        await AxeAsync(page, javaScript);
        await page.GetByLabel("Settings", new() { Exact = true }).FillAsync("forcerow:4,nameshidden:1");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Update" }));
        await Expect(page.Locator("#settings-error")).ToHaveCountAsync(0);
        await page.ReloadAsync();
        await Expect(page.GetByLabel("Settings", new() { Exact = true })).ToHaveValueAsync("forcerow:4,nameshidden:1");

        // Link the project's classification.
        await page.GetByLabel(scene.Grade).CheckAsync();
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Save links" }));
        await page.ReloadAsync();
        await Expect(page.GetByLabel(scene.Grade)).ToBeCheckedAsync();

        // Add an annotation showing the uploaded (READY) image.
        await page.GetByLabel("Annotation name").FillAsync("sample 1");
        await page.Locator("select[name=imageId]").SelectOptionAsync(new SelectOptionValue { Label = scene.ImageName });
        await page.GetByLabel("Layer name").FillAsync("DAPI");
        await page.GetByLabel("Layer settings").FillAsync("bitDepth:12");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Add annotation" }));
        await Expect(page.Locator("#annotation-list td.name")).ToHaveTextAsync(["sample 1"]);

        // Rename it.
        await page.GetByLabel("New name of sample 1").FillAsync("sample one");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Rename sample 1" }));
        await Expect(page.Locator("#annotation-list td.name")).ToHaveTextAsync(["sample one"]);

        // Move it to KO: it leaves this list and appears there.
        await page.GetByLabel("Category to move sample one to").SelectOptionAsync(new SelectOptionValue { Label = scene.KoName });
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Move sample one" }));
        await Expect(page.Locator("#annotation-list")).ToContainTextAsync("No annotations yet");
        await page.GotoAsync($"{world.Url}categories/{scene.KO}");
        await Expect(page.Locator("#annotation-list td.name")).ToHaveTextAsync(["sample one"]);

        // Delete: htmx asks in a dialog (accepted above); without JavaScript a confirmation page comes first.
        if (javaScript)
        {
            var href = await page.GetByRole(AriaRole.Link, new() { Name = "Delete sample one" }).GetAttributeAsync("href");
            var confirmation = await context.NewPageAsync();
            await confirmation.GotoAsync(world.Url + href!.TrimStart('/'));
            await Expect(confirmation.Locator("h1")).ToHaveTextAsync("Delete annotation");
            await Accessibility.AssertNoSeriousViolationsAsync(confirmation);
            await confirmation.CloseAsync();
        }
        await page.GetByRole(AriaRole.Link, new() { Name = "Delete sample one" }).ClickAsync();
        if (!javaScript)
        {
            await Expect(page.Locator("h1")).ToHaveTextAsync("Delete annotation");
            await page.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        }
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Expect(page.Locator("#annotation-list")).ToContainTextAsync("No annotations yet");
        Assert.EndsWith($"/categories/{scene.KO}", page.Url);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_administrator_adds_an_image_layer_with_a_bit_depth_and_a_bad_setting_is_refused(bool javaScript)
    {
        var scene = await SceneAsync();
        var annotation = Id(await world.AdminAsync("""
            mutation($c: Long!) { createAnnotation(input: {categoryId: $c, name: "mouse 01", layer: {name: "channels", isGroup: true}}) { annotation { id } } }
            """, new { c = scene.WT }), "createAnnotation", "annotation");
        var (context, page) = await world.SignInAsync(javaScript: javaScript);
        await using var _ = context;
        await page.GotoAsync($"{world.Url}annotations/{annotation}");
        await AxeAsync(page, javaScript);

        var form = page.Locator("form", new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Add image layer" }) });
        await form.GetByLabel("Layer name").FillAsync("GFP");
        await form.Locator("select[name=imageId]").SelectOptionAsync(new SelectOptionValue { Label = scene.ImageName });
        await form.Locator("select[name=parentId]").SelectOptionAsync(new SelectOptionValue { Label = "channels" });
        await form.GetByLabel("Settings", new() { Exact = true }).FillAsync("bitDepth:99");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Add image layer" }));
        await Expect(page.Locator("#image-settings-error")).ToContainTextAsync("an integer from 1 to 16 is expected");
        await AxeAsync(page, javaScript);

        await form.GetByLabel("Settings", new() { Exact = true }).FillAsync("bitDepth:12");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Add image layer" }));
        var row = page.Locator("table.layers tr", new() { HasText = "GFP" });
        await Expect(row).ToContainTextAsync("in group channels");
        await Expect(row).ToContainTextAsync(scene.ImageName);
        await Expect(page.GetByLabel("Settings of layer GFP")).ToHaveValueAsync("bitDepth:12");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_administrator_grants_catpar_by_typing_part_of_a_name_and_that_user_then_sees_the_project(bool javaScript)
    {
        var scene = await SceneAsync();
        var reader = await CreateUserAsync("reader");
        var (context, page) = await world.SignInAsync(javaScript: javaScript);
        await using var _ = context;
        await page.GotoAsync($"{world.Url}categories/{scene.WT}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Participants and viewers of this category" }).ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("Members of category");
        await AxeAsync(page, javaScript);

        // Part of the name: "reader-3f2a1c" → "der-3f2a".
        var part = reader.Name[3..^2];
        var search = page.GetByLabel("Find a user");
        if (javaScript)
            await search.PressSequentiallyAsync(part, new() { Delay = 20 }); // htmx fills the results as one types
        else
        {
            await search.FillAsync(part);
            await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        }
        var pick = page.GetByRole(AriaRole.Button, new() { Name = $"Add {reader.Name} as participant (catpar)" });
        await Expect(pick).ToBeVisibleAsync();
        await AxeAsync(page, javaScript);
        await SubmitAsync(page, pick);
        var row = page.Locator("table.members tr", new() { HasText = reader.Name });
        await Expect(row).ToContainTextAsync("participant (catpar)");

        // Change the role to viewer and back, as the row's form offers.
        await row.GetByLabel($"New role of {reader.Name}").SelectOptionAsync("catvie");
        await SubmitAsync(page, row.GetByRole(AriaRole.Button, new() { Name = $"Change the role of {reader.Name}" }));
        await Expect(page.Locator("table.members tr", new() { HasText = reader.Name })).ToContainTextAsync("viewer (catvie)");
        row = page.Locator("table.members tr", new() { HasText = reader.Name });
        await row.GetByLabel($"New role of {reader.Name}").SelectOptionAsync("catpar");
        await SubmitAsync(page, row.GetByRole(AriaRole.Button, new() { Name = $"Change the role of {reader.Name}" }));
        await Expect(page.Locator("table.members tr", new() { HasText = reader.Name })).ToContainTextAsync("participant (catpar)");

        // The new participant now finds the project among their own (the home page lists these).
        var (readerContext, readerPage) = await world.SignInAsync(reader.Name, reader.Password);
        await using var __ = readerContext;
        var mine = await readerPage.EvaluateAsync<string>("""
            async () => (await (await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', 'GraphQL-Preflight': '1' },
                body: JSON.stringify({ query: '{ myProjects { name } }' }) })).text())
            """);
        Assert.Contains(scene.ProjectName, mine);
        // …and is refused the administrators' pages.
        var refused = await readerPage.GotoAsync($"{world.Url}categories/{scene.WT}/members");
        Assert.Equal(403, refused!.Status);
    }
}
