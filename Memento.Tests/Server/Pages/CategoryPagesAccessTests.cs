using System.Net;
using Memento.Domain.Model;
using Memento.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Memento.Tests.Server.Pages.CategoryPagesWorld;

namespace Memento.Tests.Server.Pages;

/// <summary>
/// The page × caller table of the category area: every page, fragment and form post of the category editor, the
/// annotation editor and the members pages, as every kind of caller. Administrators of the project (owner, proadm,
/// sysadm) are served; anyone else gets 403 with nothing of the project in the answer; a signed-out visitor is sent
/// to the login page.
/// </summary>
public sealed class CategoryPagesAccessTests(CategoryPagesWorld world) : IClassFixture<CategoryPagesWorld>
{
    /// <summary>Every GET of the area (pages, confirmation pages, htmx fragments), built from the world's ids.</summary>
    private static readonly (string Name, Func<CategoryPagesWorld, string> Url, bool Htmx)[] Gets =
    [
        ("category editor", w => $"/categories/{w.WT}", false),
        ("category editor, page 2 of a search", w => $"/categories/{w.WT}?page=2&q=wt", false),
        ("category editor fragment", w => $"/categories/{w.WT}", true),
        ("category image picker", w => $"/categories/{w.WT}/images?images=dapi", true),
        ("delete-annotation confirmation", w => $"/categories/{w.WT}/annotations/{w.Wt1}/delete", false),
        ("annotation editor", w => $"/annotations/{w.Wt1}", false),
        ("annotation image picker", w => $"/annotations/{w.Wt1}/images?images=dapi", true),
        ("delete-layer confirmation", w => $"/annotations/{w.Wt1}/layers/{w.ImageLayer}/delete", false),
        ("project members", w => $"/projects/{w.Project}/members", false),
        ("project members with a user search", w => $"/projects/{w.Project}/members?user=new", false),
        ("category members", w => $"/categories/{w.WT}/members", false),
        ("annotation members", w => $"/annotations/{w.Wt1}/members", false),
        ("member search fragment", w => $"/categories/{w.WT}/members/search?user=new", true),
        ("revoke confirmation", w => $"/categories/{w.WT}/members/{w.Users["catpar"]}/revoke?role=catpar", false),
    ];

    public static TheoryData<string, string> GetRows()
    {
        var rows = new TheoryData<string, string>();
        foreach (var (name, _, _) in Gets)
            foreach (var caller in Administrators.Concat(Refused).Append("anonymous"))
                rows.Add(name, caller);
        return rows;
    }

