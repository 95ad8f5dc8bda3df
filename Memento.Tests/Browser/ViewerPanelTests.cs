using System.Text.Json;
using System.Text.RegularExpressions;
using Memento.Tests.Browser.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Memento.Tests.Browser;

/// <summary>
/// The viewer's layer panel and floating actions in Chromium, as an annotator uses them: a channel's controls
/// opened, a typed window clamped, the eye, stepping through layer groups (the address keeps the group, reload and a
/// pasted link reopen it, groupcontrols carries a window to the same channel of the next group), moving to another
/// annotation without a page load, and an annotation gone since the page loaded. axe-core checks the page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ViewerPanelTests(BrowserWorld world)
{
    // Real 16-bit fluorescence (CellProfiler's NucleiFoci example: Hoechst and γH2AX, 1200×1000).
    private const string Dapi = "/work/shared/sample-data/cellprofiler-examples/CellProfilerExamples/NucleiFoci/1-162hr/site1/hoechst.tif";
    private const string Actin = "/work/shared/sample-data/cellprofiler-examples/CellProfilerExamples/NucleiFoci/1-162hr/site1/h2ax.tif";

    /// <summary>
    /// A project with two annotations. The first has two layer groups: "z 0" (DAPI, GFP) and "z 1" (DAPI, Actin), so
    /// stepping changes the channel list and DAPI is in both (Actin's layer says bitDepth:12); the second has one
    /// top-level image layer.
    /// </summary>
    private sealed record Scene(long Project, long Annotation, string AnnotationName, long Group0, long Group1, long Other, string OtherName, long DapiImage);

    private async Task<Scene> SceneAsync(string settings)
    {
        var project = Id(await world.AdminAsync("mutation($n: String!, $s: String) { createProject(input: {name: $n, settings: $s}) { project { id } } }",
            new { n = BrowserWorld.Unique("Viewer panel"), s = settings }), "createProject", "project");
        var category = Id(await world.AdminAsync("mutation($p: Long!, $n: String!) { createCategory(input: {projectId: $p, name: $n}) { category { id } } }",
            new { p = project, n = BrowserWorld.Unique("Stacks") }), "createCategory", "category");
        var dapi = await SceneUploads.UploadReadyImageAsync(world, project, "dapi.tif", Dapi);
        var actin = await SceneUploads.UploadReadyImageAsync(world, project, "actin.tif", Actin);

        var annotationName = BrowserWorld.Unique("Stack");
        var created = await world.AdminAsync("""
            mutation($c: Long!, $n: String!) { createAnnotation(input: {categoryId: $c, name: $n, layer: {name: "z 0", isGroup: true, sequence: 1}}) {
              annotation { id } firstLayer { id } } }
            """, new { c = category, n = annotationName });
        var annotation = created.GetProperty("createAnnotation").GetProperty("annotation").GetProperty("id").GetInt64();
        var group0 = created.GetProperty("createAnnotation").GetProperty("firstLayer").GetProperty("id").GetInt64();
        async Task<long> Layer(string name, string kind, long? image, int sequence, long? parent, string settings = "") => Id(await world.AdminAsync("""
            mutation($a: Long!, $n: String!, $k: LayerKind, $i: Long, $s: Int, $p: Long, $t: String) {
              createLayer(input: {annotationId: $a, name: $n, kind: $k, imageId: $i, sequence: $s, parentId: $p, settings: $t}) { layer { id } } }
            """, new { a = annotation, n = name, k = kind, i = image, s = sequence, p = parent, t = settings }), "createLayer", "layer");
        await Layer("DAPI", "IMAGE", dapi, 2, group0);
        await Layer("GFP", "IMAGE", actin, 3, group0);
        var group1 = await Layer("z 1", "GROUP", null, 4, null);
        await Layer("DAPI", "IMAGE", dapi, 5, group1);
        // A 12-bit camera in 16-bit files: the layer setting sets the slider's end.
        await Layer("Actin", "IMAGE", actin, 6, group1, "bitDepth:12");

        var otherName = BrowserWorld.Unique("Single");
        var other = await world.AdminAsync("""
            mutation($c: Long!, $n: String!, $i: Long) { createAnnotation(input: {categoryId: $c, name: $n, layer: {name: "Hoechst", imageId: $i, sequence: 1}}) {
              annotation { id } } }
            """, new { c = category, n = otherName, i = dapi });
        return new Scene(project, annotation, annotationName, group0, group1,
            other.GetProperty("createAnnotation").GetProperty("annotation").GetProperty("id").GetInt64(), otherName, dapi);
    }

    private static long Id(JsonElement data, string field, string item) =>
        data.GetProperty(field).GetProperty(item).GetProperty("id").GetInt64();

    private string AnnotationUrl(Scene scene, long annotation) => $"{world.Url}projects/{scene.Project}/viewer/annotations/{annotation}";

    /// <summary>The page has loaded an annotation into the panel (the entry script marks #viewer when it has).</summary>
    private static Task ReadyAsync(IPage page, long annotation) =>
        Expect(page.Locator($"#viewer[data-status=ready][data-annotation='{annotation}']")).ToBeAttachedAsync(new() { Timeout = 15_000 });

    private static ILocator Channel(IPage page, string name) =>
        page.Locator("#layer-panel .channel").Filter(new() { Has = page.Locator(".channel-name", new() { HasTextString = name }) });

    private static Task<string[]> ChannelNamesAsync(IPage page) =>
        page.Locator("#layer-panel .channel-name").AllTextContentsAsync().ContinueWith(t => t.Result.Select(n => n.Trim()).ToArray());

    [Fact]
    public async Task A_channels_controls_open_from_its_arrow_a_typed_min_above_max_is_clamped_and_the_eye_hides_it()
    {
        var scene = await SceneAsync("expandlayer:1,defaultlayer:3");
        var (context, page) = await world.SignInAsync();
        await using var _ = context;
        await page.GotoAsync(AnnotationUrl(scene, scene.Annotation));
        await ReadyAsync(page, scene.Annotation);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        // defaultlayer:3 preselects the layer of sequence 3 (GFP); a click on a name selects that layer instead.
        await Expect(page.Locator("#layer-panel .channel-name[aria-current=true]")).ToHaveTextAsync("GFP");
        await page.Locator("#layer-panel .channel-name", new() { HasTextString = "DAPI" }).ClickAsync();
        await Expect(page.Locator("#layer-panel .channel-name[aria-current=true]")).ToHaveTextAsync("DAPI");

        var dapi = Channel(page, "DAPI");
        var min = dapi.GetByRole(AriaRole.Spinbutton, new() { Name = "Min" });
        await Expect(min).ToBeHiddenAsync(); // expandcontrols is off: the controls start closed
        var expand = dapi.GetByRole(AriaRole.Button, new() { Name = "Display controls of DAPI" });
        await expand.ClickAsync();
        await Expect(expand).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(min).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        var max = dapi.GetByRole(AriaRole.Spinbutton, new() { Name = "Max" });
        var slider = dapi.GetByRole(AriaRole.Slider, new() { Name = "Maximum intensity of DAPI" });
        // The sample is a 16-bit TIFF: the window's slider ends at 65535.
        await Expect(slider).ToHaveAttributeAsync("max", "65535");
        await max.FillAsync("3000");
        await max.PressAsync("Tab");
        await min.FillAsync("5000");
        await min.PressAsync("Tab");
        await Expect(min).ToHaveValueAsync("3000");
        await Expect(max).ToHaveValueAsync("3000");
        await Expect(dapi.GetByRole(AriaRole.Slider, new() { Name = "Minimum intensity of DAPI" })).ToHaveValueAsync("3000");
        // What the canvas draws follows the panel.
        Assert.True(await page.EvaluateAsync<bool>(
            "() => document.querySelector('[data-viewer-canvas]').viewer.channels.some(c => c.spec.min === 3000 && c.spec.max === 3000)"));

        var eye = dapi.GetByRole(AriaRole.Button, new() { Name = "Show DAPI" });
        await Expect(eye).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(eye.Locator(".icon")).ToHaveTextAsync("visibility");
        await eye.ClickAsync();
        await Expect(eye).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(eye.Locator(".icon")).ToHaveTextAsync("visibility_off");
        await Expect(dapi).ToHaveClassAsync(new Regex(@"\bis-hidden\b"));

        // The arrow at the stage's edge closes and reopens the panel.
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Hide the layer panel" });
        await toggle.ClickAsync();
        await Expect(page.Locator("#layer-panel")).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the layer panel" }).ClickAsync();
        await Expect(page.Locator("#layer-panel")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Stepping_groups_changes_the_channels_keeps_the_view_and_the_address_reopens_the_group()
    {
        var scene = await SceneAsync("expandlayer:1,expandcontrols:1,groupcontrols:1");
        var (context, page) = await world.SignInAsync();
        await using var _ = context;
        await page.GotoAsync(AnnotationUrl(scene, scene.Annotation));
        await ReadyAsync(page, scene.Annotation);
        Assert.Equal(["DAPI", "GFP"], await ChannelNamesAsync(page));
        await Expect(Channel(page, "GFP").GetByLabel("Colour of GFP")).ToHaveValueAsync("#00ff00");
        await Expect(page.Locator(".group-name")).ToContainTextAsync("z 0");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Previous layer group" })).ToBeDisabledAsync();

        // groupcontrols: a window set on DAPI in z 0 is DAPI's window in z 1 too.
        var min = Channel(page, "DAPI").GetByRole(AriaRole.Spinbutton, new() { Name = "Min" });
        await min.FillAsync("1234");
        await min.PressAsync("Enter");
        await Expect(page.Locator("[data-viewer-canvas][data-state=sharp]")).ToBeAttachedAsync(new() { Timeout = 15_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoom in" }).ClickAsync();
        var view = await page.EvaluateAsync<JsonElement>("() => document.querySelector('[data-viewer-canvas]').viewer.view");

        await page.GetByRole(AriaRole.Button, new() { Name = "Next layer group" }).ClickAsync();
        await Expect(page.Locator(".group-name")).ToContainTextAsync("z 1");
        Assert.Equal(["DAPI", "Actin"], await ChannelNamesAsync(page));
        await Expect(page).ToHaveURLAsync(AnnotationUrl(scene, scene.Annotation) + $"?group={scene.Group1}");
        await Expect(Channel(page, "DAPI").GetByRole(AriaRole.Spinbutton, new() { Name = "Min" })).ToHaveValueAsync("1234");
        // Colours by dye: DAPI blue; Actin names no dye and gets a colour of its own, neither DAPI's nor white.
        await Expect(Channel(page, "DAPI").GetByLabel("Colour of DAPI")).ToHaveValueAsync("#0000ff");
        var actinColour = await Channel(page, "Actin").GetByLabel("Colour of Actin").InputValueAsync();
        Assert.DoesNotContain(actinColour, new[] { "#0000ff", "#ffffff" });
        await Expect(Channel(page, "Actin").GetByRole(AriaRole.Slider, new() { Name = "Maximum intensity of Actin" })).ToHaveAttributeAsync("max", "4095");
        var after = await page.EvaluateAsync<JsonElement>("() => document.querySelector('[data-viewer-canvas]').viewer.view");
        Assert.Equal(view.GetProperty("zoom").GetDouble(), after.GetProperty("zoom").GetDouble(), 6);
        Assert.Equal(view.GetProperty("x").GetDouble(), after.GetProperty("x").GetDouble(), 3);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Next layer group" })).ToBeDisabledAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // Reload, then the address pasted into a fresh tab: the same annotation and group.
        await page.ReloadAsync();
        await ReadyAsync(page, scene.Annotation);
        await Expect(page.Locator(".group-name")).ToContainTextAsync("z 1");
        Assert.Equal(["DAPI", "Actin"], await ChannelNamesAsync(page));
        var pasted = await context.NewPageAsync();
        await pasted.GotoAsync(page.Url);
        await ReadyAsync(pasted, scene.Annotation);
        await Expect(pasted.Locator(".group-name")).ToContainTextAsync("z 1");

        // ← goes back, and the address follows.
        await page.GetByRole(AriaRole.Button, new() { Name = "Previous layer group" }).ClickAsync();
        await Expect(page.Locator(".group-name")).ToContainTextAsync("z 0");
        await Expect(page).ToHaveURLAsync(AnnotationUrl(scene, scene.Annotation) + $"?group={scene.Group0}");
    }

    [Fact]
    public async Task A_sidebar_link_opens_another_annotation_without_a_page_load_and_back_returns()
    {
        var scene = await SceneAsync("expandlayer:1");
        var (context, page) = await world.SignInAsync();
        await using var _ = context;
        await page.GotoAsync(AnnotationUrl(scene, scene.Annotation));
        await ReadyAsync(page, scene.Annotation);
        await page.EvaluateAsync("() => { window.samePage = true; }");

        await page.Locator("nav.viewer-sidebar").GetByRole(AriaRole.Link, new() { Name = scene.OtherName }).ClickAsync();
        await ReadyAsync(page, scene.Other);
        Assert.Equal(AnnotationUrl(scene, scene.Other), page.Url);
        Assert.Equal(["Hoechst"], await ChannelNamesAsync(page));
        await Expect(page.Locator(".group-stepper")).ToHaveCountAsync(0); // one group: no stepper
        Assert.True(await page.EvaluateAsync<bool>("() => window.samePage === true"));

        await page.GoBackAsync();
        await ReadyAsync(page, scene.Annotation);
        Assert.Equal(["DAPI", "GFP"], await ChannelNamesAsync(page));
        Assert.True(await page.EvaluateAsync<bool>("() => window.samePage === true"));

        // Deleted since the page loaded: the stage says so in words.
        await world.AdminAsync("mutation($id: Long!) { deleteAnnotation(input: {id: $id}) { deletedId } }", new { id = scene.Other });
        await page.Locator("nav.viewer-sidebar").GetByRole(AriaRole.Link, new() { Name = scene.OtherName }).ClickAsync();
        await Expect(page.Locator("#viewer[data-status=error]")).ToBeAttachedAsync();
        await Expect(page.Locator(".viewer-message")).ToBeVisibleAsync();
        await Expect(page.Locator(".viewer-message")).ToContainTextAsync("not");
        await Expect(page.Locator("#layer-panel .channel")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Auto_adjust_takes_the_whole_images_percentiles_then_the_visible_areas_once_zoomed_in()
    {
        var scene = await SceneAsync("expandlayer:1,expandcontrols:1");
        var statistics = (await world.AdminAsync("query($id: Long!) { image(id: $id) { statistics { p1 p99 } } }", new { id = scene.DapiImage }))
            .GetProperty("image").GetProperty("statistics")[0];
        var (context, page) = await world.SignInAsync();
        await using var _ = context;
        await page.GotoAsync(AnnotationUrl(scene, scene.Annotation));
        await ReadyAsync(page, scene.Annotation);
        var dapi = Channel(page, "DAPI");
        var min = dapi.GetByRole(AriaRole.Spinbutton, new() { Name = "Min" });
        var max = dapi.GetByRole(AriaRole.Spinbutton, new() { Name = "Max" });
        var canvas = page.Locator("[data-viewer-canvas]");
        await Expect(canvas).ToHaveAttributeAsync("data-state", "sharp", new() { Timeout = 15_000 });

        await min.FillAsync("0");
        await max.FillAsync("65535");
        var auto = dapi.GetByRole(AriaRole.Button, new() { Name = "Auto-adjust DAPI" });
        await auto.ClickAsync();
        await Expect(dapi.Locator(".auto-note")).ToHaveTextAsync("Auto: whole image");
        await Expect(min).ToHaveValueAsync(Math.Round(statistics.GetProperty("p1").GetDouble()).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(max).ToHaveValueAsync(Math.Round(statistics.GetProperty("p99").GetDouble()).ToString(System.Globalization.CultureInfo.InvariantCulture));

        // Zoomed in on the middle, the view no longer shows the whole image: the visible tiles' values decide.
        for (var i = 0; i < 3; i++) await page.GetByRole(AriaRole.Button, new() { Name = "Zoom in" }).ClickAsync();
        await Expect(canvas).ToHaveAttributeAsync("data-state", "sharp", new() { Timeout = 15_000 });
        await auto.ClickAsync();
        await Expect(dapi.Locator(".auto-note")).ToHaveTextAsync(new Regex(@"^Auto: visible area, [\d,. ]+ samples$"));
        var window = await page.EvaluateAsync<JsonElement>(
            "key => document.querySelector('[data-viewer-canvas]').viewer.visiblePercentiles(key, 1, 99)", await dapi.GetAttributeAsync("data-key"));
        await Expect(min).ToHaveValueAsync(Math.Round(window.GetProperty("low").GetDouble()).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_floating_actions_show_the_zoom_switch_to_a_dark_background_and_download_the_view_named_after_annotation_and_group()
    {
        var scene = await SceneAsync("expandlayer:1");
        var (context, page) = await world.SignInAsync();
        await using var _ = context;
        await page.GotoAsync(AnnotationUrl(scene, scene.Annotation));
        await ReadyAsync(page, scene.Annotation);
        var canvas = page.Locator("[data-viewer-canvas]");
        await Expect(canvas).ToHaveAttributeAsync("data-state", "sharp", new() { Timeout = 15_000 });
        var zoom = page.Locator(".zoom-indicator");
        var fitted = await zoom.TextContentAsync();
        Assert.Matches(@"^\d+(\.\d+)? %$|^\d+(\.\d+)?×$", fitted);
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoom in" }).ClickAsync();
        await Expect(zoom).Not.ToHaveTextAsync(fitted!);
        await page.GetByRole(AriaRole.Button, new() { Name = "Fit the image to the view" }).ClickAsync();
        await Expect(zoom).ToHaveTextAsync(fitted!);

        var dark = page.GetByRole(AriaRole.Button, new() { Name = "Dark background" });
        await Expect(dark).ToHaveAttributeAsync("aria-pressed", "false");
        await dark.ClickAsync();
        await Expect(dark).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(page.Locator(".viewer-stage")).ToHaveClassAsync(new Regex(@"\bis-dark\b"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('[data-viewer-canvas]').viewer.dark"));

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Download the view as PNG" }).ClickAsync());
        Assert.Equal($"{scene.AnnotationName}-z 0.png", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
    }

    [Fact]
    public async Task A_share_link_holder_without_an_account_steps_groups_and_adjusts_channels_read_only()
    {
        var scene = await SceneAsync("expandcontrols:1");
        var link = (await world.AdminAsync("mutation($a: Long!) { createShareLink(input: {annotationId: $a}) { url } }", new { a = scene.Annotation }))
            .GetProperty("createShareLink").GetProperty("url").GetString()!;
        await using var context = await world.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(link.StartsWith("http") ? link : world.Url + link.TrimStart('/'));
        await ReadyAsync(page, scene.Annotation);
        // The panel starts closed (no expandlayer): the arrow at the stage's edge opens it.
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the layer panel" }).ClickAsync();
        await Expect(page.Locator("#layer-panel .layers-hint")).ToContainTextAsync("Read-only");
        Assert.Equal(["DAPI", "GFP"], await ChannelNamesAsync(page));
        var address = page.Url;

        // The display controls still work for this person (nothing is saved); stepping keeps the share's address.
        var eye = Channel(page, "GFP").GetByRole(AriaRole.Button, new() { Name = "Show GFP" });
        await eye.ClickAsync();
        await Expect(eye.Locator(".icon")).ToHaveTextAsync("visibility_off");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next layer group" }).ClickAsync();
        Assert.Equal(["DAPI", "Actin"], await ChannelNamesAsync(page));
        Assert.Equal(address, page.Url);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }
}
