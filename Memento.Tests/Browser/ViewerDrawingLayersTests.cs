using System.Text.Json;
using System.Text.RegularExpressions;
using Memento.Tests.Browser.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Memento.Tests.Browser;

/// <summary>
/// The drawing layers' list in the viewer's layer panel, as annotators use it: adding a layer by name (it is listed
/// and becomes the active layer), the eye, deleting one's own layer behind a confirmation (Cancel keeps it), what
/// another participant and a project viewer see of someone else's layer, and a hostile layer name shown as text.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ViewerDrawingLayersTests(BrowserWorld world)
{
    private const string Hostile = "<img src=x onerror=\"document.title='pwned'\">cells";

    private sealed record Scene(long Project, long Annotation);

    /// <summary>A project with one annotation showing one image; alice and bob participate, carol only views.</summary>
    private async Task<(Scene Scene, (long Id, string Name, string Password) Alice, (long Id, string Name, string Password) Bob,
        (long Id, string Name, string Password) Carol)> SceneAsync()
    {
        var project = Id(await world.AdminAsync("mutation($n: String!) { createProject(input: {name: $n, settings: \"expandlayer:1\"}) { project { id } } }",
            new { n = BrowserWorld.Unique("Drawing layers") }), "createProject", "project");
        var category = Id(await world.AdminAsync("mutation($p: Long!, $n: String!) { createCategory(input: {projectId: $p, name: $n}) { category { id } } }",
            new { p = project, n = BrowserWorld.Unique("Slides") }), "createCategory", "category");
        var image = await SceneUploads.UploadReadyImageAsync(world, project, "ht29.tif");
        var annotation = Id(await world.AdminAsync("""
            mutation($c: Long!, $n: String!, $i: Long) { createAnnotation(input: {categoryId: $c, name: $n, layer: {name: "DAPI", imageId: $i, sequence: 1}}) {
              annotation { id } } }
            """, new { c = category, n = BrowserWorld.Unique("Slide"), i = image }), "createAnnotation", "annotation");
        var alice = await world.CreateUserAsync("alice");
        var bob = await world.CreateUserAsync("bob");
        var carol = await world.CreateUserAsync("carol");
        foreach (var (user, code) in new[] { (alice.Id, "propar"), (bob.Id, "propar"), (carol.Id, "provie") })
            await world.AdminAsync("mutation($u: Long!, $c: String!, $p: Long!) { grantRole(input: { userId: $u, code: $c, scopeId: $p }) { permission { code } } }",
                new { u = user, c = code, p = project });
        return (new Scene(project, annotation), alice, bob, carol);
    }

    private static long Id(JsonElement data, string field, string item) =>
        data.GetProperty(field).GetProperty(item).GetProperty("id").GetInt64();

    private async Task<IPage> OpenAsync(IPage page, Scene scene)
    {
        await page.GotoAsync($"{world.Url}projects/{scene.Project}/viewer/annotations/{scene.Annotation}");
        await Expect(page.Locator($"#viewer[data-status=ready][data-annotation='{scene.Annotation}']")).ToBeAttachedAsync(new() { Timeout = 15_000 });
        return page;
    }

    private static ILocator Row(IPage page, string name) =>
        page.Locator("#layer-panel .drawing-layer").Filter(new() { Has = page.Locator(".drawing-layer-name", new() { HasTextString = name }) });

    private async Task<string[]> DrawingLayerNamesAsync(Scene scene)
    {
        var data = await world.AdminAsync("query($a: Long!) { annotation(id: $a) { layers { name kind } } }", new { a = scene.Annotation });
        return data.GetProperty("annotation").GetProperty("layers").EnumerateArray()
            .Where(l => l.GetProperty("kind").GetString() == "DRAWING").Select(l => l.GetProperty("name").GetString()!).ToArray();
    }

    // A box is only measured once the element is on screen: the panel re-renders while the layers arrive.
    private static async Task<LocatorBoundingBoxResult> VisibleBoxAsync(ILocator locator)
    {
        await Expect(locator).ToBeVisibleAsync();
        LocatorBoundingBoxResult? box = null;
        for (var attempt = 0; box is null && attempt < 50; attempt++)
        {
            box = await locator.BoundingBoxAsync();
            if (box is null) await Task.Delay(100);
        }
        return box ?? throw new Xunit.Sdk.XunitException("The element never got a box on screen.");
    }

    [Fact]
    public async Task An_annotator_adds_a_drawing_layer_by_name_hides_it_and_deletes_one_after_confirming()
    {
        var (scene, alice, _, _) = await SceneAsync();
        var (context, page) = await world.SignInAsync(alice.Name, alice.Password);
        await using var _ = context;
        await OpenAsync(page, scene);

        var name = page.GetByLabel("Name of the new drawing layer");
        var add = page.GetByRole(AriaRole.Button, new() { Name = "Add drawing layer" });
        // The form is at the bottom of the panel, below the image layers.
        var formBox = await VisibleBoxAsync(page.Locator(".drawing-layer-form"));
        var channelBox = await VisibleBoxAsync(page.Locator("#layer-panel .channel").First);
        Assert.True(formBox.Y > channelBox.Y, "The add form is below the image layers.");

        await add.ClickAsync();
        await Expect(page.Locator(".drawing-layer-form .drawing-layer-error")).ToHaveTextAsync("Type a name for the new drawing layer.");
        await Expect(page.Locator("#layer-panel .drawing-layer")).ToHaveCountAsync(0);

        // A hostile name is stored and shown as the text it is.
        await name.FillAsync(Hostile);
        await add.ClickAsync();
        var hostileRow = Row(page, "cells");
        var hostileName = hostileRow.Locator(".drawing-layer-name");
        await Expect(hostileName).ToHaveTextAsync(Hostile);
        await Expect(hostileName).ToHaveAttributeAsync("aria-pressed", "true"); // the new layer is the active one
        await Expect(hostileRow).ToHaveClassAsync(new Regex(@"\bis-active\b"));
        await Expect(name).ToHaveValueAsync("");
        Assert.Equal(0, await page.Locator("#layer-panel img").CountAsync());
        Assert.NotEqual("pwned", await page.TitleAsync());
        Assert.Equal([Hostile], await DrawingLayerNamesAsync(scene));

        // A name the annotation already has is refused before it is sent.
        await name.FillAsync("DAPI");
        await add.ClickAsync();
        await Expect(page.Locator(".drawing-layer-form .drawing-layer-error")).ToContainTextAsync("already has a layer named “DAPI”");
        await name.FillAsync("Nuclei");
        await Expect(page.Locator(".drawing-layer-form .drawing-layer-error")).ToBeHiddenAsync();
        await name.PressAsync("Enter");
        var nuclei = Row(page, "Nuclei");
        await Expect(nuclei.Locator(".drawing-layer-name")).ToHaveAttributeAsync("aria-current", "true");
        await Expect(hostileName).ToHaveAttributeAsync("aria-pressed", "false");
        // Listed at the top of the panel, above the image layers.
        var rowBox = await VisibleBoxAsync(nuclei);
        channelBox = await VisibleBoxAsync(page.Locator("#layer-panel .channel").First);
        Assert.True(rowBox.Y < channelBox.Y, "Drawing layers are listed above the image layers.");

        // Clicking a name makes that layer active.
        await hostileName.ClickAsync();
        await Expect(hostileName).ToHaveAttributeAsync("aria-current", "true");
        await Expect(nuclei.Locator(".drawing-layer-name")).Not.ToHaveAttributeAsync("aria-current", "true");

        // The eye hides and shows the drawing.
        var eye = nuclei.GetByRole(AriaRole.Button, new() { Name = "Show drawing layer Nuclei" });
        await Expect(eye).ToHaveAttributeAsync("aria-pressed", "true");
        await eye.ClickAsync();
        await Expect(eye).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(eye.Locator(".icon")).ToHaveTextAsync("visibility_off");
        await Expect(eye).ToBeFocusedAsync();
        await Expect(nuclei).ToHaveClassAsync(new Regex(@"\bis-hidden\b"));
        await eye.PressAsync("Enter");
        await Expect(eye).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(eye.Locator(".icon")).ToHaveTextAsync("visibility");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // Delete asks first: Cancel keeps the layer.
        var delete = nuclei.GetByRole(AriaRole.Button, new() { Name = "Delete drawing layer Nuclei" });
        await delete.ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Delete the drawing layer “Nuclei”");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(nuclei).ToBeVisibleAsync();
        Assert.Equal([Hostile, "Nuclei"], await DrawingLayerNamesAsync(scene));

        await delete.ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Delete layer" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(nuclei).ToHaveCountAsync(0);
        await Expect(Row(page, "cells")).ToBeVisibleAsync();
        Assert.Equal([Hostile], await DrawingLayerNamesAsync(scene));

        // After a reload the list comes from the server.
        await OpenAsync(page, scene);
        await Expect(page.Locator("#layer-panel .drawing-layer-name")).ToHaveTextAsync([Hostile]);
    }

    [Fact]
    public async Task Another_participant_sees_someone_elses_layer_without_delete_and_a_viewer_sees_no_write_controls()
    {
        var (scene, alice, bob, carol) = await SceneAsync();
        await world.AdminAsync("""
            mutation($a: Long!) { createLayer(input: {annotationId: $a, name: "admin's ROI", kind: DRAWING}) { layer { id } } }
            """, new { a = scene.Annotation });
        var (aliceContext, alicePage) = await world.SignInAsync(alice.Name, alice.Password);
        await using (aliceContext)
        {
            await OpenAsync(alicePage, scene);
            await alicePage.GetByLabel("Name of the new drawing layer").FillAsync("alice's cells");
            await alicePage.GetByRole(AriaRole.Button, new() { Name = "Add drawing layer" }).ClickAsync();
            await Expect(Row(alicePage, "alice's cells")).ToBeVisibleAsync();
            // The administrator's layer is not hers: no delete button on it.
            await Expect(Row(alicePage, "admin's ROI").Locator(".drawing-layer-delete")).ToHaveCountAsync(0);
        }

        var (bobContext, bobPage) = await world.SignInAsync(bob.Name, bob.Password);
        await using (bobContext)
        {
            await OpenAsync(bobPage, scene);
            var row = Row(bobPage, "alice's cells");
            await Expect(row).ToBeVisibleAsync();
            await Expect(row.Locator(".drawing-layer-delete")).ToHaveCountAsync(0);
            // He may still look at it and make it active, and add a layer of his own.
            await row.GetByRole(AriaRole.Button, new() { Name = "Show drawing layer alice's cells" }).ClickAsync();
            await Expect(row).ToHaveClassAsync(new Regex(@"\bis-hidden\b"));
            await row.Locator(".drawing-layer-name").ClickAsync();
            await Expect(row.Locator(".drawing-layer-name")).ToHaveAttributeAsync("aria-current", "true");
            await Expect(bobPage.GetByLabel("Name of the new drawing layer")).ToBeVisibleAsync();
        }

        var (carolContext, carolPage) = await world.SignInAsync(carol.Name, carol.Password);
        await using (carolContext)
        {
            await OpenAsync(carolPage, scene);
            await Expect(carolPage.Locator("#layer-panel .drawing-layer-name")).ToHaveTextAsync(["admin's ROI", "alice's cells"]);
            await Expect(carolPage.Locator("#layer-panel .drawing-layer-delete")).ToHaveCountAsync(0);
            await Expect(carolPage.Locator("#layer-panel .drawing-layer-form")).ToHaveCountAsync(0);
            await Expect(carolPage.Locator("#layer-panel .drawing-layer-input")).ToHaveCountAsync(0);
            await Accessibility.AssertNoSeriousViolationsAsync(carolPage);
        }
    }
}
