using System.Text.Json;
using Memento.Tests.Browser.Support;
using Microsoft.Playwright;

namespace Memento.Tests.Browser;

/// <summary>A person makes a gallery, adds a picture by its number, and sees its thumbnail on the gallery's page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class GalleryFlowTests(BrowserWorld world)
{
    [Fact]
    public async Task Create_a_gallery_add_a_picture_and_see_it_on_the_gallery_page()
    {
        var created = await world.AdminAsync("mutation($n: String!) { createProject(input: {name: $n}) { project { id } } }",
            new { n = BrowserWorld.Unique("Gallery source") });
        var project = created.GetProperty("createProject").GetProperty("project").GetProperty("id").GetInt64();
        var pictureName = BrowserWorld.Unique("colon cells");
        var picture = await SceneUploads.UploadReadyImageAsync(world, project, pictureName);

        var (context, page) = await world.SignInAsync();
        await using var _ = context;
        await page.GotoAsync(world.Url);
        await page.GetByRole(AriaRole.Link, new() { Name = "Galleries" }).ClickAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        var title = BrowserWorld.Unique("<b>Best</b> cells");
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Description").FillAsync("Hand-picked");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create gallery" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("No pictures you can see.")).ToBeVisibleAsync();
        await page.GetByLabel("Picture number").FillAsync(picture.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Add picture" }).ClickAsync();

        var link = page.GetByRole(AriaRole.Link, new() { Name = pictureName });
        await Assertions.Expect(link).ToHaveAttributeAsync("href", $"/pictures/{picture}");
        var thumbnail = link.Locator("img");
        await Assertions.Expect(thumbnail).ToBeVisibleAsync();
        Assert.True(await thumbnail.EvaluateAsync<int>("img => img.complete ? img.naturalWidth : 0") > 0, "The thumbnail did not load.");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Remove {pictureName} from the gallery" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }
}
