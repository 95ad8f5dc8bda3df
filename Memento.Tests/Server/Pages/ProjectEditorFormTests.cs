using System.Net;
using System.Net.Http.Headers;
using Memento.Domain.Authorization;
using Memento.Domain.Services.Images;
using Memento.Domain.Services.Labels;
using Memento.Domain.Services.Projects;
using Memento.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Memento.Tests.Server.Pages;

/// <summary>
/// The project editor's forms as a browser without JavaScript uses them (post, 303, see the result; a refused
/// value re-renders the page with the message next to the field, 400, nothing lost), and htmx's partial answers.
/// </summary>
public sealed class ProjectEditorFormTests(ProjectEditorScene scene) : IClassFixture<ProjectEditorScene>
{
    private Caller Owner => Caller.ForUser(scene.Users["owner"]);

    private async Task<(BrowserClient Browser, long ProjectId, string Url)> NewProjectAsync(string name = "Liver")
    {
        var id = await scene.WithAsync(async s => (await s.GetRequiredService<ProjectService>().CreateAsync(Owner, BrowserName(name))).Id);
        var browser = scene.App.CreateBrowser();
        await browser.SignInAsync("owner", ProjectEditorScene.Password);
        return (browser, id, $"/projects/{id}");
    }

    private static string BrowserName(string name) => $"{name} {Guid.NewGuid().ToString("N")[..6]}";

    private Task<ProjectInfo> ProjectAsync(long id) =>
        scene.WithAsync(s => s.GetRequiredService<ProjectService>().GetAsync(Owner, id));

