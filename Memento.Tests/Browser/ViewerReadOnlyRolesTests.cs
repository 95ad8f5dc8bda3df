using System.Text.Json;
using Memento.Tests.Browser.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Memento.Tests.Browser;

/// <summary>
/// The viewer for read-only roles: a project viewer (provie), a category viewer (catvie) and an annotation viewer
/// (annvie) each see the annotation, its layers and its comments, and none of the write controls listed in
/// <see cref="ViewerWriteControls"/> — which the comment's author, a participant, does see on the same page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ViewerReadOnlyRolesTests(BrowserWorld world)
{
    [Fact]
    public async Task Each_viewer_role_sees_the_annotation_and_its_comments_without_any_write_control()
    {
        var project = Id(await world.AdminAsync("mutation($n: String!) { createProject(input: {name: $n, settings: \"expandlayer:1,expandcomment:1\"}) { project { id } } }",
            new { n = BrowserWorld.Unique("Read-only") }), "createProject", "project");
        var category = Id(await world.AdminAsync("mutation($p: Long!, $n: String!) { createCategory(input: {projectId: $p, name: $n}) { category { id } } }",
            new { p = project, n = BrowserWorld.Unique("Liver") }), "createCategory", "category");
        var image = await SceneUploads.UploadReadyImageAsync(world, project, "ramp.png",
            SyntheticImages.Grey16(64, 48, (x, y) => x * 900 + y * 50), "ramp.png"); // tiny: tiled in a moment
        var created = await world.AdminAsync("""
            mutation($c: Long!, $n: String!, $i: Long) { createAnnotation(input: {categoryId: $c, name: $n, layer: {name: "DAPI", imageId: $i, sequence: 1}}) {
              annotation { id } firstLayer { id } } }
            """, new { c = category, n = BrowserWorld.Unique("Biopsy"), i = image });
        var annotation = created.GetProperty("createAnnotation").GetProperty("annotation").GetProperty("id").GetInt64();
        var layer = created.GetProperty("createAnnotation").GetProperty("firstLayer").GetProperty("id").GetInt64();
        await world.AdminAsync("mutation($l: Long!) { addComment(input: {layerId: $l, content: \"Check the margin\"}) { comment { id } } }",
            new { l = layer });
        var url = $"{world.Url}projects/{project}/viewer/annotations/{annotation}";

        // The author (the admin, a participant): every control the list says an author sees at load is there.
        var (authorContext, author) = await world.SignInAsync();
        await using (authorContext)
        {
            await author.GotoAsync(url);
            await OpenedAsync(author);
            foreach (var control in ViewerWriteControls.All.Where(c => c.ShownToTheAuthor))
                await Expect(author.Locator(control.Selector).First).ToBeAttachedAsync();
        }

        foreach (var (code, scope) in new[] { ("provie", project), ("catvie", category), ("annvie", annotation) })
        {
            var user = await world.CreateUserAsync(code);
            await world.AdminAsync("mutation($u: Long!, $c: String!, $s: Long!) { grantRole(input: { userId: $u, code: $c, scopeId: $s }) { permission { code } } }",
                new { u = user.Id, c = code, s = scope });
            var (context, page) = await world.SignInAsync(user.Name, user.Password);
            await using (context)
            {
                await page.GotoAsync(url);
                await OpenedAsync(page);
                await ViewerWriteControls.AssertNoneAsync(page, $"A {code} viewer");
            }
        }
    }

    /// <summary>The annotation is open with its layer and the comment shown (expandcomment:1).</summary>
    private static async Task OpenedAsync(IPage page)
    {
        await Expect(page.Locator("#viewer[data-status=ready]")).ToBeAttachedAsync(new() { Timeout = 15_000 });
        await Expect(page.Locator("#layer-panel .channel-name")).ToHaveTextAsync("DAPI");
        await Expect(page.Locator("#comment-panel .comment-text")).ToHaveTextAsync("Check the margin");
        // The share action is placed once the annotation's links are known; the comment list once loaded: both
        // settled, so an absent control is absent, not late.
        await Expect(page.Locator("#comment-panel .comments-status")).ToHaveTextAsync("1 comment");
    }

    private static long Id(JsonElement data, string field, string item) =>
        data.GetProperty(field).GetProperty(item).GetProperty("id").GetInt64();
}
