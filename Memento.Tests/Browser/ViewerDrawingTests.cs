using System.Text.Json;
using Memento.Tests.Browser.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Memento.Tests.Browser;

/// <summary>
/// Regions of interest in Chromium, as an annotator draws them (manual: "To draw a region of interest"): a drawing
/// layer chosen in the layer panel, the draw action, a polygon closed on its first vertex and a rectangle dragged,
/// their stroke on screen, Save, the coordinates read back through GraphQL in image pixels, selection and the red ×,
/// undo/redo; two people saving the same layer (the second is asked, "Keep both" loses nothing); a share-link
/// holder sees the shapes without any drawing control.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ViewerDrawingTests(BrowserWorld world)
{
    private sealed record Scene(long Project, long Annotation, long Layer, string LayerName);

    private async Task<Scene> SceneAsync()
    {
        var project = Id(await world.AdminAsync("mutation($n: String!) { createProject(input: {name: $n, settings: \"expandlayer:1\"}) { project { id } } }",
            new { n = BrowserWorld.Unique("Drawing") }), "createProject", "project");
        var category = Id(await world.AdminAsync("mutation($p: Long!, $n: String!) { createCategory(input: {projectId: $p, name: $n}) { category { id } } }",
            new { p = project, n = BrowserWorld.Unique("Cells") }), "createCategory", "category");
        var image = await SceneUploads.UploadReadyImageAsync(world, project, "ht29.tif");
        var annotation = Id(await world.AdminAsync("""
            mutation($c: Long!, $n: String!, $i: Long) { createAnnotation(input: {categoryId: $c, name: $n, layer: {name: "Nuclei", imageId: $i, sequence: 1}}) {
              annotation { id } } }
            """, new { c = category, n = BrowserWorld.Unique("Well"), i = image }), "createAnnotation", "annotation");
        var layerName = BrowserWorld.Unique("Outlines");
        var layer = Id(await world.AdminAsync("""
            mutation($a: Long!, $n: String!) { createLayer(input: {annotationId: $a, name: $n, kind: DRAWING, sequence: 0}) { layer { id } } }
            """, new { a = annotation, n = layerName }), "createLayer", "layer");
        return new Scene(project, annotation, layer, layerName);
    }

    private static long Id(JsonElement data, string field, string item) =>
        data.GetProperty(field).GetProperty(item).GetProperty("id").GetInt64();

    private async Task<JsonElement[]> RegionsAsync(long layer) =>
        (await world.AdminAsync("query($l: Long!) { regions(layerId: $l) { id type shape style } }", new { l = layer }))
        .GetProperty("regions").EnumerateArray().ToArray();

    private async Task<IPage> OpenAsync(IBrowserContext context, Scene scene)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{world.Url}projects/{scene.Project}/viewer/annotations/{scene.Annotation}");
        await Expect(page.Locator($"#viewer[data-status=ready][data-annotation='{scene.Annotation}']")).ToBeAttachedAsync(new() { Timeout = 15_000 });
        await Expect(page.Locator("[data-viewer-canvas][data-state=sharp]")).ToBeAttachedAsync(new() { Timeout = 15_000 });
        return page;
    }

    /// <summary>Chooses the drawing layer in the layer panel and turns draw mode on.</summary>
    private static async Task StartDrawingAsync(IPage page, Scene scene)
    {
        var draw = page.GetByRole(AriaRole.Button, new() { Name = "Draw regions" });
        await Expect(draw).ToHaveCountAsync(0); // no drawing layer chosen yet: no draw action
        await page.Locator("#layer-panel .drawing-layers").GetByText(scene.LayerName, new() { Exact = true }).ClickAsync();
        await draw.ClickAsync();
        await Expect(draw).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save the drawing layer" })).ToBeVisibleAsync();
    }

    /// <summary>The image pixel under a point of the canvas (CSS px from its top left), through the view it shows.</summary>
    private static async Task<Func<double, double, (double X, double Y)>> ToImageAsync(IPage page)
    {
        var v = await page.EvaluateAsync<JsonElement>("""
            () => { const c = document.querySelector('[data-viewer-canvas]'); const r = c.viewer.canvas.getBoundingClientRect();
                    return { ...c.viewer.view, w: r.width, h: r.height }; }
            """);
        double x = v.GetProperty("x").GetDouble(), y = v.GetProperty("y").GetDouble(), zoom = v.GetProperty("zoom").GetDouble();
        double w = v.GetProperty("w").GetDouble(), h = v.GetProperty("h").GetDouble();
        return (sx, sy) => ((sx - w / 2) / zoom + x, (sy - h / 2) / zoom + y);
    }

    private static async Task<(double X, double Y)> CanvasOriginAsync(IPage page)
    {
        var box = await page.EvaluateAsync<JsonElement>("() => { const r = document.querySelector('[data-viewer-canvas]').viewer.canvas.getBoundingClientRect(); return { x: r.left, y: r.top }; }");
        return (box.GetProperty("x").GetDouble(), box.GetProperty("y").GetDouble());
    }

    private static async Task<int> RoiRowsAsync(IPage page) => await page.Locator(".roi-table tbody tr").CountAsync();

    [Fact]
    public async Task A_polygon_and_a_rectangle_drawn_with_the_mouse_are_saved_in_image_pixels_and_one_is_deleted_and_restored()
    {
        var scene = await SceneAsync();
        var (context, page) = await world.SignInAsync();
        await using var _ = context;
        await page.CloseAsync();
        page = await OpenAsync(context, scene);
        await StartDrawingAsync(page, scene);
        await page.GetByLabel("Colour", new() { Exact = true }).FillAsync("#ff00ff");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        var toImage = await ToImageAsync(page);
        var (ox, oy) = await CanvasOriginAsync(page);
        // A polygon: three vertices, then a click back on the first closes it.
        (double X, double Y)[] clicks = [(120, 100), (220, 110), (170, 200)];
        foreach (var (x, y) in clicks) await page.Mouse.ClickAsync((float)(ox + x), (float)(oy + y));
        Assert.Equal(0, await RoiRowsAsync(page)); // still open
        await page.Mouse.ClickAsync((float)(ox + clicks[0].X + 2), (float)(oy + clicks[0].Y - 1));
        await Expect(page.Locator(".roi-table tbody tr")).ToHaveCountAsync(1);

        // A rectangle dragged from corner to corner.
        await page.GetByRole(AriaRole.Button, new() { Name = "Rectangle" }).ClickAsync();
        await page.Mouse.MoveAsync((float)(ox + 260), (float)(oy + 90));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((float)(ox + 300), (float)(oy + 130), new() { Steps = 4 });
        await page.Mouse.MoveAsync((float)(ox + 340), (float)(oy + 170), new() { Steps = 4 });
        await page.Mouse.UpAsync();
        await Expect(page.Locator(".roi-table tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator(".roi-table tbody tr").Nth(1)).ToContainTextAsync("bbox");

        // The rectangle's magenta stroke is on screen along its top edge, and not inside it.
        var shot = PngPixels.Decode(await page.ScreenshotAsync(new() { Clip = new() { X = (float)ox, Y = (float)oy, Width = 400, Height = 250 } }));
        var edge = Enumerable.Range(-1, 3).Select(d => shot[300, 90 + d]).ToArray();
        Assert.Contains(edge, p => p.R > 200 && p.G < 90 && p.B > 200);
        var inside = shot[300, 130];
        Assert.False(inside.R > 200 && inside.G < 90 && inside.B > 200, "the rectangle is not filled");

        await page.GetByRole(AriaRole.Button, new() { Name = "Save the drawing layer" }).ClickAsync();
        await Expect(page.Locator(".roi-status")).ToHaveTextAsync("Saved 2 regions.");
        var saved = await RegionsAsync(scene.Layer);
        Assert.Equal(["polygon", "bbox"], saved.Select(r => r.GetProperty("type").GetString()!).ToArray());
        var points = saved[0].GetProperty("shape").EnumerateArray().ToArray();
        Assert.Equal(3, points.Length);
        for (var i = 0; i < 3; i++)
        {
            var (ex, ey) = toImage(clicks[i].X, clicks[i].Y);
            Assert.InRange(points[i].GetProperty("x").GetDouble(), ex - 1, ex + 1);
            Assert.InRange(points[i].GetProperty("y").GetDouble(), ey - 1, ey + 1);
        }
        var box = saved[1].GetProperty("shape");
        var (bx0, by0) = toImage(260, 90);
        var (bx1, by1) = toImage(340, 170);
        Assert.InRange(box.GetProperty("x").GetDouble(), bx0 - 1, bx0 + 1);
        Assert.InRange(box.GetProperty("y").GetDouble(), by0 - 1, by0 + 1);
        Assert.InRange(box.GetProperty("w").GetDouble(), bx1 - bx0 - 1, bx1 - bx0 + 1);
        Assert.InRange(box.GetProperty("h").GetDouble(), by1 - by0 - 1, by1 - by0 + 1);
        Assert.Equal("#ff00ff", saved[1].GetProperty("style").GetProperty("stroke").GetString());

        // Select on the canvas: a click inside the rectangle shows its red ×; Escape lets go.
        var delete = page.GetByRole(AriaRole.Button, new() { Name = "Delete the selected region" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Select a region" }).ClickAsync();
        await page.Mouse.ClickAsync((float)(ox + 300), (float)(oy + 130));
        await Expect(delete).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(delete).ToBeHiddenAsync();

        // The table's select icon focuses the polygon; its × deletes it; Save; gone in the API.
        await page.GetByRole(AriaRole.Button, new() { Name = "Select region 1" }).ClickAsync();
        await Expect(page.Locator(".roi-table tbody tr.is-selected")).ToContainTextAsync("polygon");
        await delete.ClickAsync();
        await Expect(page.Locator(".roi-table tbody tr")).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the drawing layer" }).ClickAsync();
        await Expect(page.Locator(".roi-status")).ToHaveTextAsync("Saved 1 region.");
        Assert.Equal(["bbox"], (await RegionsAsync(scene.Layer)).Select(r => r.GetProperty("type").GetString()!).ToArray());

        // Undo brings the polygon back in its place, redo deletes it again, undo once more, and Save keeps it.
        await page.Locator("[data-viewer-canvas]").FocusAsync();
        await page.Keyboard.PressAsync("Control+z");
        await Expect(page.Locator(".roi-table tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator(".roi-table tbody tr").First).ToContainTextAsync("polygon");
        await page.Keyboard.PressAsync("Control+Shift+z");
        await Expect(page.Locator(".roi-table tbody tr")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("Control+z");
        await Expect(page.Locator(".roi-table tbody tr")).ToHaveCountAsync(2);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the drawing layer" }).ClickAsync();
        await Expect(page.Locator(".roi-status")).ToHaveTextAsync("Saved 2 regions.");
        Assert.Equal(["polygon", "bbox"], (await RegionsAsync(scene.Layer)).Select(r => r.GetProperty("type").GetString()!).ToArray());
    }

    [Fact]
    public async Task Two_people_saving_the_same_layer_keep_both_shapes_and_a_share_link_holder_sees_them_without_controls()
    {
        var scene = await SceneAsync();
        var (first, firstLogin) = await world.SignInAsync();
        await using var _ = first;
        var (second, secondLogin) = await world.SignInAsync();
        await using var __ = second;
        await firstLogin.CloseAsync();
        await secondLogin.CloseAsync();
        var a = await OpenAsync(first, scene);
        var b = await OpenAsync(second, scene);
        await StartDrawingAsync(a, scene);
        await StartDrawingAsync(b, scene);

        async Task RectangleAsync(IPage page, double x0, double y0, double x1, double y1)
        {
            var (ox, oy) = await CanvasOriginAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "Rectangle" }).ClickAsync();
            // Two clicks: one corner, then the other.
            await page.Mouse.ClickAsync((float)(ox + x0), (float)(oy + y0));
            await page.Mouse.ClickAsync((float)(ox + x1), (float)(oy + y1));
            await Expect(page.Locator(".roi-table tbody tr")).ToHaveCountAsync(1);
        }
        await RectangleAsync(a, 100, 100, 160, 160);
        await RectangleAsync(b, 250, 120, 330, 200);

        await a.GetByRole(AriaRole.Button, new() { Name = "Save the drawing layer" }).ClickAsync();
        await Expect(a.Locator(".roi-status")).ToHaveTextAsync("Saved 1 region.");
        await b.GetByRole(AriaRole.Button, new() { Name = "Save the drawing layer" }).ClickAsync();
        var dialog = b.GetByRole(AriaRole.Dialog, new() { Name = "Someone else saved this layer" });
        await Expect(dialog).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(b);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Keep both" }).ClickAsync();
        await Expect(b.Locator(".roi-status")).ToHaveTextAsync("Saved 2 regions.");
        await Expect(b.Locator(".roi-table tbody tr")).ToHaveCountAsync(2);

        var widths = (await RegionsAsync(scene.Layer)).Select(r => r.GetProperty("shape").GetProperty("w").GetDouble()).ToArray();
        Assert.Equal(2, widths.Length);
        var zoomA = double.Parse(await a.Locator("[data-viewer-canvas]").GetAttributeAsync("data-zoom") ?? "1", System.Globalization.CultureInfo.InvariantCulture);
        var zoomB = double.Parse(await b.Locator("[data-viewer-canvas]").GetAttributeAsync("data-zoom") ?? "1", System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(widths[0], 60 / zoomA - 1, 60 / zoomA + 1);   // theirs first, then mine on top
        Assert.InRange(widths[1], 80 / zoomB - 1, 80 / zoomB + 1);

        // A share link opens the annotation read-only: both shapes are drawn, no drawing control exists.
        var token = (await world.AdminAsync("mutation($a: Long) { createShareLink(input: {annotationId: $a}) { token } }", new { a = scene.Annotation }))
            .GetProperty("createShareLink").GetProperty("token").GetString();
        var anonymous = await world.Browser.NewContextAsync();
        await using var ___ = anonymous;
        var shared = await anonymous.NewPageAsync();
        await shared.GotoAsync($"{world.Url}shared/{token}");
        await Expect(shared.Locator("[data-viewer-canvas][data-roi-drawn='2']")).ToBeAttachedAsync(new() { Timeout = 15_000 });
        await Expect(shared.GetByRole(AriaRole.Button, new() { Name = "Draw regions" })).ToHaveCountAsync(0);
        await Expect(shared.GetByRole(AriaRole.Button, new() { Name = "Save the drawing layer" })).ToHaveCountAsync(0);
    }
}
