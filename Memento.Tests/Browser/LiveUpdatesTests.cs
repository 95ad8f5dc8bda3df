using System.Text.Json;
using System.Text.RegularExpressions;
using Memento.Tests.Browser.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Memento.Tests.Browser;

/// <summary>
/// What is live (issue 16), seen by two people in two Chromium contexts: one comments, the other's sidebar shows the
/// notes badge without reloading; one saves a drawing layer, the other — drawing on it — is told before saving and
/// can reload theirs; an upload's processing bar moves and the row turns READY in place; the project editor's
/// counters change when a participant submits. They need the SSE transport (GET /graphql/stream) and the
/// subscription fields (categoryEvents, imageProgress, projectCounters): each test first waits for its page to say
/// it is live (data-live) and fails with the page's own reason when it is not.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveUpdatesTests(BrowserWorld world)
{
    private const string Slide = "/work/shared/sample-data/wsi/ndpi-fluorescence-DAPI.ndpi";

    private sealed record Scene(long Project, long Category, long Annotation, long ImageLayer, long DrawingLayer,
        string DrawingLayerName);

    /// <summary>
    /// A project (labels positive and negative; the label, layer and comment panels open at load), a category with one
    /// annotation: an image layer (tiny, tiled in a moment) and a drawing layer the admin owns.
    /// </summary>
    private async Task<Scene> SceneAsync()
    {
        var project = Id(await world.AdminAsync("mutation($n: String!, $s: String) { createProject(input: {name: $n, settings: $s}) { project { id } } }",
            new { n = BrowserWorld.Unique("Live"), s = "expandlayer:1,expandcomment:1,expandannotation:1" }), "createProject", "project");
        foreach (var label in new[] { "positive", "negative" })
            await world.AdminAsync("mutation($p: Long!, $n: String!) { createLabel(input: {projectId: $p, name: $n}) { label { id } } }", new { p = project, n = label });
        var category = Id(await world.AdminAsync("mutation($p: Long!, $n: String!) { createCategory(input: {projectId: $p, name: $n}) { category { id } } }",
            new { p = project, n = BrowserWorld.Unique("Kidney") }), "createCategory", "category");
        var image = await SceneUploads.UploadReadyImageAsync(world, project, "ramp.png",
            SyntheticImages.Grey16(320, 240, (x, y) => x * 150 + y * 40), "ramp.png");
        var created = await world.AdminAsync("""
            mutation($c: Long!, $n: String!, $i: Long) { createAnnotation(input: {categoryId: $c, name: $n, layer: {name: "DAPI", imageId: $i, sequence: 1}}) {
              annotation { id } firstLayer { id } } }
            """, new { c = category, n = BrowserWorld.Unique("Section"), i = image });
        var annotation = created.GetProperty("createAnnotation").GetProperty("annotation").GetProperty("id").GetInt64();
        var imageLayer = created.GetProperty("createAnnotation").GetProperty("firstLayer").GetProperty("id").GetInt64();
        var drawingName = BrowserWorld.Unique("Outlines");
        var drawing = Id(await world.AdminAsync("""
            mutation($a: Long!, $n: String!) { createLayer(input: {annotationId: $a, name: $n, kind: DRAWING, sequence: 0}) { layer { id } } }
            """, new { a = annotation, n = drawingName }), "createLayer", "layer");
        return new Scene(project, category, annotation, imageLayer, drawing, drawingName);
    }

    /// <summary>A new user with <paramref name="role"/> on the project, signed in in a context of their own.</summary>
    private async Task<(string Name, IBrowserContext Context, IPage Page)> MemberAsync(long project, string role)
    {
        var user = await world.CreateUserAsync(role == "proadm" ? "coadmin" : "annotator");
        await world.AdminAsync("mutation($u: Long!, $c: String!, $s: Long) { grantRole(input: {userId: $u, code: $c, scopeId: $s}) { permission { permissionId } } }",
            new { u = user.Id, c = role, s = project });
        var (context, page) = await world.SignInAsync(user.Name, user.Password);
        return (user.Name, context, page);
    }

    private static long Id(JsonElement data, string field, string item) =>
        data.GetProperty(field).GetProperty(item).GetProperty("id").GetInt64();

    private string AnnotationUrl(Scene scene) => $"{world.Url}projects/{scene.Project}/viewer/annotations/{scene.Annotation}";

    /// <summary>
    /// Waits until the element's data-live says "connected"; otherwise fails with what it says instead (e.g. "off:
    /// Live updates are not available on this server." while the server has no /graphql/stream).
    /// </summary>
    private static async Task AssertLiveAsync(IPage page, string selector)
    {
        try
        {
            // Connected, or off for good (a refused subscription says so at once): either ends the wait.
            await Expect(page.Locator($"{selector}[data-live=connected], {selector}[data-live^='off']")).ToBeAttachedAsync(new() { Timeout = 20_000 });
        }
        catch (PlaywrightException)
        {
        }
        var state = await page.Locator(selector).First.GetAttributeAsync("data-live");
        Assert.True(state == "connected", $"{selector} never went live over GET /graphql/stream; its data-live says: {state ?? "(nothing)"}");
    }

    /// <summary>A mark that a page load would wipe: still there means the page changed in place.</summary>
    private static Task MarkAsync(IPage page) => page.EvaluateAsync("() => { window.notReloaded = true; }");

    private static async Task AssertNotReloadedAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "the page was reloaded");

    [Fact]
    public async Task A_comment_one_person_adds_shows_as_a_notes_badge_in_the_other_persons_sidebar_without_reloading()
    {
        var scene = await SceneAsync();
        var (watcher, watching) = await world.SignInAsync();
        await using var _ = watcher;
        var (commenterName, commenter, commenting) = await MemberAsync(scene.Project, "propar");
        await using var __ = commenter;

        // The admin looks at the category: its grid and its list, the entry without a notes badge.
        await watching.GotoAsync($"{world.Url}projects/{scene.Project}/viewer?category={scene.Category}");
        var entry = watching.Locator($".viewer-sidebar li[data-annotation='{scene.Annotation}']");
        await Expect(entry).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(entry.Locator("[data-badge=notes]")).ToHaveCountAsync(0);
        await AssertLiveAsync(watching, "#viewer");
        await MarkAsync(watching);

        // The participant comments on the image layer in their own viewer.
        await commenting.GotoAsync(AnnotationUrl(scene));
        await Expect(commenting.Locator("#viewer[data-status=ready]")).ToBeAttachedAsync(new() { Timeout = 15_000 });
        var panel = commenting.Locator("#comment-panel");
        await panel.GetByLabel("New comment").FillAsync("Cortex looks thin here");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Add the comment" }).ClickAsync();
        await Expect(panel.Locator(".comment-author")).ToHaveTextAsync(commenterName);

        // The admin's sidebar shows the notes badge (its words for screen readers too), the page never reloaded.
        await Expect(entry.Locator("[data-badge=notes]")).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await Expect(entry.Locator("[data-badge=notes]")).ToHaveAttributeAsync("title", "Has comments");
        await AssertNotReloadedAsync(watching);

        // Opened there, the annotation shows the comment; a second one from the participant arrives in the open panel.
        await entry.Locator("a").ClickAsync();
        await Expect(watching.Locator($"#viewer[data-status=ready][data-annotation='{scene.Annotation}']")).ToBeAttachedAsync(new() { Timeout = 15_000 });
        var watchedPanel = watching.Locator("#comment-panel");
        await Expect(watchedPanel.Locator(".comment-text")).ToHaveTextAsync("Cortex looks thin here");
        await panel.GetByLabel("New comment").FillAsync("and the medulla too");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Add the comment" }).ClickAsync();
        await Expect(watchedPanel.Locator(".comment-text")).ToHaveTextAsync(["Cortex looks thin here", "and the medulla too"], new() { Timeout = 15_000 });
        await AssertNotReloadedAsync(watching);
    }

    [Fact]
    public async Task Another_persons_save_of_the_layer_being_drawn_on_is_announced_before_saving_and_Reload_shows_theirs()
    {
        var scene = await SceneAsync();
        var (editorContext, editorLogin) = await world.SignInAsync();
        await using var _ = editorContext;
        var (saverName, saverContext, saverLogin) = await MemberAsync(scene.Project, "proadm");
        await using var __ = saverContext;
        await editorLogin.CloseAsync();
        await saverLogin.CloseAsync();
        var editor = await OpenDrawingAsync(editorContext, scene);
        var saver = await OpenDrawingAsync(saverContext, scene);
        await AssertLiveAsync(editor, "#viewer");
        await AssertLiveAsync(saver, "#viewer");

        // The admin draws a rectangle and has not saved it; the co-administrator draws another and saves.
        await RectangleAsync(editor, 60, 60, 120, 120);
        await Expect(editor.Locator("[data-viewer-canvas]")).ToHaveAttributeAsync("data-roi-unsaved", "true");
        await RectangleAsync(saver, 180, 80, 260, 160);
        await saver.GetByRole(AriaRole.Button, new() { Name = "Save the drawing layer" }).ClickAsync();
        await Expect(saver.Locator(".roi-status")).ToHaveTextAsync("Saved 1 region.");
        var version = (await world.AdminAsync("query($l: Long!) { layer(id: $l) { version } }", new { l = scene.DrawingLayer }))
            .GetProperty("layer").GetProperty("version").GetInt32();

        // The admin is told at once, politely, before pressing Save: who, which layer, which version, and the choice.
        var notice = editor.Locator(".layer-notice");
        await Expect(notice).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(notice).ToHaveAttributeAsync("role", "status");
        await Expect(notice).ToContainTextAsync($"{saverName} saved layer {scene.DrawingLayerName} (version {version})");
        await Expect(notice.GetByRole(AriaRole.Button, new() { Name = "Keep mine" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(editor);
        // The saver's own save tells the saver nothing.
        await Expect(saver.Locator(".layer-notice")).ToBeHiddenAsync();

        // Reload: the admin's unsaved rectangle goes, the saved one shows, nothing is left to save.
        await notice.GetByRole(AriaRole.Button, new() { Name = "Reload" }).ClickAsync();
        await Expect(notice).ToBeHiddenAsync();
        await Expect(editor.Locator(".roi-table tbody tr")).ToHaveCountAsync(1);
        await Expect(editor.Locator("[data-viewer-canvas]")).ToHaveAttributeAsync("data-roi-unsaved", "false");

        // Now the admin saves a change on top of theirs: no conflict (the version was reloaded) and no notice for the
        // admin's own save; the co-administrator, with nothing unsaved, simply sees both shapes and is told in words.
        await RectangleAsync(editor, 60, 60, 120, 120, expectedRows: 2);
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save the drawing layer" }).ClickAsync();
        await Expect(editor.Locator(".roi-status")).ToHaveTextAsync("Saved 2 regions.");
        await Expect(editor.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await Expect(saver.Locator(".roi-table tbody tr")).ToHaveCountAsync(2, new() { Timeout = 15_000 });
        await Expect(saver.Locator(".roi-status")).ToContainTextAsync($"saved layer {scene.DrawingLayerName}");
        await Expect(saver.Locator(".layer-notice")).ToBeHiddenAsync();
        await Expect(editor.Locator(".layer-notice")).ToBeHiddenAsync();
    }

    private async Task<IPage> OpenDrawingAsync(IBrowserContext context, Scene scene)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(AnnotationUrl(scene));
        await Expect(page.Locator($"#viewer[data-status=ready][data-annotation='{scene.Annotation}']")).ToBeAttachedAsync(new() { Timeout = 15_000 });
        await Expect(page.Locator("[data-viewer-canvas][data-state=sharp]")).ToBeAttachedAsync(new() { Timeout = 15_000 });
        await page.Locator("#layer-panel .drawing-layers").GetByText(scene.DrawingLayerName, new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Draw regions" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save the drawing layer" })).ToBeVisibleAsync();
        return page;
    }

    /// <summary>A rectangle drawn with two clicks (canvas CSS px), as a person draws it.</summary>
    private static async Task RectangleAsync(IPage page, double x0, double y0, double x1, double y1, int expectedRows = 1)
    {
        var box = await page.EvaluateAsync<JsonElement>("() => { const r = document.querySelector('[data-viewer-canvas]').viewer.canvas.getBoundingClientRect(); return { x: r.left, y: r.top }; }");
        double ox = box.GetProperty("x").GetDouble(), oy = box.GetProperty("y").GetDouble();
        await page.GetByRole(AriaRole.Button, new() { Name = "Rectangle" }).ClickAsync();
        await page.Mouse.ClickAsync((float)(ox + x0), (float)(oy + y0));
        await page.Mouse.ClickAsync((float)(ox + x1), (float)(oy + y1));
        await Expect(page.Locator(".roi-table tbody tr")).ToHaveCountAsync(expectedRows);
    }

    [Fact]
    public async Task An_uploaded_slides_processing_bar_moves_and_its_row_turns_ready_in_place()
    {
        var project = Id(await world.AdminAsync("mutation($n: String!) { createProject(input: {name: $n}) { project { id } } }",
            new { n = BrowserWorld.Unique("Slides") }), "createProject", "project");
        var (context, page) = await world.SignInAsync();
        await using var _ = context;
        await page.GotoAsync($"{world.Url}projects/{project}");
        await MarkAsync(page);
        // Every 25 ms: the processing bar of the row (if one shows) — its value, text and accessible name.
        await page.EvaluateAsync("""
            () => { window.processing = [];
              setInterval(() => {
                const row = document.querySelector('#images tr[data-image-progress]');
                const bar = row?.querySelector('progress[data-progress-bar]');
                if (bar) window.processing.push({ value: bar.value, text: row.querySelector('[data-progress-text]').textContent,
                  label: bar.getAttribute('aria-label'), live: row.dataset.live ?? '' });
              }, 25); }
            """);

        // A 3968 × 4864 whole-slide NDPI, cut into JPEG tiles: long enough to watch.
        var name = BrowserWorld.Unique("Slide");
        await page.FillAsync("#images form.add-image input[name=name]", name);
        await page.SetInputFilesAsync("#images input[type=file]", Slide);
        await page.SelectOptionAsync("#images form.add-image select[name=format]", "4");
        await page.ClickAsync("#images button:has-text('Add image')");
        var row = page.Locator($"#images tr:has-text('{name}')");
        await Expect(row.GetByRole(AriaRole.Progressbar, new() { Name = $"Processing {name}" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(row).ToHaveAttributeAsync("data-state", "READY", new() { Timeout = 120_000 });
        await Expect(row.GetByRole(AriaRole.Progressbar)).ToHaveCountAsync(0);
        await AssertNotReloadedAsync(page);

        var seen = (await page.EvaluateAsync<JsonElement>("() => window.processing")).EnumerateArray().ToArray();
        var values = seen.Select(s => s.GetProperty("value").GetDouble()).Distinct().ToArray();
        var live = seen.Select(s => s.GetProperty("live").GetString()).LastOrDefault(l => l != "") ?? "(no event yet)";
        Assert.True(values.Any(v => v is > 0 and < 100),
            $"the bar never showed a value between 0 and 100 (seen: {string.Join(", ", values)}; live: {live})");
        Assert.Equal("connected", live);
        // The percent is also the bar's text and the words beside it.
        Assert.All(seen, s => Assert.Equal($"{s.GetProperty("value").GetDouble()} %", s.GetProperty("text").GetString()));
        Assert.All(seen, s => Assert.Equal($"Processing {name}", s.GetProperty("label").GetString()));
    }

    [Fact]
    public async Task The_project_editors_counters_change_when_a_participant_submits()
    {
        var scene = await SceneAsync();
        var (adminContext, editor) = await world.SignInAsync();
        await using var _ = adminContext;
        var (_, participantContext, participant) = await MemberAsync(scene.Project, "propar");
        await using var __ = participantContext;

        await editor.GotoAsync($"{world.Url}projects/{scene.Project}");
        await Expect(editor.Locator("[data-counter=submitted]")).ToHaveTextAsync("0");
        await AssertLiveAsync(editor, "#counters");
        await MarkAsync(editor);

        await participant.GotoAsync(AnnotationUrl(scene));
        await Expect(participant.Locator("#viewer[data-status=ready]")).ToBeAttachedAsync(new() { Timeout = 15_000 });
        var labels = participant.Locator("#label-panel");
        await labels.GetByRole(AriaRole.Button, new() { Name = "positive", Exact = true }).ClickAsync();
        await labels.GetByRole(AriaRole.Button, new() { Name = "Submit", Exact = true }).ClickAsync();
        await Expect(labels.GetByRole(AriaRole.Status)).ToHaveTextAsync("Submitted.");

        await Expect(editor.Locator("[data-counter=submitted]")).ToHaveTextAsync("1", new() { Timeout = 15_000 });
        await AssertNotReloadedAsync(editor);
    }
}
