using System.Text.Json;
using Memento.Tests.Browser.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Memento.Tests.Browser;

/// <summary>
/// The viewer's comment panel and share actions in Chromium, as a participant uses them: comments added, edited and
/// deleted (with the notes icon following), the panel following the active layer, expandcomment; a share link
/// created, copied, opened anonymously as the limited viewer (read-only, every write through /graphql refused),
/// shown again after a reload, and revoked.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ViewerCommentsAndShareTests(BrowserWorld world)
{
    private const string Hostile = "<img src=x onerror=\"document.title='pwned'\"> & <b>bold</b>";

    /// <summary>A project (with <paramref name="settings"/>) whose annotation has two image layers, DAPI and GFP;
    /// the admin has commented on GFP; <paramref name="participant"/> is a project participant.</summary>
    private sealed record Scene(long Project, long Annotation, long Dapi, long Gfp, string Participant, string Password);

    private async Task<Scene> SceneAsync(string settings)
    {
        var project = Id(await world.AdminAsync("mutation($n: String!, $s: String) { createProject(input: {name: $n, settings: $s}) { project { id } } }",
            new { n = BrowserWorld.Unique("Comments"), s = settings }), "createProject", "project");
        var category = Id(await world.AdminAsync("mutation($p: Long!, $n: String!) { createCategory(input: {projectId: $p, name: $n}) { category { id } } }",
            new { p = project, n = BrowserWorld.Unique("Kidney") }), "createCategory", "category");
        var image = await SceneUploads.UploadReadyImageAsync(world, project, "ramp.png",
            SyntheticImages.Grey16(64, 48, (x, y) => x * 900 + y * 50), "ramp.png"); // tiny: tiled in a moment
        var created = await world.AdminAsync("""
            mutation($c: Long!, $n: String!, $i: Long) { createAnnotation(input: {categoryId: $c, name: $n, layer: {name: "DAPI", imageId: $i, sequence: 1}}) {
              annotation { id } firstLayer { id } } }
            """, new { c = category, n = BrowserWorld.Unique("Section"), i = image });
        var annotation = created.GetProperty("createAnnotation").GetProperty("annotation").GetProperty("id").GetInt64();
        var dapi = created.GetProperty("createAnnotation").GetProperty("firstLayer").GetProperty("id").GetInt64();
        var gfp = Id(await world.AdminAsync("""
            mutation($a: Long!, $i: Long) { createLayer(input: {annotationId: $a, name: "GFP", kind: IMAGE, imageId: $i, sequence: 2}) { layer { id } } }
            """, new { a = annotation, i = image }), "createLayer", "layer");
        await world.AdminAsync("mutation($l: Long!, $t: String!) { addComment(input: {layerId: $l, content: $t}) { comment { id } } }",
            new { l = gfp, t = Hostile });
        var user = await world.CreateUserAsync("commenter");
        await world.AdminAsync("mutation($u: Long!, $p: Long!) { grantRole(input: { userId: $u, code: \"propar\", scopeId: $p }) { permission { code } } }",
            new { u = user.Id, p = project });
        return new Scene(project, annotation, dapi, gfp, user.Name, user.Password);
    }

    private static long Id(JsonElement data, string field, string item) =>
        data.GetProperty(field).GetProperty(item).GetProperty("id").GetInt64();

    private string AnnotationUrl(Scene scene) => $"{world.Url}projects/{scene.Project}/viewer/annotations/{scene.Annotation}";

    private static Task ReadyAsync(IPage page) =>
        Expect(page.Locator("#viewer[data-status=ready]")).ToBeAttachedAsync(new() { Timeout = 15_000 });

    private static ILocator Notes(IPage page, string layer) =>
        page.Locator("#layer-panel .channel").Filter(new() { Has = page.Locator(".channel-name", new() { HasTextString = layer }) })
            .GetByRole(AriaRole.Img, new() { Name = "Has comments" });

    private async Task<int> CommentCountAsync(long layer) =>
        (await world.AdminAsync("query($l: Long!) { layer(id: $l) { comments { id } } }", new { l = layer }))
            .GetProperty("layer").GetProperty("comments").GetArrayLength();

    [Fact]
    public async Task A_participant_adds_edits_and_deletes_a_comment_and_the_panel_and_notes_icons_follow_the_layer()
    {
        var scene = await SceneAsync("expandlayer:1,expandcomment:1");
        var (context, page) = await world.SignInAsync(scene.Participant, scene.Password);
        await using var _ = context;
        await page.GotoAsync(AnnotationUrl(scene));
        await ReadyAsync(page);

        // expandcomment:1 opens the panel at load, on the selected layer (DAPI, the first), which has no comments.
        var panel = page.Locator("#comment-panel");
        await Expect(panel).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Hide the comments" })).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(panel.Locator(".comments-title")).ToHaveTextAsync("Comments on DAPI");
        await Expect(panel.GetByText("No comments on this layer yet.")).ToBeVisibleAsync();
        await Expect(Notes(page, "GFP")).ToBeVisibleAsync();
        await Expect(Notes(page, "DAPI")).ToBeHiddenAsync();

        // Add: it appears at once with its author, and DAPI gets its notes icon.
        await panel.GetByLabel("New comment").FillAsync("Nuclei look swollen\nsecond line");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Add the comment" }).ClickAsync();
        var mine = panel.Locator(".comment");
        await Expect(mine).ToHaveCountAsync(1);
        await Expect(mine.Locator(".comment-author")).ToHaveTextAsync(scene.Participant);
        await Expect(mine.Locator(".comment-text")).ToHaveTextAsync("Nuclei look swollen\nsecond line");
        await Expect(panel.GetByLabel("New comment")).ToHaveValueAsync("");
        await Expect(Notes(page, "DAPI")).ToBeVisibleAsync();
        Assert.Equal(1, await CommentCountAsync(scene.Dapi));
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // Edit with the pencil.
        await mine.GetByRole(AriaRole.Button, new() { Name = "Edit your comment" }).ClickAsync();
        await mine.GetByLabel("Edit the comment").FillAsync("Nuclei look swollen (edited by me)");
        await mine.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(mine.Locator(".comment-text")).ToHaveTextAsync("Nuclei look swollen (edited by me)");
        await Expect(mine.Locator(".comment-edited")).ToBeVisibleAsync();

        // Another layer: the panel reloads with GFP's comments; the admin's hostile text is text, and not ours to change.
        await page.Locator("#layer-panel .channel-name", new() { HasTextString = "GFP" }).ClickAsync();
        await Expect(panel.Locator(".comments-title")).ToHaveTextAsync("Comments on GFP");
        await Expect(panel.Locator(".comment-text")).ToHaveTextAsync(Hostile);
        await Expect(panel.Locator(".comment img, .comment b")).ToHaveCountAsync(0);
        await Expect(panel.Locator(".comment-edit, .comment-delete")).ToHaveCountAsync(0);
        Assert.NotEqual("pwned", await page.TitleAsync());

        // Back to DAPI; delete asks first — Keep keeps it, Delete removes it and the notes icon goes.
        await page.Locator("#layer-panel .channel-name", new() { HasTextString = "DAPI" }).ClickAsync();
        await Expect(panel.Locator(".comments-title")).ToHaveTextAsync("Comments on DAPI");
        await mine.GetByRole(AriaRole.Button, new() { Name = "Delete your comment" }).ClickAsync();
        await Expect(mine.GetByText("Delete this comment?")).ToBeVisibleAsync();
        await mine.GetByRole(AriaRole.Button, new() { Name = "Keep" }).ClickAsync();
        await Expect(mine).ToHaveCountAsync(1);
        await mine.GetByRole(AriaRole.Button, new() { Name = "Delete your comment" }).ClickAsync();
        await mine.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await Expect(panel.Locator(".comment")).ToHaveCountAsync(0);
        await Expect(Notes(page, "DAPI")).ToBeHiddenAsync();
        Assert.Equal(0, await CommentCountAsync(scene.Dapi));

        // An empty comment is refused with a message, nothing sent.
        await panel.GetByRole(AriaRole.Button, new() { Name = "Add the comment" }).ClickAsync();
        await Expect(panel.GetByRole(AriaRole.Alert)).ToContainTextAsync("empty comment");

        // The ↑ arrow closes and reopens the panel.
        await page.GetByRole(AriaRole.Button, new() { Name = "Hide the comments" }).ClickAsync();
        await Expect(panel).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the comments" }).ClickAsync();
        await Expect(panel).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_share_link_is_copied_opens_the_limited_viewer_read_only_survives_a_reload_and_stops_when_revoked()
    {
        var scene = await SceneAsync("expandlayer:1");
        var (context, page) = await world.SignInAsync(scene.Participant, scene.Password);
        await using var _ = context;
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = world.Url.TrimEnd('/') });
        await page.GotoAsync(AnnotationUrl(scene));
        await ReadyAsync(page);
        // Without expandcomment the panel starts closed.
        await Expect(page.Locator("#comment-panel")).ToBeHiddenAsync();

        var share = page.GetByRole(AriaRole.Button, new() { Name = "Share: create an anonymous link to this annotation" });
        await Expect(share).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(page.Locator(".action-link")).ToHaveCountAsync(0);
        await share.ClickAsync();
        var revoke = page.GetByRole(AriaRole.Button, new() { Name = "Stop sharing: revoke the share link" });
        await Expect(revoke).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.Equal("rgb(249, 168, 37)", await revoke.EvaluateAsync<string>("b => getComputedStyle(b).backgroundColor"));

        // link: the dialog shows the URL and says it was copied; the clipboard has it.
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy the share link" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Share link" });
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog).ToContainTextAsync("copied to the clipboard");
        var url = await dialog.GetByLabel("Address").InputValueAsync();
        Assert.StartsWith(world.Url + "shared/", url);
        Assert.Equal(url, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();

        // After a reload the server gives the same URL back.
        await page.ReloadAsync();
        await ReadyAsync(page);
        await Expect(revoke).ToHaveAttributeAsync("aria-pressed", "true");
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy the share link" }).ClickAsync();
        await Expect(dialog.GetByLabel("Address")).ToHaveValueAsync(url);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();

        // Anyone with the link, not signed in: the limited viewer — canvas, read-only layers, comments, nothing to write.
        await using var anonymous = await world.Browser.NewContextAsync();
        var guest = await anonymous.NewPageAsync();
        await guest.GotoAsync(url);
        await ReadyAsync(guest);
        await Expect(guest.Locator("[data-viewer-canvas]")).ToBeVisibleAsync();
        await Expect(guest.Locator(".viewer-sidebar")).ToHaveCountAsync(0);
        await guest.GetByRole(AriaRole.Button, new() { Name = "Show the layer panel" }).ClickAsync();
        await Expect(guest.Locator("#layer-panel .channel-name")).ToHaveCountAsync(2);
        await Expect(guest.Locator("#layer-panel .layers-hint")).ToContainTextAsync("Read-only");
        await Expect(Notes(guest, "GFP")).ToBeVisibleAsync();
        await guest.GetByRole(AriaRole.Button, new() { Name = "Show the comments" }).ClickAsync();
        await guest.Locator("#layer-panel .channel-name", new() { HasTextString = "GFP" }).ClickAsync();
        await Expect(guest.Locator("#comment-panel .comment-text")).ToHaveTextAsync(Hostile);
        await ViewerWriteControls.AssertNoneAsync(guest, "A share link's holder");
        await Accessibility.AssertNoSeriousViolationsAsync(guest);

        // Every write through /graphql, as the holder (no session; the token as a bearer too), is refused.
        var token = url[(url.LastIndexOf('/') + 1)..];
        var writes = new (string Query, object Variables)[]
        {
            ("mutation($l: Long!) { addComment(input: {layerId: $l, content: \"sneaky\"}) { comment { id } } }", new { l = scene.Gfp }),
            ("mutation($a: Long!) { submitAnnotation(input: {id: $a}) { annotation { id } } }", new { a = scene.Annotation }),
            ("mutation($l: Long!) { saveRegions(input: {layerId: $l, regions: []}) { regions { id } } }", new { l = scene.Dapi }),
            ("mutation($a: Long!) { createShareLink(input: {annotationId: $a}) { url } }", new { a = scene.Annotation }),
        };
        foreach (var (query, variables) in writes)
        {
            foreach (var bearer in new[] { null, token })
            {
                var body = await guest.EvaluateAsync<JsonElement>("""
                    async ([query, variables, bearer]) => {
                      const headers = { 'Content-Type': 'application/json' };
                      if (bearer) headers.Authorization = 'Bearer ' + bearer;
                      const r = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
                      return await r.json();
                    }
                    """, new object?[] { query, variables, bearer });
                Assert.True(body.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0, $"{query} was not refused: {body}");
                Assert.True(!body.TryGetProperty("data", out var data) || data.ValueKind == JsonValueKind.Null
                    || data.EnumerateObject().All(p => p.Value.ValueKind == JsonValueKind.Null), $"{query} returned data: {body}");
            }
        }
        Assert.Equal(1, await CommentCountAsync(scene.Gfp));

        // Revoke: share is grey again, link is gone, and the link stops working.
        await revoke.ClickAsync();
        await Expect(share).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(page.Locator(".action-link")).ToHaveCountAsync(0);
        await guest.ReloadAsync();
        await Expect(guest.GetByText("has expired or was revoked")).ToBeVisibleAsync();
        Assert.Equal(0, (await world.AdminAsync("query($a: Long!) { shareLinks(annotationId: $a) { totalCount } }", new { a = scene.Annotation }))
            .GetProperty("shareLinks").GetProperty("totalCount").GetInt32());
    }
}
