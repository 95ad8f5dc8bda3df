using System.Text.Json;
using Memento.Tests.Browser.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Memento.Tests.Browser;

/// <summary>
/// The viewer page's server-rendered shell in Chromium over <see cref="ViewerScene"/>: without JavaScript the sidebar
/// lists the scene's annotations as working links and the stage says the canvas needs JavaScript; the scene itself
/// is what viewer tests build on (its images READY, its layers' bit depths and statistics what the API says).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ViewerPageBrowserTests(BrowserWorld world)
{
    [Fact]
    public async Task Without_javascript_the_sidebar_links_open_each_annotation_and_the_stage_says_the_canvas_needs_javascript()
    {
        var scene = await ViewerScene.CreateAsync(world, "darkmode:1");
        var (context, page) = await world.SignInAsync(javaScript: false);
        await using var _ = context;

        await page.GotoAsync(world.Url + $"projects/{scene.Project}/viewer");
        var sidebar = page.GetByRole(AriaRole.Navigation, new() { Name = scene.ProjectName });
        await Expect(sidebar.GetByRole(AriaRole.Heading, new() { Name = scene.CategoryName })).ToBeVisibleAsync();
        // The category's name is a link too (it opens the category's grid); the annotations are listed under it.
        var links = sidebar.GetByRole(AriaRole.Link);
        await Expect(links).ToHaveTextAsync(new[] { scene.CategoryName, scene.RgbName, scene.StackName, scene.TwelveBitName });
        await Expect(page.Locator(".viewer-noscript")).ToContainTextAsync("The image canvas needs JavaScript");
        await Expect(page.GetByText("Choose an annotation in the list to open it.")).ToBeVisibleAsync();
        await Expect(page.Locator(".viewer-stage")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bis-dark\b"));

        await links.Filter(new() { HasText = scene.TwelveBitName }).ClickAsync();
        await Expect(page).ToHaveURLAsync(world.Url + scene.ViewerUrl(scene.TwelveBit));
        await Expect(sidebar.Locator("a[aria-current=page]")).ToHaveTextAsync(scene.TwelveBitName);
        await Expect(page.Locator("#viewer")).ToHaveAttributeAsync("data-annotation", $"{scene.TwelveBit}");
        await Expect(page.GetByText("Choose an annotation in the list to open it.")).ToHaveCountAsync(0);
        // axe-core needs script in the page: the hostile-names walk runs it on the viewer pages.
    }

    [Fact]
    public async Task The_scenes_layers_have_their_known_bit_depths_and_ramps_as_statistics()
    {
        var scene = await ViewerScene.CreateAsync(world);
        const string query = """
            query($a: Long!) { annotation(id: $a) { layers { id name kind parentLayerId bitDepth
              image { width height bands bitDepth state dziUrl statistics { min max } } } } }
            """;
        var stack = Layers(await world.AdminAsync(query, new { a = scene.Stack }));
        foreach (var key in ViewerScene.Channels)
        {
            var layer = stack[scene.Layers[key]];
            var ramp = scene.Ramps[key];
            var group = key.StartsWith("z0") ? scene.GroupZ0 : scene.GroupZ1;
            Assert.Equal(group, layer.GetProperty("parentLayerId").GetInt64());
            Assert.Equal(16, layer.GetProperty("bitDepth").GetInt32());
            var image = layer.GetProperty("image");
            Assert.Equal((ViewerScene.Width, ViewerScene.Height, 1, "READY"), (image.GetProperty("width").GetInt32(),
                image.GetProperty("height").GetInt32(), image.GetProperty("bands").GetInt32(), image.GetProperty("state").GetString()));
            Assert.NotNull(image.GetProperty("dziUrl").GetString());
            var statistics = Assert.Single(image.GetProperty("statistics").EnumerateArray());
            Assert.Equal(ramp.ValueAt(0, 0), statistics.GetProperty("min").GetDouble());
            Assert.Equal(ramp.MaxIn(ViewerScene.Width, ViewerScene.Height), statistics.GetProperty("max").GetDouble());
        }
        Assert.Equal(["z0", "z1"], stack.Values.Where(l => l.GetProperty("kind").GetString() == "GROUP")
            .Select(l => l.GetProperty("name").GetString()));

        var twelve = Layers(await world.AdminAsync(query, new { a = scene.TwelveBit }))[scene.TwelveBitLayer];
        Assert.Equal(12, twelve.GetProperty("bitDepth").GetInt32());
        Assert.Equal(16, twelve.GetProperty("image").GetProperty("bitDepth").GetInt32());
        Assert.True(Assert.Single(twelve.GetProperty("image").GetProperty("statistics").EnumerateArray()).GetProperty("max").GetDouble() < 4096);

        var rgb = Layers(await world.AdminAsync(query, new { a = scene.Rgb }))[scene.RgbLayer].GetProperty("image");
        Assert.Equal((3, 8), (rgb.GetProperty("bands").GetInt32(), rgb.GetProperty("bitDepth").GetInt32()));
        Assert.Equal(3, rgb.GetProperty("statistics").GetArrayLength());
    }

    private static Dictionary<long, JsonElement> Layers(JsonElement data) => data.GetProperty("annotation").GetProperty("layers")
        .EnumerateArray().ToDictionary(l => l.GetProperty("id").GetInt64());
}