    private static async Task<(HttpResponseMessage Response, string Body)> GetAsync(BrowserClient browser, string url, bool htmx)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/html");
        if (htmx) request.Headers.Add("HX-Request", "true");
        var response = await browser.Http.SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(GetRows))]
    public async Task Every_page_serves_the_projects_administrators_only(string page, string caller)
    {
        var (_, url, htmx) = Gets.Single(g => g.Name == page);
        var (response, body) = await GetAsync(await world.AsAsync(caller), url(world), htmx);
        if (caller == "anonymous")
        {
            // htmx gets HX-Redirect to the login page (a full page load); a browser a redirect.
            var location = htmx ? response.Headers.GetValues("HX-Redirect").Single() : response.Headers.Location!.OriginalString;
            Assert.StartsWith("/login?returnUrl=", location);
            Assert.DoesNotContain(Secret, body);
        }
        else if (Administrators.Contains(caller))
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {Failure()}");
            // The user search shows users, not the project: the user searched for is what must be there.
            Assert.Contains(page == "member search fragment" ? "newcomer" : Secret, body);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.DoesNotContain(Secret, body);
        }
    }

    /// <summary>Every form post of the area, with the fields a person would send; each changes something.</summary>
    private static readonly (string Name, Func<CategoryPagesWorld, string> Url, Func<CategoryPagesWorld, Dictionary<string, string>> Fields)[] Posts =
    [
        ("rename category", w => $"/categories/{w.WT}/rename", _ => new() { ["name"] = "Renamed" }),
        ("category settings", w => $"/categories/{w.WT}/settings", _ => new() { ["settings"] = "forcerow:3" }),
        ("link classifications", w => $"/categories/{w.WT}/classifications", _ => new() { ["names"] = $"Grade {Secret}" }),
        ("add annotation", w => $"/categories/{w.WT}/annotations", w => new() { ["name"] = "wt9", ["imageId"] = $"{w.Image}", ["layerName"] = "DAPI", ["layerKind"] = "image" }),
        ("rename annotation", w => $"/categories/{w.WT}/annotations/{w.Wt1}/rename", _ => new() { ["name"] = "wt1 renamed" }),
        ("move annotation", w => $"/categories/{w.WT}/annotations/{w.Wt1}/move", w => new() { ["categoryId"] = $"{w.KO}" }),
        ("delete annotation", w => $"/categories/{w.KO}/annotations/{w.Ko1}/delete", _ => new()),
        ("add image layer", w => $"/annotations/{w.Wt1}/layers", w => new() { ["name"] = "GFP", ["kind"] = "image", ["imageId"] = $"{w.Image}", ["settings"] = "bitDepth:12" }),
        ("add group layer", w => $"/annotations/{w.Wt1}/layers", _ => new() { ["name"] = "T1", ["kind"] = "group" }),
        ("edit layer", w => $"/annotations/{w.Wt1}/layers/{w.ImageLayer}", w => new() { ["name"] = "DAPI 2", ["settings"] = "bitDepth:16", ["parentId"] = $"{w.Group}" }),
        ("delete layer", w => $"/annotations/{w.Wt1}/layers/{w.Group}/delete", _ => new()),
        ("grant project role", w => $"/projects/{w.Project}/members", w => new() { ["userId"] = $"{w.Users["newcomer"]}", ["role"] = "propar" }),
        ("grant category role", w => $"/categories/{w.WT}/members", w => new() { ["userId"] = $"{w.Users["newcomer"]}", ["role"] = "catvie" }),
        ("grant annotation role", w => $"/annotations/{w.Wt1}/members", w => new() { ["userId"] = $"{w.Users["newcomer"]}", ["role"] = "annpar" }),
        ("change role", w => $"/categories/{w.WT}/members/{w.Users["catvie"]}/role", _ => new() { ["from"] = "catvie", ["to"] = "catpar" }),
        ("revoke role", w => $"/annotations/{w.Wt1}/members/{w.Users["annvie"]}/revoke", _ => new() { ["role"] = "annvie" }),
    ];

    public static TheoryData<string, string> PostRows()
    {
        var rows = new TheoryData<string, string>();
        foreach (var (name, _, _) in Posts)
            foreach (var caller in Refused.Append("anonymous"))
                rows.Add(name, caller);
        return rows;
    }

    [Theory]
    [MemberData(nameof(PostRows))]
    public async Task Every_form_post_is_refused_to_anyone_but_the_administrators_and_changes_nothing(string form, string caller)
    {
        var (_, url, fields) = Posts.Single(p => p.Name == form);
        var browser = await world.AsAsync(caller);
        var before = await SnapshotAsync();
        var sent = fields(world);
        var token = await world.AntiforgeryAsync(browser, caller != "anonymous");
        var (response, page) = await browser.PostAsync(url(world), sent.Append(token));
        if (caller == "anonymous")
            Assert.StartsWith("/login?returnUrl=", response.Headers.Location!.OriginalString);
        else
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{(int)response.StatusCode}: {Failure()}");
        Assert.DoesNotContain(Secret, page.Body!.InnerHtml);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Theory]
    [InlineData("owner")]
    [InlineData("proadm")]
    [InlineData("sysadm")]
    public async Task The_administrators_may_open_every_page_and_a_forged_post_without_the_token_is_refused(string caller)
    {
        var browser = await world.AsAsync(caller);
        var before = await SnapshotAsync();
        var (response, _) = await browser.PostAsync($"/categories/{world.WT}/rename", [KeyValuePair.Create("name", "forged")]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await SnapshotAsync());
    }

    private string Failure() => string.Join("\n", world.App.Logs.Entries.Where(e => e.Contains("Exception")).TakeLast(1));

    /// <summary>Everything the posts above could change, as one comparable string.</summary>
    private Task<string> SnapshotAsync() => world.App.WithDbAsync(async db =>
    {
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Name + "|" + c.Settings + "|" + c.Classifications.Count).ToListAsync();
        var annotations = await db.Annotations.AsNoTracking().OrderBy(a => a.Id).Select(a => a.Name + "|" + a.CategoryId).ToListAsync();
        var layers = await db.Layers.AsNoTracking().OrderBy(l => l.Id).Select(l => l.Name + "|" + l.Settings + "|" + l.ParentLayerId).ToListAsync();
        var permissions = await db.Permissions.AsNoTracking().OrderBy(p => p.Id).Select(p => p.UserId + "|" + p.Role + "|" + p.ScopeId).ToListAsync();
        return string.Join("\n", categories.Concat(annotations).Concat(layers).Concat(permissions));
    });
}
