using System.Text.Json;
using System.Text.RegularExpressions;
using Memento.Tests.Browser.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Memento.Tests.Browser;

/// <summary>
/// The viewer's sidebar and thumbnail grid in Chromium, as an annotator uses them (manual, "GUI in depth"): a click on
/// a category highlights it, shows its cards (preview images, forcerow, nameshidden, darkmode) and expands its list
/// with badges; a card opens its annotation and the grid goes; the category brings it back; a category of 60 pages
/// by 25 with "More…". Badges: fact_check, notes, share (not for a viewer), the classification as an icon or, with
/// clastype:l, a letter; a submit removes fact_check.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ViewerSidebarTests(BrowserWorld world)
{
    private sealed record Scene(long Project, long Kidney, long Big, long Pictured, string PicturedName,
        Dictionary<string, long> Annotations, (long Id, string Name, string Password) Participant,
        (long Id, string Name, string Password) Viewer);

    private static long Id(JsonElement data, string field, string item) =>
        data.GetProperty(field).GetProperty(item).GetProperty("id").GetInt64();

    /// <summary>
    /// A project with the label "Tumour" and classifications "Grade 1", "Grade 2". Category "Kidney" (forcerow:3):
    /// "pictured" (an image layer), "commented", "shared" (an active link), "graded" (Grade 2), "done" (submitted).
    /// Category "Big" (nameshidden, darkmode:1): 60 annotations. A participant and a viewer of the project.
    /// </summary>
    private async Task<Scene> SceneAsync()
    {
        var project = Id(await world.AdminAsync("mutation($n: String!) { createProject(input: {name: $n}) { project { id } } }",
            new { n = BrowserWorld.Unique("Sidebar") }), "createProject", "project");
        async Task<long> Category(string name, string settings) => Id(await world.AdminAsync(
            "mutation($p: Long!, $n: String!, $s: String) { createCategory(input: {projectId: $p, name: $n, settings: $s}) { category { id } } }",
            new { p = project, n = BrowserWorld.Unique(name), s = settings }), "createCategory", "category");
        var kidney = await Category("Kidney", "forcerow:3");
        var big = await Category("Big", "nameshidden:1,darkmode:1");
        await world.AdminAsync("mutation($p: Long!) { createLabel(input: {projectId: $p, name: \"Tumour\"}) { label { id } } }", new { p = project });
        var grades = new List<long>();
        foreach (var grade in new[] { "Grade 1", "Grade 2" })
            grades.Add((await world.AdminAsync("mutation($p: Long!, $n: String!) { createClassification(input: {projectId: $p, name: $n}) { classification { id } } }",
                new { p = project, n = grade })).GetProperty("createClassification").GetProperty("classification").GetProperty("id").GetInt64());
        await world.AdminAsync("mutation($c: Long!) { linkClassifications(input: {categoryId: $c, names: [\"Grade 1\", \"Grade 2\"]}) { classifications { id } } }",
            new { c = kidney });
        var image = await SceneUploads.UploadReadyImageAsync(world, project, "cells.png", SyntheticImages.Rgb8(64, 48), "cells.png");

        var annotations = new Dictionary<string, long>();
        var layers = new Dictionary<string, long>();
        async Task Annotation(long category, string key, string name, long? imageId = null)
        {
            var created = (await world.AdminAsync("""
                mutation($c: Long!, $n: String!, $i: Long) { createAnnotation(input: {categoryId: $c, name: $n, layer: {name: "Channel", imageId: $i}}) {
                  annotation { id } firstLayer { id } } }
                """, new { c = category, n = name, i = imageId })).GetProperty("createAnnotation");
            annotations[key] = created.GetProperty("annotation").GetProperty("id").GetInt64();
            layers[key] = created.GetProperty("firstLayer").GetProperty("id").GetInt64();
        }
        var picturedName = BrowserWorld.Unique("pictured");
        await Annotation(kidney, "pictured", picturedName, image);
        foreach (var key in new[] { "commented", "shared", "graded", "done" }) await Annotation(kidney, key, BrowserWorld.Unique(key));
        for (var i = 0; i < 60; i++) await Annotation(big, $"big{i:00}", $"big {i:00}");
        await world.AdminAsync("mutation($l: Long!) { addComment(input: {layerId: $l, content: \"Look here\"}) { comment { id } } }",
            new { l = layers["commented"] });
        await world.AdminAsync("mutation($a: Long!) { createShareLink(input: {annotationId: $a}) { url } }", new { a = annotations["shared"] });
        await world.AdminAsync("mutation($a: Long!, $c: Long!) { classifyAnnotation(input: {annotationId: $a, choices: [{classificationId: $c}]}) { choices { option } } }",
            new { a = annotations["graded"], c = grades[1] });
        await world.AdminAsync("mutation($a: Long!) { submitAnnotation(input: {id: $a}) { annotation { id } } }", new { a = annotations["done"] });

        var participant = await world.CreateUserAsync("sidebar-par");
        var viewer = await world.CreateUserAsync("sidebar-vie");
        foreach (var (user, code) in new[] { (participant.Id, "propar"), (viewer.Id, "provie") })
            await world.AdminAsync("mutation($u: Long!, $c: String!, $s: Long) { grantRole(input: {userId: $u, code: $c, scopeId: $s}) { __typename } }",
                new { u = user, c = code, s = project });
        return new Scene(project, kidney, big, annotations["pictured"], picturedName, annotations, participant, viewer);
    }

    private string ViewerUrl(Scene scene) => $"{world.Url}projects/{scene.Project}/viewer";

    private static ILocator CategoryLink(IPage page, long category) =>
        page.Locator($".viewer-category[data-category='{category}'] .viewer-category-link");

    private static ILocator Entry(IPage page, long annotation) => page.Locator($".sidebar-entries li[data-annotation='{annotation}']");

    private static ILocator Badge(IPage page, long annotation, string badge) => Entry(page, annotation).Locator($"[data-badge='{badge}']");

    [Fact]
    public async Task A_category_shows_its_grid_and_badged_list_a_card_opens_its_annotation_and_a_big_category_pages_by_25()
    {
        var scene = await SceneAsync();
        var (context, page) = await world.SignInAsync(scene.Participant.Name, scene.Participant.Password);
        await using var _ = context;
        await page.GotoAsync(ViewerUrl(scene));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Next" })).ToBeVisibleAsync();

        // A click on Kidney: highlighted, its cards in the stage, its list beneath its name.
        await CategoryLink(page, scene.Kidney).ClickAsync();
        await Expect(CategoryLink(page, scene.Kidney)).ToHaveAttributeAsync("aria-current", "true");
        Assert.EndsWith($"/viewer?category={scene.Kidney}", page.Url);
        var grid = page.Locator("#thumbnail-grid");
        await Expect(grid).ToBeVisibleAsync();
        var cards = grid.Locator("a.grid-card");
        await Expect(cards).ToHaveCountAsync(5);
        await Expect(page.Locator(".sidebar-entries li")).ToHaveCountAsync(5);
        var picturedCard = grid.GetByRole(AriaRole.Link, new() { Name = scene.PicturedName });
        await Expect(picturedCard.Locator("img.grid-preview")).ToHaveAttributeAsync("src", new Regex("thumbnail\\.(jpg|png)$"));
        Assert.True(await picturedCard.Locator("img").EvaluateAsync<bool>("img => img.decode().then(() => img.naturalWidth > 0)"));
        await Expect(grid.Locator(".grid-name")).ToHaveCountAsync(5);
        // forcerow:3: three cards a row, the fourth starts the next.
        var boxes = new List<LocatorBoundingBoxResult>();
        for (var i = 0; i < 4; i++) boxes.Add((await cards.Nth(i).BoundingBoxAsync())!);
        Assert.Equal(boxes[0].Y, boxes[1].Y, 1);
        Assert.Equal(boxes[0].Y, boxes[2].Y, 1);
        Assert.True(boxes[3].Y > boxes[0].Y + boxes[0].Height - 1, "the fourth card starts a second row");
        Assert.Equal(boxes[0].X, boxes[3].X, 1);

        // Badges, each with its words.
        await Expect(Badge(page, scene.Pictured, "fact_check")).ToHaveTextAsync(new Regex("Needs labels"));
        await Expect(Badge(page, scene.Annotations["commented"], "notes")).ToHaveTextAsync(new Regex("Has comments"));
        await Expect(Badge(page, scene.Annotations["shared"], "share")).ToHaveCountAsync(1);
        await Expect(Badge(page, scene.Pictured, "share")).ToHaveCountAsync(0);
        await Expect(Badge(page, scene.Annotations["graded"], "classification")).ToHaveTextAsync("counter_2Classified: Grade 2");
        await Expect(Badge(page, scene.Annotations["done"], "fact_check")).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // A card opens its annotation in place; the grid goes. The highlighted category brings it back.
        await page.EvaluateAsync("() => { window.samePage = true; }");
        await picturedCard.ClickAsync();
        await Expect(page.Locator($"#viewer[data-status=ready][data-annotation='{scene.Pictured}']")).ToBeAttachedAsync(new() { Timeout = 15_000 });
        Assert.EndsWith($"/viewer/annotations/{scene.Pictured}", page.Url);
        await Expect(grid).ToBeHiddenAsync();
        await Expect(Entry(page, scene.Pictured).Locator("a")).ToHaveAttributeAsync("aria-current", "page");
        await CategoryLink(page, scene.Kidney).ClickAsync();
        await Expect(grid).ToBeVisibleAsync();
        Assert.EndsWith($"/viewer?category={scene.Kidney}", page.Url);
        await Expect(page.Locator("#layer-panel .channel")).ToHaveCountAsync(0); // the annotation is closed

        // Big: names hidden, a dark grid, 25 at a time.
        await CategoryLink(page, scene.Big).ClickAsync();
        await Expect(CategoryLink(page, scene.Kidney)).Not.ToHaveAttributeAsync("aria-current", "true");
        await Expect(page.Locator($".viewer-category[data-category='{scene.Kidney}'] .sidebar-entries")).ToBeHiddenAsync();
        var bigEntries = page.Locator($".viewer-category[data-category='{scene.Big}'] .sidebar-entries li");
        await Expect(bigEntries).ToHaveCountAsync(25);
        await Expect(cards).ToHaveCountAsync(25);
        await Expect(grid.Locator(".grid-name")).ToHaveCountAsync(0);
        await Expect(grid.GetByRole(AriaRole.Link, new() { Name = "big 00", Exact = true })).ToBeVisibleAsync();
        Assert.Equal("rgb(17, 17, 17)", await grid.EvaluateAsync<string>("g => getComputedStyle(g).backgroundColor"));
        var more = page.Locator(".viewer-sidebar").GetByRole(AriaRole.Button, new() { Name = "More…" });
        await more.ClickAsync();
        await Expect(bigEntries).ToHaveCountAsync(50);
        await Expect(cards).ToHaveCountAsync(50);
        await grid.GetByRole(AriaRole.Button, new() { Name = "More…" }).ClickAsync();
        await Expect(bigEntries).ToHaveCountAsync(60);
        await Expect(more).ToBeHiddenAsync();
        await Expect(bigEntries.Last).ToHaveTextAsync(new Regex("big 59"));
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // Next opens the first annotation still needing labels, in the sidebar's order (Big before Kidney).
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await Expect(page.Locator($"#viewer[data-status=ready][data-annotation='{scene.Annotations["big00"]}']")).ToBeAttachedAsync(new() { Timeout = 15_000 });
        await Expect(grid).ToBeHiddenAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.samePage === true"));
    }

    [Fact]
    public async Task A_submit_clears_fact_check_clastype_l_shows_a_letter_and_a_viewer_sees_no_share_badge()
    {
        var scene = await SceneAsync();
        await world.AdminAsync("mutation($a: Long!) { submitAnnotation(input: {id: $a}) { annotation { id } } }", new { a = scene.Pictured });
        await world.AdminAsync("mutation($p: Long!) { setProjectSettings(input: {id: $p, settings: \"clastype:l\"}) { project { id } } }",
            new { p = scene.Project });

        var (context, page) = await world.SignInAsync(scene.Participant.Name, scene.Participant.Password);
        await using (context)
        {
            // The deep link opens the annotation and expands its category.
            await page.GotoAsync($"{ViewerUrl(scene)}/annotations/{scene.Pictured}");
            await Expect(page.Locator($"#viewer[data-status=ready][data-annotation='{scene.Pictured}']")).ToBeAttachedAsync(new() { Timeout = 15_000 });
            await Expect(page.Locator("#thumbnail-grid")).ToBeHiddenAsync();
            await Expect(Entry(page, scene.Annotations["graded"])).ToBeVisibleAsync();
            await Expect(Badge(page, scene.Pictured, "fact_check")).ToHaveCountAsync(0);
            await Expect(Badge(page, scene.Annotations["commented"], "fact_check")).ToHaveCountAsync(1);
            await Expect(Badge(page, scene.Annotations["graded"], "classification")).ToHaveTextAsync("G2Classified: Grade 2");
            await Expect(Badge(page, scene.Annotations["shared"], "share")).ToHaveCountAsync(1);
        }

        var (viewerContext, viewerPage) = await world.SignInAsync(scene.Viewer.Name, scene.Viewer.Password);
        await using (viewerContext)
        {
            await viewerPage.GotoAsync($"{ViewerUrl(scene)}?category={scene.Kidney}");
            await Expect(viewerPage.Locator("#thumbnail-grid a.grid-card")).ToHaveCountAsync(5);
            await Expect(Entry(viewerPage, scene.Annotations["commented"]).Locator("[data-badge='notes']")).ToHaveCountAsync(1);
            await Expect(Entry(viewerPage, scene.Annotations["shared"]).Locator("[data-badge]")).ToHaveCountAsync(1); // fact_check only
            await Expect(Entry(viewerPage, scene.Annotations["shared"]).Locator("[data-badge='share']")).ToHaveCountAsync(0);
        }
    }
}
