using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Memento.Server.Hosting;
using static Memento.Tests.Server.Pages.ViewerPagesWorld;

namespace Memento.Tests.Server.Pages;

/// <summary>
/// The viewer pages as the server renders them (no JavaScript): who gets the page and who a 404, the sidebar of
/// categories and paged annotation links, the root's data attributes from the project's settings (the viewer's
/// scripts read them), the Content-Security-Policy that lets the canvas load external images, and the limited viewer
/// a share link opens.
/// </summary>
public sealed class ViewerPageTests(ViewerPagesWorld world) : IClassFixture<ViewerPagesWorld>
{
    private string ViewerOf(long project) => $"/projects/{project}/viewer";
    private string AnnotationOf(long project, long annotation) => $"/projects/{project}/viewer/annotations/{annotation}";

    private async Task<(HttpResponseMessage Response, IHtmlDocument Page)> GetAsync(string user, string url) =>
        await (await world.AsAsync(user)).GetPageAsync(url);

    private static IElement Root(IHtmlDocument page) =>
        page.QuerySelector("#viewer") ?? throw new Xunit.Sdk.XunitException("no #viewer on the page");

    private static string[] Links(IElement category) =>
        category.QuerySelectorAll("ul a").Select(a => a.TextContent.Trim()).ToArray();