    private void AssertSeeOther(HttpResponseMessage response, string location)
    {
        Assert.True(HttpStatusCode.SeeOther == response.StatusCode,
            $"{(int)response.StatusCode}: {scene.App.Logs.AllText[^Math.Min(3000, scene.App.Logs.AllText.Length)..]}");
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task An_unknown_settings_key_is_refused_next_to_the_field_and_nothing_is_saved_then_a_valid_string_is()
    {
        var (browser, id, url) = await NewProjectAsync();
        using var owned = browser;
        var before = await ProjectAsync(id);

        var (refused, page) = await browser.SubmitAsync(url, url, new Dictionary<string, string>
        {
            ["name"] = "Renamed too", ["settings"] = "darkmode:1,colour:red",
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var error = page.QuerySelector("#edit .field-error")?.TextContent ?? "";
        Assert.Contains("Unknown setting 'colour'. The known keys are: darkmode, clastype, defaultlayer", error);
        // What the user typed is still in the form; the project kept its name and settings.
        Assert.Equal("darkmode:1,colour:red", page.QuerySelector("#edit input[name=settings]")?.GetAttribute("value"));
        Assert.Equal("true", page.QuerySelector("#edit input[name=settings]")?.GetAttribute("aria-invalid"));
        Assert.Equal((before.Name, ""), ((await ProjectAsync(id)).Name, (await ProjectAsync(id)).Settings));

        var (saved, _) = await browser.SubmitAsync(url, url, new Dictionary<string, string>
        {
            ["name"] = "Liver renamed", ["settings"] = "fastannotation:1, clastype:l",
        });
        AssertSeeOther(saved, url + "#edit");
        var after = await ProjectAsync(id);
        Assert.Equal(("Liver renamed", "fastannotation:1,clastype:l"), (after.Name, after.Settings));
    }

    [Fact]
    public async Task Labels_are_added_renamed_and_deleted_and_a_duplicate_name_is_refused_in_place()
    {
        var (browser, id, url) = await NewProjectAsync();
        using var owned = browser;
        AssertSeeOther((await browser.SubmitAsync(url, url + "/labels", new Dictionary<string, string> { ["name"] = "positive" })).Response, url + "#labels");
        var (duplicate, page) = await browser.SubmitAsync(url, url + "/labels", new Dictionary<string, string> { ["name"] = "positive" });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Equal("The project already has a label named 'positive'.", page.QuerySelector("#add-label-error")?.TextContent);

        var labelId = (await scene.WithAsync(s => s.GetRequiredService<LabelService>().ListAsync(Owner, id))).Single().Id;
        AssertSeeOther((await browser.SubmitAsync(url, $"{url}/labels/{labelId}/rename", new Dictionary<string, string> { ["name"] = "artifact" })).Response, url + "#labels");
        var (_, renamed) = await browser.GetPageAsync(url);
        Assert.Equal("artifact", renamed.QuerySelector("#labels li input[name=name]")?.GetAttribute("value"));

        AssertSeeOther((await browser.SubmitAsync(url, $"{url}/labels/{labelId}/delete", new Dictionary<string, string>())).Response, url + "#labels");
        Assert.Empty(await scene.WithAsync(s => s.GetRequiredService<LabelService>().ListAsync(Owner, id)));
    }

    [Fact]
    public async Task Categories_link_to_their_editor_and_classifications_are_added_renamed_and_deleted()
    {
        var (browser, id, url) = await NewProjectAsync();
        using var owned = browser;
        await browser.SubmitAsync(url, url + "/categories", new Dictionary<string, string> { ["name"] = "Wild type" });
        await browser.SubmitAsync(url, url + "/classifications", new Dictionary<string, string> { ["name"] = "Grade 1" });
        var (_, page) = await browser.GetPageAsync(url);
        var link = page.QuerySelectorAll("#categories a").Single(a => a.TextContent.Contains("Wild type"));
        Assert.Matches(@"^/categories/\d+$", link.GetAttribute("href"));

        var form = page.QuerySelector("#classifications form.rename")!.GetAttribute("action")!;
        AssertSeeOther((await browser.SubmitAsync(url, form, new Dictionary<string, string> { ["name"] = "Grade 2" })).Response, url + "#classifications");
        (_, page) = await browser.GetPageAsync(url);
        Assert.Equal("Grade 2", page.QuerySelector("#classifications li input[name=name]")?.GetAttribute("value"));
        await browser.SubmitAsync(url, form.Replace("/rename", "/delete"), new Dictionary<string, string>());
        (_, page) = await browser.GetPageAsync(url);
        Assert.Contains("No classifications yet.", page.QuerySelector("#classifications")!.TextContent);
    }

    [Fact]
    public async Task An_htmx_post_gets_only_the_section_that_changed_and_a_refusal_as_a_400_section()
    {
        var (browser, _, url) = await NewProjectAsync();
        using var owned = browser;
        var (_, page) = await browser.GetPageAsync(url);
        var token = page.QuerySelector("#labels input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        async Task<(HttpStatusCode, string)> HtmxPost(string name)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url + "/labels")
            {
                Content = new FormUrlEncodedContent([KeyValuePair.Create("name", name), KeyValuePair.Create("__RequestVerificationToken", token)]),
            };
            request.Headers.Add("HX-Request", "true");
            var response = await browser.Http.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        var (status, html) = await HtmxPost("positive");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("<section id=\"labels\"", html.TrimStart());
        Assert.DoesNotContain("<html", html);
        Assert.Contains("value=\"positive\"", html);
        (status, html) = await HtmxPost("");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("The name must not be empty.", html);
    }

    [Fact]
    public async Task Hostile_names_are_shown_escaped()
    {
        const string script = "<script>alert('p')</script>";
        const string image = "\"><img src=x onerror=alert(1)>";
        var (browser, id, url) = await NewProjectAsync();
        using var owned = browser;
        await browser.SubmitAsync(url, url, new Dictionary<string, string> { ["name"] = script + " ‮rtl 🧫", ["settings"] = "" });
        await browser.SubmitAsync(url, url + "/labels", new Dictionary<string, string> { ["name"] = image });
        await browser.SubmitAsync(url, url + "/categories", new Dictionary<string, string> { ["name"] = new string('W', 200) });
        var (response, page) = await browser.GetPageAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(script, html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
        Assert.Contains(script, page.QuerySelector("h1")!.TextContent);
        Assert.Equal(image, page.QuerySelector("#labels li input[name=name]")?.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("h1 bdi"));
    }

    [Fact]
    public async Task Long_lists_are_paged_fifty_at_a_time_with_links_that_work_without_javascript()
    {
        var (browser, id, url) = await NewProjectAsync();
        using var owned = browser;
        await scene.WithAsync(async s =>
        {
            var labels = s.GetRequiredService<LabelService>();
            for (var i = 0; i < 120; i++) await labels.CreateAsync(Owner, id, $"label {i:D3}");
            return 0;
        });
        var (_, first) = await browser.GetPageAsync(url);
        Assert.Equal(50, first.QuerySelectorAll("#labels li").Length);
        Assert.Null(first.QuerySelector("#labels .pager a[rel=prev]"));
        var next = first.QuerySelector("#labels .pager a[rel=next]")!.GetAttribute("href")!;
        Assert.Equal($"{url}?labels=2#labels", next);
        var (_, third) = await browser.GetPageAsync($"{url}?labels=3");
        Assert.Equal(20, third.QuerySelectorAll("#labels li").Length);
        Assert.Equal("label 100", third.QuerySelector("#labels li input[name=name]")?.GetAttribute("value"));
        Assert.Null(third.QuerySelector("#labels .pager a[rel=next]"));
    }

    [Fact]
    public async Task An_uploaded_file_is_converted_and_removing_the_project_removes_its_files()
    {
        var (browser, id, url) = await NewProjectAsync();
        using var owned = browser;
        var (_, page) = await browser.GetPageAsync(url);
        var token = page.QuerySelector("#images input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using (var form = new MultipartFormDataContent())
        {
            form.Add(new StringContent(token), "__RequestVerificationToken");
            form.Add(new StringContent(""), "name");
            form.Add(new StringContent("1"), "format");
            form.Add(new StringContent(""), "type");
            var file = new StreamContent(File.OpenRead(TilesTestSupport.CellProfiler("HumanHT29/D03/f00/d0.tif")));
            file.Headers.ContentType = new MediaTypeHeaderValue("image/tiff");
            form.Add(file, "file", "d0.tif");
            var response = await browser.Http.PostAsync(url + "/images", form);
            AssertSeeOther(response, url + "#images");
        }
        // The conversion runs in the background; the page shows its state (READY within a minute on a busy machine).
        ImageInfo image;
        var deadline = DateTime.UtcNow.AddSeconds(90);
        do
        {
            await Task.Delay(500);
            image = await scene.WithAsync(async s => (await s.GetRequiredService<ImageService>().FindByNameAsync(Owner, id, "d0.tif"))!);
        } while (image.State != Memento.Domain.Model.ImageProcessingState.Ready && DateTime.UtcNow < deadline);
        Assert.Equal(Memento.Domain.Model.ImageProcessingState.Ready, image.State);
        (_, page) = await browser.GetPageAsync(url);
        Assert.Equal("READY", page.QuerySelector($"#image-{image.Id}")?.GetAttribute("data-state"));
        Assert.Null(page.QuerySelector($"#image-{image.Id}")?.GetAttribute("hx-trigger"));
        Assert.NotNull(page.QuerySelector($"#image-{image.Id} img[src*='thumbnail']"));
        var directory = Path.Combine(scene.App.DataDirectory, ImageDirectories.ProjectDirectory(id));
        Assert.True(Directory.Exists(directory), "the upload has a directory of the project's");

        var (confirm, confirmPage) = await browser.GetPageAsync(url + "/delete");
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.NotNull(confirmPage.QuerySelector($"form[action='{url}/delete'] button.danger"));
        AssertSeeOther((await browser.SubmitAsync(url + "/delete", url + "/delete", new Dictionary<string, string>())).Response, "/projects");
        var (gone, _) = await browser.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.False(Directory.Exists(directory), "the project's image files are removed with it");
    }

    [Fact]
    public async Task External_images_are_added_by_url_a_bad_url_keeps_the_form_and_an_image_is_deleted()
    {
        var (browser, id, url) = await NewProjectAsync();
        using var owned = browser;
        var (refused, page) = await browser.SubmitAsync(url, url + "/images", new Dictionary<string, string>
        {
            ["name"] = "remote slide", ["type"] = "E", ["format"] = "4", ["url"] = "javascript:alert(1)",
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("An external image needs an absolute http(s) URL.", page.QuerySelector("#add-image-error")?.TextContent);
        Assert.Equal("remote slide", page.QuerySelector("#images form.add-image input[name=name]")?.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("#images form.add-image select[name=format] option[value='4'][selected]"));
        Assert.NotNull(page.QuerySelector("#images form.add-image select[name=type] option[value='E'][selected]"));

        var (missing, missingPage) = await browser.SubmitAsync(url, url + "/images", new Dictionary<string, string> { ["name"] = "no file", ["format"] = "1" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("Attach the image file", missingPage.QuerySelector("#add-image-error")?.TextContent);

        AssertSeeOther((await browser.SubmitAsync(url, url + "/images", new Dictionary<string, string>
        {
            ["name"] = "remote slide", ["type"] = "E", ["format"] = "4", ["url"] = "https://example.org/slide.png",
        })).Response, url + "#images");
        (_, page) = await browser.GetPageAsync(url);
        var row = page.QuerySelector("#images tbody tr")!;
        Assert.Equal("READY", row.GetAttribute("data-state"));
        Assert.Equal("https://example.org/slide.png", row.QuerySelector("a.external")?.GetAttribute("href"));
        Assert.Null(row.QuerySelector("form[action$='/replace']")); // an external image has no file to replace

        var delete = row.QuerySelector("form[action$='/delete']")!.GetAttribute("action")!;
        AssertSeeOther((await browser.SubmitAsync(url, delete, new Dictionary<string, string>())).Response, url + "#images");
        (_, page) = await browser.GetPageAsync(url);
        Assert.Contains("No images yet.", page.QuerySelector("#images")!.TextContent);
    }
}
