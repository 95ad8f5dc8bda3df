using Memento.Tests.Browser.Support;
using Microsoft.Playwright;
using static Memento.Tests.Server.TilesTestSupport;

namespace Memento.Tests.Browser;

/// <summary>
/// The manual's "Share image" as a person does it in Chromium: name, a real CellProfiler image, Share; the upload's
/// progress bar, then processing, then the link; the link opens the image for someone with no account. With and
/// without JavaScript; axe on every page met on the way.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ShareImageFlowTests(BrowserWorld world)
{
    private static readonly string Image = CellProfiler("HumanHT29/D03/f00/d1.tif");
    /// <summary>2.4 MB, 16-bit: tiling it takes long enough for the processing indicator to be seen.</summary>
    private static readonly string LargerImage = CellProfiler("NucleiFoci/1-162hr/site1/hoechst.tif");

    [Fact]
    public async Task With_javascript_share_shows_progress_then_processing_then_a_link_that_opens_for_anyone()
    {
        var (context, page) = await world.SignInAsync();
        await using var _ = context;
        await page.GotoAsync(world.Url + "share");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        var name = BrowserWorld.Unique("Colon cells");
        await page.GetByLabel("Display name").FillAsync(name);
        await page.GetByLabel("File").SetInputFilesAsync(LargerImage);
        await page.GetByLabel("Format").SelectOptionAsync("4");
        // A slow uplink (as a 700 MB scan over the internet would be), so the upload lasts long enough to be watched.
        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.enable");
        await cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
        {
            ["offline"] = false, ["latency"] = 0, ["downloadThroughput"] = -1, ["uploadThroughput"] = 500_000,
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Share" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-upload-progress]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-upload-percent]")).ToContainTextAsync("%");
        await Assertions.Expect(page.Locator("[data-share-processing]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var link = page.Locator("#share-url");
        await Assertions.Expect(link).ToBeVisibleAsync(new() { Timeout = 90_000 });
        Assert.Equal(world.Url + "share", page.Url); // htmx swapped the answer in; no page load
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await OpensForAnyoneAsync(await link.InputValueAsync(), name);
    }

    [Fact]
    public async Task Without_javascript_the_form_posts_and_the_status_page_reloads_itself_until_the_link()
    {
        var (context, page) = await world.SignInAsync(javaScript: false);
        await using var _ = context;
        await page.GotoAsync(world.Url + "share");
        var name = BrowserWorld.Unique("No-JS cells");
        await page.GetByLabel("Display name").FillAsync(name);
        await page.GetByLabel("File").SetInputFilesAsync(Image);
        await page.GetByRole(AriaRole.Button, new() { Name = "Share" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/share/status/"));
        // The Refresh header reloads the page every 2 s until the link shows.
        var link = page.Locator("#share-url");
        await Assertions.Expect(link).ToBeVisibleAsync(new() { Timeout = 90_000 });
        await OpensForAnyoneAsync(await link.InputValueAsync(), name);
    }

    [Fact]
    public async Task Without_javascript_a_missing_file_is_refused_next_to_the_field()
    {
        var (context, page) = await world.SignInAsync(javaScript: false);
        await using var _ = context;
        await page.GotoAsync(world.Url + "share");
        await page.GetByLabel("Display name").FillAsync("nothing attached");
        await page.GetByRole(AriaRole.Button, new() { Name = "Share" }).ClickAsync();
        await Assertions.Expect(page.Locator("#share-file-error")).ToHaveTextAsync("Choose a file or give a remote URL (one of them).");
        await Assertions.Expect(page.GetByLabel("Display name")).ToHaveValueAsync("nothing attached");
    }

    /// <summary>
    /// A fresh browser with no account opens the link: the limited viewer, read-only, named after the image (the
    /// canvas has its own tests). Without JavaScript it shows the image's largest rendition instead, which loads.
    /// </summary>
    private async Task OpensForAnyoneAsync(string url, string name)
    {
        Assert.StartsWith(world.Url + "shared/", url);
        await using (var anonymous = await world.Browser.NewContextAsync())
        {
            var page = await anonymous.NewPageAsync();
            await page.GotoAsync(url);
            await Assertions.Expect(page.Locator("#viewer")).ToHaveAttributeAsync("data-readonly", "true");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(name + " read-only");
            await Assertions.Expect(page.Locator(".viewer-sidebar")).ToHaveCountAsync(0);
            await Accessibility.AssertNoSeriousViolationsAsync(page);
        }
        // No script may run in this context, Playwright's own evaluation included: the picture is fetched as the
        // browser fetched it, through the context.
        await using var withoutScript = await world.Browser.NewContextAsync(new() { JavaScriptEnabled = false });
        var plain = await withoutScript.NewPageAsync();
        await plain.GotoAsync(url);
        var img = plain.Locator("figure.shared-picture img");
        await Assertions.Expect(img).ToBeVisibleAsync();
        var picture = await withoutScript.APIRequest.GetAsync(new Uri(new Uri(url), await img.GetAttributeAsync("src")).ToString());
        Assert.Equal(200, picture.Status);
        Assert.StartsWith("image/", picture.Headers["content-type"]);
        Assert.True((await picture.BodyAsync()).Length > 1000, "the shared image did not load");
    }
}