    [Fact]
    public async Task A_member_gets_the_viewer_with_each_category_and_a_first_page_of_its_annotations_and_a_hint_to_choose_one()
    {
        var (response, page) = await GetAsync("owner", ViewerOf(world.Kidney));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"Kidney {Secret}", page.QuerySelector(".viewer-sidebar h1")!.TextContent.Trim());
        var categories = page.QuerySelectorAll(".viewer-sidebar .viewer-category").ToArray();
        Assert.Equal([$"KO {Secret} {SiblingSecret}", $"WT {Secret}"], categories.Select(c => c.QuerySelector("h2")!.TextContent.Trim()));
        var wt = categories[1];
        Assert.Equal(Enumerable.Range(1, 25).Select(i => $"wt{i:00} {Secret}"), Links(wt));
        Assert.Equal(AnnotationOf(world.Kidney, world.WtAnnotations[0]), wt.QuerySelector("ul a")!.GetAttribute("href"));
        Assert.Equal($"{ViewerOf(world.Kidney)}?category={world.WT}&page=2",
            wt.QuerySelectorAll(".viewer-pages a").Single(a => a.TextContent == "More…").GetAttribute("href"));
        Assert.Null(categories[0].QuerySelector(".viewer-pages"));
        Assert.Equal("Choose an annotation in the list to open it.", page.QuerySelector(".viewer-stage .viewer-hint")!.TextContent);
        Assert.Equal("", Root(page).GetAttribute("data-annotation"));
        // The shell the scripts fill: canvas, floating actions, layer panel, and the entry module.
        Assert.NotNull(page.QuerySelector(".viewer-stage > .viewer-canvas[data-viewer-canvas][tabindex='0']"));
        Assert.NotNull(page.QuerySelector(".viewer-stage > .viewer-actions"));
        Assert.NotNull(page.QuerySelector("aside.viewer-layers#layer-panel[aria-label=Layers]"));
        Assert.NotNull(page.QuerySelector("script[type=module][src='/js/viewer/viewer-page.js']"));
        Assert.NotNull(page.QuerySelector("link[rel=stylesheet][href='/css/pages/viewer.css']"));
    }

    [Fact]
    public async Task Without_javascript_the_stage_says_the_canvas_needs_it_and_the_sidebar_still_pages()
    {
        var (_, page) = await GetAsync("owner", $"{ViewerOf(world.Kidney)}?category={world.WT}&page=2");

        Assert.Contains("The image canvas needs JavaScript", page.QuerySelector(".viewer-stage noscript")!.TextContent);
        var wt = page.QuerySelectorAll(".viewer-category").Single(c => c.QuerySelector("h2")!.TextContent.Contains("WT"));
        Assert.Equal(Enumerable.Range(26, 5).Select(i => $"wt{i:00} {Secret}"), Links(wt));
        Assert.Equal(["Previous"], wt.QuerySelectorAll(".viewer-pages a").Select(a => a.TextContent));
        // A page past the end is an empty page with the way back, not an error.
        var (past, pastPage) = await GetAsync("owner", $"{ViewerOf(world.Kidney)}?category={world.WT}&page=99");
        Assert.Equal(HttpStatusCode.OK, past.StatusCode);
        Assert.Contains("No annotations on this page.", pastPage.QuerySelector(".viewer-sidebar")!.TextContent);
    }

    [Fact]
    public async Task The_deep_link_to_an_annotation_marks_it_in_the_sidebar_and_hands_annotation_and_group_to_the_scripts()
    {
        var annotation = world.WtAnnotations[4];
        var (response, page) = await GetAsync("owner", AnnotationOf(world.Kidney, annotation) + "?group=77");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var root = Root(page);
        Assert.Equal($"{world.Kidney}", root.GetAttribute("data-project"));
        Assert.Equal($"{annotation}", root.GetAttribute("data-annotation"));
        Assert.Equal("77", root.GetAttribute("data-group"));
        Assert.Equal("false", root.GetAttribute("data-readonly"));
        Assert.Equal("", root.GetAttribute("data-share-token"));
        Assert.Equal([$"wt05 {Secret}"], page.QuerySelectorAll(".viewer-sidebar a[aria-current=page]").Select(a => a.TextContent.Trim()));
        Assert.Null(page.QuerySelector(".viewer-hint"));
        Assert.Equal($"wt05 {Secret} · Memento", page.Title);
    }

    [Fact]
    public async Task The_projects_viewer_settings_become_the_roots_data_attributes()
    {
        var (_, kidney) = await GetAsync("owner", ViewerOf(world.Kidney));
        var (_, plain) = await GetAsync("owner", ViewerOf(world.Plain));

        string[] Flags(IHtmlDocument page) => new[] { "darkmode", "expandcontrols", "expandlayer", "defaultlayer", "groupcontrols" }
            .Select(key => $"{key}={Root(page).GetAttribute("data-" + key)}").ToArray();
        Assert.Equal(["darkmode=1", "expandcontrols=1", "expandlayer=1", "defaultlayer=3", "groupcontrols=1"], Flags(kidney));
        Assert.Equal(["darkmode=0", "expandcontrols=0", "expandlayer=0", "defaultlayer=", "groupcontrols=0"], Flags(plain));
        // darkmode:1 opens the stage black before any script runs.
        Assert.Contains("is-dark", kidney.QuerySelector(".viewer-stage")!.ClassList);
        Assert.DoesNotContain("is-dark", plain.QuerySelector(".viewer-stage")!.ClassList);
        Assert.Contains("This project has no categories you can see.", plain.QuerySelector(".viewer-sidebar")!.TextContent);
    }

    [Fact]
    public async Task A_category_viewer_sees_only_its_category_and_gets_404_for_the_sibling_annotation()
    {
        var (response, page) = await GetAsync("catvie", ViewerOf(world.Kidney));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([$"WT {Secret}"], page.QuerySelectorAll(".viewer-category h2").Select(h => h.TextContent.Trim()));
        Assert.DoesNotContain(SiblingSecret, page.DocumentElement.OuterHtml);

        var (sibling, siblingPage) = await GetAsync("catvie", AnnotationOf(world.Kidney, world.Ko1));
        Assert.Equal(HttpStatusCode.NotFound, sibling.StatusCode);
        Assert.DoesNotContain(SiblingSecret, siblingPage.DocumentElement.OuterHtml);
    }

    [Fact]
    public async Task An_outsider_gets_the_same_404_for_a_project_that_exists_and_one_that_does_not()
    {
        var (existing, existingPage) = await GetAsync("outsider", ViewerOf(world.Kidney));
        var (missing, missingPage) = await GetAsync("outsider", ViewerOf(999_999));

        Assert.Equal(HttpStatusCode.NotFound, existing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(missingPage.QuerySelector("main")!.TextContent.Replace("999999", "ID"),
            existingPage.QuerySelector("main")!.TextContent.Replace($"{world.Kidney}", "ID"));
        Assert.DoesNotContain(Secret, existingPage.DocumentElement.OuterHtml);
        var (deep, _) = await GetAsync("outsider", AnnotationOf(world.Kidney, world.WtAnnotations[0]));
        Assert.Equal(HttpStatusCode.NotFound, deep.StatusCode);
    }

    [Fact]
    public async Task An_annotation_of_another_project_or_none_at_all_is_404_even_to_their_owner()
    {
        var (foreign, foreignPage) = await GetAsync("owner", AnnotationOf(world.Kidney, world.Liver1));
        var (missing, _) = await GetAsync("owner", AnnotationOf(world.Kidney, 999_999));

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.DoesNotContain("liver1", foreignPage.DocumentElement.OuterHtml);
    }

    [Fact]
    public async Task Signed_out_people_go_to_the_login_and_come_back()
    {
        var (response, _) = await GetAsync("anonymous", AnnotationOf(world.Kidney, world.WtAnnotations[0]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login?returnUrl=" + Uri.EscapeDataString(AnnotationOf(world.Kidney, world.WtAnnotations[0])),
            response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_viewer_pages_may_load_https_images_and_every_other_page_and_script_keeps_the_strict_policy()
    {
        var strict = SecurityHeaders.ContentSecurityPolicy;
        Assert.DoesNotContain("https:", strict);
        foreach (var (user, url) in new[]
                 {
                     ("owner", ViewerOf(world.Kidney)), ("owner", AnnotationOf(world.Kidney, world.WtAnnotations[0])),
                     ("anonymous", "/shared/" + world.ShareToken), ("anonymous", "/shared/" + world.ImageShareToken),
                 })
        {
            var (response, _) = await GetAsync(user, url);
            Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
            var policy = Directives(response);
            Assert.Equal("'self' https:", policy["connect-src"]);
            Assert.Equal("'self' data: blob: https:", policy["img-src"]);
            // Everything else as strict as on any page: no inline script or style, no framing, no plugins.
            Assert.Equal(Directives(strict).Where(d => d.Key is not ("connect-src" or "img-src")),
                policy.Where(d => d.Key is not ("connect-src" or "img-src")));
        }
        foreach (var (user, url) in new[] { ("owner", "/"), ("owner", $"/projects/{world.Kidney}"), ("anonymous", "/shared/no-such-token"),
                     ("outsider", ViewerOf(world.Kidney)), ("anonymous", "/js/pages.js"),
                     // The tile worker fetches only this server's tiles: its script keeps the strict policy.
                     ("anonymous", "/js/viewer/canvas/tile-worker.js") })
        {
            var (response, _) = await GetAsync(user, url);
            Assert.Equal(strict, response.Headers.GetValues("Content-Security-Policy").Single());
        }
    }

    [Fact]
    public async Task A_live_share_link_opens_the_limited_viewer_read_only_without_sidebar_and_a_revoked_one_is_404()
    {
        foreach (var user in new[] { "anonymous", "outsider" })
        {
            var (response, page) = await GetAsync(user, "/shared/" + world.ShareToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var root = Root(page);
            Assert.Equal("true", root.GetAttribute("data-readonly"));
            Assert.Equal(world.ShareToken, root.GetAttribute("data-share-token"));
            Assert.Null(page.QuerySelector(".viewer-sidebar"));
            Assert.Null(page.QuerySelector(".viewer-hint"));
            Assert.NotNull(page.QuerySelector(".viewer-stage > .viewer-canvas[data-viewer-canvas]"));
            Assert.NotNull(page.QuerySelector("aside#layer-panel"));
            Assert.Equal($"wt01 {Secret} read-only", page.QuerySelector("h1")!.TextContent.Trim());
            // The link is the credential: not cached, not sent on as a referrer.
            Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
            // Nothing of the project beyond the shared annotation: not its name, categories or siblings.
            Assert.DoesNotContain("wt02", page.DocumentElement.OuterHtml);
            Assert.DoesNotContain($"Kidney {Secret}", page.DocumentElement.OuterHtml);
            Assert.Contains("The image canvas needs JavaScript", page.QuerySelector("noscript")!.TextContent);
        }

        var (revoked, revokedPage) = await GetAsync("anonymous", "/shared/" + world.RevokedToken);
        Assert.Equal(HttpStatusCode.NotFound, revoked.StatusCode);
        Assert.Contains("unknown, has expired or was revoked", revokedPage.Body!.TextContent);
        Assert.Null(revokedPage.QuerySelector("#viewer"));
        Assert.DoesNotContain("wt02", revokedPage.DocumentElement.OuterHtml);
    }

    [Fact]
    public async Task An_image_share_link_opens_the_limited_viewer_of_that_image()
    {
        var (response, page) = await GetAsync("anonymous", "/shared/" + world.ImageShareToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("true", Root(page).GetAttribute("data-readonly"));
        Assert.Equal(world.ImageShareToken, Root(page).GetAttribute("data-share-token"));
        Assert.Equal($"dapi {Secret}.png read-only", page.QuerySelector("h1")!.TextContent.Trim());
    }

    private static Dictionary<string, string> Directives(HttpResponseMessage response) =>
        Directives(response.Headers.GetValues("Content-Security-Policy").Single());

    private static Dictionary<string, string> Directives(string policy) => policy.Split(';', StringSplitOptions.TrimEntries)
        .Select(d => d.Split(' ', 2)).ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "");
}
