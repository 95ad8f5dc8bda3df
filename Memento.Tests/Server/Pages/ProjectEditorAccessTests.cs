using System.Net;
using Memento.Domain.Authorization;
using Memento.Domain.Services.Labels;
using Memento.Domain.Services.Projects;
using Memento.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Memento.Tests.Server.Pages;

/// <summary>
/// Who may use the project editor: every page, fragment and form post of /projects/{id}, as every kind of caller.
/// Its administrators (owner, proadm, sysadm) are let in; participants and viewers (the viewer is their page) and
/// outsiders get 403 with nothing private and nothing changed; a signed-out browser goes to the login page.
/// </summary>
public sealed class ProjectEditorAccessTests(ProjectEditorScene scene) : IClassFixture<ProjectEditorScene>
{
    private const string TokenField = "__RequestVerificationToken";

    private IEnumerable<string> GetRoutes()
    {
        var p = $"/projects/{scene.ProjectId}";
        return [p, p + "/delete", $"{p}/images/{scene.ImageId}"];
    }

    private IEnumerable<(string Url, Dictionary<string, string> Fields)> PostRoutes()
    {
        var p = $"/projects/{scene.ProjectId}";
        Dictionary<string, string> Name(string name) => new() { ["name"] = name };
        return
        [
            (p, new() { ["name"] = "Renamed", ["settings"] = "darkmode:1" }),
            (p + "/labels", Name("new label")),
            ($"{p}/labels/{scene.LabelId}/rename", Name("renamed label")),
            ($"{p}/labels/{scene.LabelId}/delete", []),
            (p + "/categories", Name("new category")),
            (p + "/classifications", Name("new grade")),
            ($"{p}/classifications/{scene.ClassificationId}/rename", Name("renamed grade")),
            ($"{p}/classifications/{scene.ClassificationId}/delete", []),
            (p + "/images", new() { ["name"] = "new image", ["type"] = "E", ["format"] = "1", ["url"] = "https://example.org/x.png" }),
            ($"{p}/images/{scene.ImageId}/replace", new() { ["format"] = "2" }),
            ($"{p}/images/{scene.ImageId}/delete", []),
            (p + "/delete", []),
        ];
    }

    private async Task<BrowserClient> SignedInAsync(string user)
    {
        var browser = scene.App.CreateBrowser();
        await browser.SignInAsync(user, ProjectEditorScene.Password);
        return browser;
    }

    /// <summary>A valid antiforgery token for this browser, from a page it may open (the sign-out form on its home page).</summary>
    private static async Task<string> TokenAsync(BrowserClient browser, string page = "/")
    {
        var (_, document) = await browser.GetPageAsync(page);
        return document.QuerySelector($"input[name={TokenField}]")?.GetAttribute("value")
               ?? throw new Xunit.Sdk.XunitException($"no antiforgery token on {page}");
    }

    [Theory]
    [InlineData("owner")]
    [InlineData("proadm")]
    [InlineData("sysadm")]
    public async Task The_projects_administrators_open_the_editor(string user)
    {
        using var browser = await SignedInAsync(user);
        var (response, page) = await browser.GetPageAsync($"/projects/{scene.ProjectId}");
        Assert.True(HttpStatusCode.OK == response.StatusCode, scene.App.Logs.AllText[^Math.Min(6000, scene.App.Logs.AllText.Length)..]);
        Assert.Contains(ProjectEditorScene.ProjectName, page.QuerySelector("h1")!.TextContent);
        foreach (var name in ProjectEditorScene.Private) Assert.Contains(name, page.Body!.TextContent);
        var (confirm, _) = await browser.GetPageAsync($"/projects/{scene.ProjectId}/delete");
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
    }

    [Theory]
    [InlineData("propar")]
    [InlineData("provie")]
    [InlineData("outsider")]
    public async Task Participants_viewers_and_outsiders_get_403_with_nothing_private_and_change_nothing(string user)
    {
        using var browser = await SignedInAsync(user);
        foreach (var url in GetRoutes())
        {
            var (response, page) = await browser.GetPageAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"GET {url} as {user}: {(int)response.StatusCode}");
            foreach (var secret in ProjectEditorScene.Private) Assert.DoesNotContain(secret, page.Body!.InnerHtml);
        }
        var token = await TokenAsync(browser);
        foreach (var (url, fields) in PostRoutes())
        {
            var (response, page) = await browser.PostAsync(url, fields.Append(KeyValuePair.Create(TokenField, token)));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"POST {url} as {user}: {(int)response.StatusCode}");
            foreach (var secret in ProjectEditorScene.Private) Assert.DoesNotContain(secret, page.Body!.InnerHtml);
        }
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task A_signed_out_browser_is_sent_to_the_login_page_and_changes_nothing()
    {
        using var browser = scene.App.CreateBrowser();
        foreach (var url in GetRoutes())
        {
            var (response, page) = await browser.GetPageAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/login?returnUrl=" + Uri.EscapeDataString(url), response.Headers.Location!.OriginalString);
            foreach (var secret in ProjectEditorScene.Private) Assert.DoesNotContain(secret, page.Body!.InnerHtml);
        }
        var token = await TokenAsync(browser, "/login");
        foreach (var (url, fields) in PostRoutes())
        {
            var (response, _) = await browser.PostAsync(url, fields.Append(KeyValuePair.Create(TokenField, token)));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.StartsWith("/login"),
                $"POST {url} signed out: {(int)response.StatusCode} {response.Headers.Location}");
        }
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        using var browser = await SignedInAsync("owner");
        var (response, _) = await browser.PostAsync($"/projects/{scene.ProjectId}/labels", [KeyValuePair.Create("name", "forged")]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertUnchangedAsync();
    }

    private async Task AssertUnchangedAsync()
    {
        var owner = Caller.ForUser(scene.Users["owner"]);
        var (project, labels) = await scene.WithAsync(async services => (
            await services.GetRequiredService<ProjectService>().GetAsync(owner, scene.ProjectId),
            await services.GetRequiredService<LabelService>().ListAsync(owner, scene.ProjectId)));
        Assert.Equal((ProjectEditorScene.ProjectName, ""), (project.Name, project.Settings));
        Assert.Equal([ProjectEditorScene.LabelName], labels.Select(l => l.Name));
    }
}
