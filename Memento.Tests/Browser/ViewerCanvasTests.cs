using System.Globalization;
using System.Text.Json;
using Memento.Tests.Browser.Support;
using Microsoft.Playwright;
using static Memento.Tests.Browser.Support.SyntheticImages;
using static Microsoft.Playwright.Assertions;

namespace Memento.Tests.Browser;

/// <summary>
/// What the viewer's canvas shows, checked on the pixels a person sees (screenshots of the canvas), over images whose
/// every value is known (<see cref="ViewerScene"/>): 16-bit windows, colours, opacity and visibility composited at
/// full bit depth; auto-adjust; navigation that keeps the point under the cursor; only visible tiles fetched; layer
/// groups; dark mode; the PNG download; RGB in true colour; a share-link holder's read-only canvas.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ViewerCanvasTests(BrowserWorld world)
{
    private const string Settings = "expandlayer:1,expandcontrols:1";

    private static ViewerScene? shared;
    private static readonly SemaphoreSlim SceneLock = new(1, 1);

    // One scene for the class: ingesting six images is the slow part, and no test here changes what is stored.
    private async Task<ViewerScene> SceneAsync()
    {
        await SceneLock.WaitAsync();
        try { return shared ??= await ViewerScene.CreateAsync(world, Settings); }
        finally { SceneLock.Release(); }
    }

    [Fact]
    public async Task Two_16_bit_channels_are_windowed_coloured_and_added_exactly_and_opacity_and_the_eye_hide_one()
    {
        var scene = await SceneAsync();
        var (context, page) = await world.SignInAsync();
        await using var _ = context;
        await OpenAsync(page, scene.ViewerUrl(scene.Stack));

        await SetWindowAsync(page, "DAPI", 1000, 3000, "#ff0000");
        await SetWindowAsync(page, "GFP", 1000, 3000, "#00ff00");
        var dapi = scene.Ramps["z0/DAPI"];
        var gfp = scene.Ramps["z0/GFP"];

        // Where both windows saturate: full red plus full green.
        var (whole, fitted) = await CanvasAsync(page);
        var (cx, cy) = fitted.ToCanvas(300, 200);
        AssertColour((255, 255, 0), whole[cx, cy], "the image's centre");

        // On the ramps' slopes a screen pixel must show the value at its own image position, so look closely: three
        // double clicks at image point (25, 15) zoom in eight times around it.
        var box = (await page.Locator("[data-viewer-canvas]").BoundingBoxAsync())!;
        for (var i = 0; i < 3; i++)
        {
            var (ax, ay) = (await ViewAsync(page)).ToCanvasExact(25, 15);
            await page.Mouse.DblClickAsync((float)(box.X + ax), (float)(box.Y + ay));
            await NextFramesAsync(page);
        }
        // …and drag it to the middle of the canvas, so the points around it are all on screen.
        var (gx, gy) = (await ViewAsync(page)).ToCanvasExact(25, 15);
        await page.Mouse.MoveAsync((float)(box.X + gx), (float)(box.Y + gy));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((float)(box.X + box.Width / 2), (float)(box.Y + box.Height / 2), new() { Steps = 4 });
        await page.Mouse.UpAsync();
        await SharpAsync(page);
        foreach (var (ix, iy) in new[] { (22.0, 12.0), (25.0, 15.0), (30.0, 20.0), (18.0, 24.0) })
        {
            var (pixels, view) = await CanvasAsync(page);
            var (sx, sy) = view.ToCanvas(ix, iy);
            var (u, w) = view.ToImage(sx + 0.5, sy + 0.5); // the image point at that screen pixel's centre
            var expected = (R: Level(dapi, u, w, 1000, 3000), G: Level(gfp, u, w, 1000, 3000), B: 0.0);
            AssertColour(expected, pixels[sx, sy], $"image point ({u:F2}, {w:F2}) at zoom {view.Zoom:F2}");
        }

        // Opacity 0 takes GFP out of the sum; the eye takes DAPI out, and back.
        var gfpRow = Channel(page, "GFP");
        await gfpRow.GetByRole(AriaRole.Spinbutton, new() { Name = "Opacity of GFP in percent" }).FillAsync("0");
        await NextFramesAsync(page);
        var (p1, v1) = await CanvasAsync(page);
        var (x1, y1) = v1.ToCanvas(30, 20);
        var (u1, w1) = v1.ToImage(x1 + 0.5, y1 + 0.5);
        AssertColour((Level(dapi, u1, w1, 1000, 3000), 0, 0), p1[x1, y1], "GFP at opacity 0");

        var eye = Channel(page, "DAPI").GetByRole(AriaRole.Button, new() { Name = "Show DAPI" });
        await eye.ClickAsync();
        await NextFramesAsync(page);
        var (p2, _) = await CanvasAsync(page);
        AssertColour((0, 0, 0), p2[x1, y1], "DAPI hidden, GFP at opacity 0");
        await eye.ClickAsync();
        await NextFramesAsync(page);
        var (p3, _) = await CanvasAsync(page);
        AssertColour((Level(dapi, u1, w1, 1000, 3000), 0, 0), p3[x1, y1], "DAPI shown again");
    }

    [Fact]
    public async Task Auto_adjust_takes_the_ingest_percentiles_for_the_whole_image_and_the_visible_values_when_zoomed_in()
    {
        var scene = await SceneAsync();
        var (context, page) = await world.SignInAsync();
        await using var _ = context;
        await OpenAsync(page, scene.ViewerUrl(scene.Stack));
        var stats = (await world.AdminAsync("query($i: Long!) { image(id: $i) { statistics { p1 p99 } } }", new { i = scene.Images["z0/DAPI"] }))
            .GetProperty("image").GetProperty("statistics")[0];

        var dapi = Channel(page, "DAPI");
        await SetWindowAsync(page, "DAPI", 0, 65535, null);
        await dapi.GetByRole(AriaRole.Button, new() { Name = "Auto-adjust DAPI" }).ClickAsync();
        await Expect(dapi.Locator(".auto-note")).ToHaveTextAsync("Auto: whole image");
        await Expect(Min(dapi)).ToHaveValueAsync(Math.Round(stats.GetProperty("p1").GetDouble()).ToString(CultureInfo.InvariantCulture));
        await Expect(Max(dapi)).ToHaveValueAsync(Math.Round(stats.GetProperty("p99").GetDouble()).ToString(CultureInfo.InvariantCulture));

        // Zoomed in on the left of the horizontal ramp, the visible columns' values set the window.
        var canvas = page.Locator("[data-viewer-canvas]");
        var box = (await canvas.BoundingBoxAsync())!;
        var before = await ViewAsync(page);
        var (lx, ly) = before.ToCanvas(60, 200);
        await page.Mouse.MoveAsync((float)(box.X + lx), (float)(box.Y + ly));
        for (var i = 0; i < 6; i++) await page.Mouse.WheelAsync(0, -300);
        await SharpAsync(page);
        var view = await ViewAsync(page);
        await dapi.GetByRole(AriaRole.Button, new() { Name = "Auto-adjust DAPI" }).ClickAsync();
        await Expect(dapi.Locator(".auto-note")).ToContainTextAsync("Auto: visible area");
        var (left, _) = view.ToImage(0, 0);
        var (right, _) = view.ToImage(view.Width, 0);
        var ramp = scene.Ramps["z0/DAPI"];
        var min = int.Parse(await Min(dapi).InputValueAsync(), CultureInfo.InvariantCulture);
        var max = int.Parse(await Max(dapi).InputValueAsync(), CultureInfo.InvariantCulture);
        // The percentiles of the visible columns: within the values of those columns, 1st well below the 99th.
        Assert.InRange(min, ramp.ValueAt((int)Math.Max(0, Math.Floor(left)) - 1, 0), ramp.ValueAt((int)Math.Ceiling(left) + 3, 0));
        Assert.InRange(max, ramp.ValueAt((int)Math.Floor(right) - 3, 0), ramp.ValueAt((int)Math.Ceiling(right) + 1, 0));
    }

    [Fact]
    public async Task Wheel_zoom_keeps_the_point_under_the_cursor_keys_zoom_and_fit_and_only_visible_tiles_are_fetched()
    {
        var scene = await SceneAsync();
        // A larger image than the others: at the fitted view it is drawn from a coarse level, so zooming in must fetch
        // full-resolution tiles, and only those on screen.
        var large = await SceneUploads.UploadReadyImageAsync(world, scene.Project, "large-ramp.png",
            Grey16(3000, 2000, new Ramp(Horizontal: true, Offset: 0, Step: 20)), "large-ramp.png", format: 5);
        var annotation = (await world.AdminAsync("""
            mutation($c: Long!, $n: String!, $i: Long) { createAnnotation(input: {categoryId: $c, name: $n, layer: {name: "Large", imageId: $i}}) { annotation { id } } }
            """, new { c = scene.Category, n = BrowserWorld.Unique("Large"), i = large })).GetProperty("createAnnotation").GetProperty("annotation").GetProperty("id").GetInt64();
        var (context, page) = await world.SignInAsync();
        await using var _ = context;
        var tiles = new List<string>();
        page.Request += (_, request) => { if (request.Url.Contains("/image_files/", StringComparison.Ordinal)) lock (tiles) tiles.Add(request.Url); };
        await OpenAsync(page, scene.ViewerUrl(annotation));

        var fitted = await ViewAsync(page);
        Assert.Equal(Math.Min(fitted.Width / 3000.0, fitted.Height / 2000.0), fitted.Zoom, 3);
        var canvas = page.Locator("[data-viewer-canvas]");
        var box = (await canvas.BoundingBoxAsync())!;

        // The wheel at a point: that image point stays under the cursor. Mouse events carry whole CSS pixels, so the
        // cursor goes to a whole pixel of the page (a fraction would be a different image point at this zoom).
        var (cx, cy) = (Math.Round(box.X + fitted.Width * 0.3) - box.X, Math.Round(box.Y + fitted.Height * 0.6) - box.Y);
        var (ix, iy) = fitted.ToImage(cx, cy);
        lock (tiles) tiles.Clear();
        await page.Mouse.MoveAsync((float)(box.X + cx), (float)(box.Y + cy));
        // One flick of the wheel (a frame drawn between several notches would rightly fetch what it shows).
        await page.Mouse.WheelAsync(0, -2700);
        await SharpAsync(page);
        var zoomed = await ViewAsync(page);
        Assert.True(zoomed.Zoom > fitted.Zoom * 6, $"zoomed from {fitted.Zoom} to {zoomed.Zoom}");
        var (sx, sy) = zoomed.ToCanvasExact(ix, iy);
        Assert.True(Math.Abs(sx - cx) <= 1 && Math.Abs(sy - cy) <= 1,
            $"image point ({ix:F1}, {iy:F1}) was under the cursor at ({cx:F1}, {cy:F1}); after the wheel it is at ({sx:F1}, {sy:F1}), view {zoomed}, before {fitted}");

        // Every full-resolution tile fetched after the zoom lies in the visible part of the image.
        var (v0x, v0y) = zoomed.ToImage(0, 0);
        var (v1x, v1y) = zoomed.ToImage(zoomed.Width, zoomed.Height);
        string[] fetched;
        lock (tiles) fetched = tiles.ToArray();
        var full = fetched.Select(u => u[(u.IndexOf("/image_files/", StringComparison.Ordinal) + 13)..]).Where(u => u.StartsWith("12/", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(full);
        foreach (var tile in full)
        {
            var xy = tile[3..tile.IndexOf('.')].Split('_').Select(int.Parse).ToArray();
            Assert.True(xy[0] * 256 < v1x && (xy[0] + 1) * 256 > v0x && xy[1] * 256 < v1y && (xy[1] + 1) * 256 > v0y,
                $"tile {tile} is outside the visible image area ({v0x:F0}, {v0y:F0})-({v1x:F0}, {v1y:F0})");
        }
        Assert.True(full.Length < 96 / 4, $"{full.Length} of the 96 full-resolution tiles were fetched for a view of a few");

        // Keys on the focused canvas: + zooms in, − out, 0 fits again.
        await canvas.FocusAsync();
        await page.Keyboard.PressAsync("0");
        await NextFramesAsync(page);
        Assert.Equal(fitted.Zoom, (await ViewAsync(page)).Zoom, 4);
        await page.Keyboard.PressAsync("+");
        await NextFramesAsync(page);
        Assert.Equal(fitted.Zoom * 1.5, (await ViewAsync(page)).Zoom, 4);
        await page.Keyboard.PressAsync("-");
        await NextFramesAsync(page);
        Assert.Equal(fitted.Zoom, (await ViewAsync(page)).Zoom, 4);
        // A double click zooms in two times at the point clicked.
        await page.Mouse.DblClickAsync((float)(box.X + cx), (float)(box.Y + cy));
        await NextFramesAsync(page);
        var doubled = await ViewAsync(page);
        Assert.Equal(fitted.Zoom * 2, doubled.Zoom, 4);
        var (dx, dy) = doubled.ToCanvasExact(ix, iy);
        Assert.InRange(dx, cx - 1, cx + 1);
        Assert.InRange(dy, cy - 1, cy + 1);
        // Dragging pans by the distance dragged.
        await page.Mouse.MoveAsync((float)(box.X + cx), (float)(box.Y + cy));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((float)(box.X + cx + 100), (float)(box.Y + cy + 40), new() { Steps = 5 });
        await page.Mouse.UpAsync();
        await NextFramesAsync(page);
        var (px, py) = (await ViewAsync(page)).ToCanvasExact(ix, iy);
        Assert.InRange(px, cx + 99, cx + 101);
        Assert.InRange(py, cy + 39, cy + 41);
    }

    [Fact]
    public async Task Stepping_to_the_next_group_shows_its_values_in_the_same_view()
    {
        var scene = await SceneAsync();
        var (context, page) = await world.SignInAsync();
        await using var _ = context;
        await OpenAsync(page, scene.ViewerUrl(scene.Stack));
        await SetWindowAsync(page, "DAPI", 2000, 12000, "#ff0000");
        await SetWindowAsync(page, "GFP", 0, 65535, "#00ff00");
        await Channel(page, "GFP").GetByRole(AriaRole.Button, new() { Name = "Show GFP" }).ClickAsync();
        await page.Locator("[data-viewer-canvas]").FocusAsync();
        await page.Keyboard.PressAsync("+");
        await SharpAsync(page);
        var before = await ViewAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Next layer group" }).ClickAsync();
        await Expect(page.Locator("#viewer")).ToHaveAttributeAsync("data-group", scene.GroupZ1.ToString(CultureInfo.InvariantCulture));
        await SetWindowAsync(page, "DAPI", 2000, 12000, "#ff0000");
        await Channel(page, "GFP").GetByRole(AriaRole.Button, new() { Name = "Show GFP" }).ClickAsync();
        await SharpAsync(page);
        var after = await ViewAsync(page);
        Assert.Equal(before.Zoom, after.Zoom, 6);
        Assert.Equal(before.X, after.X, 2);
        Assert.Equal(before.Y, after.Y, 2);

        var (pixels, view) = await CanvasAsync(page);
        var (sx, sy) = view.ToCanvas(130, 200);
        var (u, w) = view.ToImage(sx + 0.5, sy + 0.5);
        // z1's DAPI ramp (2000 + 60 x: level 198 here), not z0's (1000 + 50 x: 140).
        AssertColour((Level(scene.Ramps["z1/DAPI"], u, w, 2000, 12000), 0, 0), pixels[sx, sy], "z1 DAPI");
    }

    [Fact]
    public async Task Dark_mode_turns_the_background_black_and_the_downloaded_png_is_the_canvas_as_shown()
    {
        var scene = await SceneAsync();
        var (context, page) = await world.SignInAsync();
        await using var _ = context;
        await OpenAsync(page, scene.ViewerUrl(scene.Stack));
        await page.Locator("[data-viewer-canvas]").FocusAsync();
        await page.Keyboard.PressAsync("-"); // the image smaller than the canvas: background all around
        await SharpAsync(page);

        var (light, view) = await CanvasAsync(page);
        var (bx, by) = view.ToCanvas(-20, 200); // left of the image
        var background = light[bx, by];
        Assert.True(background.R > 180 && background.R == background.G && background.G == background.B, $"light grey background, got {background}");
        var dark = page.GetByRole(AriaRole.Button, new() { Name = "Dark background" });
        await dark.ClickAsync();
        await Expect(dark).ToHaveAttributeAsync("aria-pressed", "true");
        await NextFramesAsync(page);
        var (black, _) = await CanvasAsync(page);
        AssertColour((0, 0, 0), black[bx, by], "dark background");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Download the view as PNG" }).ClickAsync());
        Assert.EndsWith(".png", download.SuggestedFilename, StringComparison.Ordinal);
        var png = PngPixels.Decode(await File.ReadAllBytesAsync((await download.PathAsync())!));
        var (shown, shownView) = await CanvasAsync(page);
        Assert.Equal((shownView.Width, shownView.Height), (png.Width, png.Height));
        // Everywhere except under the floating actions (top right) and the panels' toggles over the stage's edges
        // (the comment panel's arrow, the layer panel's), the file has the pixels on screen.
        var covered = await page.EvaluateAsync<double[][]>("""
            () => {
              const canvas = document.querySelector('[data-viewer-canvas] canvas').getBoundingClientRect();
              return [...document.querySelectorAll('.viewer-stage button')].map(b => b.getBoundingClientRect())
                .filter(r => r.width > 0 && r.height > 0)
                .map(r => [r.left - canvas.left - 2, r.top - canvas.top - 2, r.right - canvas.left + 2, r.bottom - canvas.top + 2]);
            }
            """);
        bool UnderAControl(int x, int y) => covered.Any(r => x >= r[0] && x <= r[2] && y >= r[1] && y <= r[3]);
        var mismatches = 0;
        for (var y = 4; y < png.Height - 4; y += 7)
            for (var x = 4; x < png.Width * 0.6; x += 7)
            {
                if (UnderAControl(x, y)) continue;
                var (a, b) = (png[x, y], shown[x, y]);
                if (Math.Abs(a.R - b.R) > 1 || Math.Abs(a.G - b.G) > 1 || Math.Abs(a.B - b.B) > 1) mismatches++;
            }
        Assert.Equal(0, mismatches);
    }

    [Fact]
    public async Task An_rgb_image_is_drawn_in_its_true_colours()
    {
        var scene = await SceneAsync();
        var (context, page) = await world.SignInAsync();
        await using var _ = context;
        await OpenAsync(page, scene.ViewerUrl(scene.Rgb));
        var (pixels, view) = await CanvasAsync(page);
        for (var band = 0; band < Bands.Length; band++)
        {
            var ix = (band + 0.5) * ViewerScene.RgbWidth / Bands.Length;
            var (sx, sy) = view.ToCanvas(ix, ViewerScene.RgbHeight / 2.0);
            var colour = Bands[band];
            AssertColour((colour.R, colour.G, colour.B), pixels[sx, sy], $"band {band}");
        }
    }

    [Fact]
    public async Task A_share_link_holder_without_an_account_sees_the_composite_with_a_read_only_panel()
    {
        var scene = await SceneAsync();
        var token = (await world.AdminAsync("mutation($a: Long!) { createShareLink(input: {annotationId: $a}) { token } }", new { a = scene.Stack }))
            .GetProperty("createShareLink").GetProperty("token").GetString();
        var context = await world.Browser.NewContextAsync();
        await using var _ = context;
        var page = await context.NewPageAsync();
        await OpenAsync(page, $"shared/{token}");
        await Expect(page.Locator("#layer-panel")).ToContainTextAsync("Read-only");
        var (pixels, view) = await CanvasAsync(page);
        var (sx, sy) = view.ToCanvas(300, 200);
        var centre = pixels[sx, sy];
        Assert.True(centre.R + centre.G + centre.B > 100, $"the composite shows at the image's centre, got {centre}");
        // Nothing on the page writes: no drawing, submitting or editing controls for a link holder.
        await Expect(page.Locator("#viewer form, #viewer button[type=submit]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_external_image_that_cannot_be_read_says_why_in_its_layer()
    {
        var scene = await SceneAsync();
        // Nothing listens on port 9 of this machine: the picture cannot be fetched, as from a site without CORS.
        var image = (await world.AdminAsync("""
            mutation($p: Long!) { uploadImage(input: {projectId: $p, name: "remote", format: 2, type: "E", url: "https://127.0.0.1:9/slide.png"}) { image { id } } }
            """, new { p = scene.Project })).GetProperty("uploadImage").GetProperty("image").GetProperty("id").GetInt64();
        var annotation = (await world.AdminAsync("""
            mutation($c: Long!, $n: String!, $i: Long) { createAnnotation(input: {categoryId: $c, name: $n, layer: {name: "Remote", imageId: $i}}) { annotation { id } } }
            """, new { c = scene.Category, n = BrowserWorld.Unique("External"), i = image })).GetProperty("createAnnotation").GetProperty("annotation").GetProperty("id").GetInt64();
        var (context, page) = await world.SignInAsync();
        await using var _ = context;
        await page.GotoAsync(world.Url + scene.ViewerUrl(annotation));
        var problem = Channel(page, "Remote").Locator(".channel-problem");
        await Expect(problem).ToContainTextAsync("127.0.0.1:9", new() { Timeout = 20_000 });
        await Expect(problem).ToContainTextAsync("cannot draw it");
    }

    // ---- how a test looks at the canvas ----

    /// <summary>The view as the canvas reports it, and the screen ↔ image mapping it implies.</summary>
    private sealed record View(double X, double Y, double Zoom, int Width, int Height)
    {
        public (double X, double Y) ToImage(double sx, double sy) => ((sx - Width / 2.0) / Zoom + X, (sy - Height / 2.0) / Zoom + Y);

        public (double X, double Y) ToCanvasExact(double ix, double iy) => ((ix - X) * Zoom + Width / 2.0, (iy - Y) * Zoom + Height / 2.0);

        public (int X, int Y) ToCanvas(double ix, double iy)
        {
            var (x, y) = ToCanvasExact(ix, iy);
            return ((int)Math.Floor(x), (int)Math.Floor(y));
        }
    }

    private async Task OpenAsync(IPage page, string relativeUrl)
    {
        await page.GotoAsync(world.Url + relativeUrl);
        await SharpAsync(page);
    }

    private static async Task SharpAsync(IPage page)
    {
        await NextFramesAsync(page);
        await Expect(page.Locator("[data-viewer-canvas][data-state=sharp]")).ToBeAttachedAsync(new() { Timeout = 20_000 });
    }

    /// <summary>Two animation frames: whatever an input changed has been drawn.</summary>
    private static Task NextFramesAsync(IPage page) =>
        page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");

    private static async Task<View> ViewAsync(IPage page)
    {
        var d = await page.EvaluateAsync<JsonElement>("""
            () => { const c = document.querySelector('[data-viewer-canvas]'); const g = c.querySelector('canvas');
                    return { x: +c.dataset.viewX, y: +c.dataset.viewY, zoom: +c.dataset.zoom, w: g.clientWidth, h: g.clientHeight }; }
            """);
        return new View(d.GetProperty("x").GetDouble(), d.GetProperty("y").GetDouble(), d.GetProperty("zoom").GetDouble(),
            d.GetProperty("w").GetInt32(), d.GetProperty("h").GetInt32());
    }

    /// <summary>The canvas's pixels as the screen shows them (a screenshot of the canvas element) and its view.</summary>
    private static async Task<(PngPixels Pixels, View View)> CanvasAsync(IPage page)
    {
        await NextFramesAsync(page);
        var view = await ViewAsync(page);
        var shot = await page.Locator("[data-viewer-canvas] canvas").ScreenshotAsync(new() { Animations = ScreenshotAnimations.Disabled });
        return (PngPixels.Decode(shot), view);
    }

    private static ILocator Channel(IPage page, string name) =>
        page.Locator("#layer-panel .channel").Filter(new() { Has = page.Locator(".channel-name", new() { HasTextString = name }) });

    private static ILocator Min(ILocator channel) => channel.GetByRole(AriaRole.Spinbutton, new() { Name = "Min" });

    private static ILocator Max(ILocator channel) => channel.GetByRole(AriaRole.Spinbutton, new() { Name = "Max" });

    /// <summary>Types a channel's window (max first, so min never has to pass it) and picks its colour.</summary>
    private static async Task SetWindowAsync(IPage page, string channel, int min, int max, string? colour)
    {
        var row = Channel(page, channel);
        await Max(row).FillAsync(max.ToString(CultureInfo.InvariantCulture));
        await Max(row).PressAsync("Tab");
        await Min(row).FillAsync(min.ToString(CultureInfo.InvariantCulture));
        await Min(row).PressAsync("Tab");
        if (max < 65535) await Max(row).FillAsync(max.ToString(CultureInfo.InvariantCulture));
        await Max(row).PressAsync("Tab");
        await Expect(Min(row)).ToHaveValueAsync(min.ToString(CultureInfo.InvariantCulture));
        await Expect(Max(row)).ToHaveValueAsync(max.ToString(CultureInfo.InvariantCulture));
        if (colour is not null) await row.Locator("input[type=color]").FillAsync(colour);
        await NextFramesAsync(page);
    }

    /// <summary>
    /// The 0-255 level a channel shows at image point (u, w) with window [lo, hi]: the GPU samples the full-resolution
    /// values bilinearly between pixel centres, which on a ramp is the ramp at (u - ½).
    /// </summary>
    private static double Level(Ramp ramp, double u, double w, double lo, double hi)
    {
        var t = ramp.Horizontal ? Math.Clamp(u - 0.5, 0, ViewerScene.Width - 1) : Math.Clamp(w - 0.5, 0, ViewerScene.Height - 1);
        var value = ramp.Offset + ramp.Step * t;
        return Math.Clamp((value - lo) / (hi - lo), 0, 1) * 255;
    }

    private static void AssertColour((double R, double G, double B) expected, (byte R, byte G, byte B) actual, string where)
    {
        Assert.True(Math.Abs(expected.R - actual.R) <= 2 && Math.Abs(expected.G - actual.G) <= 2 && Math.Abs(expected.B - actual.B) <= 2,
            $"{where}: expected ({expected.R:F1}, {expected.G:F1}, {expected.B:F1}), the screen shows {actual}");
    }
}
