using System.Net;
using Memento.Domain.Model;
using Memento.Domain.Services.Projects;
using Memento.Tests.Support;

namespace Memento.Tests.Server.AdminPages;

/// <summary>The home dashboard, the projects picker and the users picker's paging, in process.</summary>
public sealed class HomeAndProjectsPagesTests(AdminPagesWorld world) : IClassFixture<AdminPagesWorld>
{
    [Fact]
    public async Task Home_lists_only_the_callers_projects_with_the_viewer_link_and_the_editor_link_where_they_administer()
    {
        var projadm = await world.BrowserAsync("projadm");
        var (_, page) = await projadm.GetPageAsync("/");
        var viewer = page.QuerySelector($"#home-projects a.viewer[href='/projects/{world.Hidden}/viewer']");
        Assert.Equal(AdminPagesWorld.HiddenProject, viewer?.QuerySelector("bdi")?.TextContent);
        Assert.Equal("grid_view", viewer?.QuerySelector(".icon")?.TextContent);
        Assert.NotNull(page.QuerySelector($"#home-projects a.edit[href='/projects/{world.Hidden}']"));

        var outsider = await world.BrowserAsync("outsider");
        var (_, theirs) = await outsider.GetPageAsync("/");
        Assert.DoesNotContain(AdminPagesWorld.HiddenProject, theirs.Body!.TextContent);
        Assert.Equal("You have no projects yet.", theirs.QuerySelector("#home-projects .hint")?.TextContent);
    }

    [Fact]
    public async Task A_caller_with_many_projects_pages_through_them_and_filters_by_name_and_htmx_gets_the_list_alone()
    {
        var owner = (await world.App.CreateUserAsync("collector", AdminPagesWorld.Password)).Id;
        await world.App.WithDbAsync(async db =>
        {
            for (var i = 0; i < 120; i++)
                db.Projects.Add(new Project { Name = $"Sample {i:000}", OwnerId = owner, CreatedAt = DateTimeOffset.UtcNow });
            db.Projects.Add(new Project { Name = "<script>alert(1)</script> 🧫 \u202Eevil", OwnerId = owner, CreatedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        using var browser = world.App.CreateBrowser();
        await browser.SignInAsync("collector", AdminPagesWorld.Password);

        var (_, first) = await browser.GetPageAsync("/");
        Assert.Equal(ProjectDirectory.PageSize, first.QuerySelectorAll("#home-projects li").Length);
        Assert.Equal("/?skip=50", first.QuerySelector("#home-projects a[rel=next]")?.GetAttribute("href"));
        var (_, third) = await browser.GetPageAsync("/?skip=100");
        Assert.Equal(21, third.QuerySelectorAll("#home-projects li").Length);
        Assert.Null(third.QuerySelector("a[rel=next]"));
        // The hostile name ('<' sorts first) is text: no element came out of it.
        Assert.StartsWith("<script>alert(1)</script> 🧫", first.QuerySelector("#home-projects bdi")?.TextContent);
        Assert.Null(first.QuerySelector("main script"));

        var (_, filtered) = await browser.GetPageAsync("/?q=sample 11");
        Assert.Equal(["Sample 110", "Sample 111", "Sample 112", "Sample 113", "Sample 114", "Sample 115", "Sample 116",
            "Sample 117", "Sample 118", "Sample 119"], filtered.QuerySelectorAll("#home-projects bdi").Select(b => b.TextContent));

        using var htmx = new HttpRequestMessage(HttpMethod.Get, "/?q=sample%20007");
        htmx.Headers.Add("HX-Request", "true");
        var fragment = await (await browser.Http.SendAsync(htmx)).Content.ReadAsStringAsync();
        Assert.StartsWith("<div id=\"home-projects\"", fragment.TrimStart());
        Assert.Contains("Sample 007", fragment);
        Assert.DoesNotContain("<html", fragment);
    }

    [Fact]
    public async Task The_projects_picker_lists_what_the_caller_administers_and_creates_by_name()
    {
        var projadm = await world.BrowserAsync("projadm");
        var (_, page) = await projadm.GetPageAsync("/projects");
        Assert.Equal(AdminPagesWorld.HiddenProject, page.QuerySelector($"#project-results a[href='/projects/{world.Hidden}'] bdi")?.TextContent);
        Assert.Null(page.QuerySelector("form[action='/projects'][method=post]")); // administers one, may not create

        var creator = await world.BrowserAsync("creator");
        var (_, empty) = await creator.GetPageAsync("/projects");
        Assert.DoesNotContain(AdminPagesWorld.HiddenProject, empty.Body!.TextContent);
        var (blank, refused) = await creator.SubmitAsync("/projects", "/projects", new Dictionary<string, string> { ["name"] = "   " });
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(refused.QuerySelector("#err-name")?.TextContent));

        var (created, _) = await creator.SubmitAsync("/projects", "/projects", new Dictionary<string, string> { ["name"] = "Kidney atlas" });
        Assert.Equal(HttpStatusCode.SeeOther, created.StatusCode);
        var id = long.Parse(created.Headers.Location!.OriginalString["/projects/".Length..]);
        var (_, listed) = await creator.GetPageAsync("/projects?q=kidney");
        Assert.Equal("Kidney atlas", listed.QuerySelector($"#project-results a[href='/projects/{id}'] bdi")?.TextContent);

        var (again, conflict) = await creator.SubmitAsync("/projects", "/projects", new Dictionary<string, string> { ["name"] = "Kidney atlas" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(ProjectMessages.YouAlreadyHave("Kidney atlas"), conflict.QuerySelector("#err-name")?.TextContent);
        Assert.Equal("Kidney atlas", conflict.QuerySelector("input[name=name]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task The_users_picker_finds_one_user_among_ten_thousand_and_pages_the_rest()
    {
        await world.App.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < 10_000; i++)
            {
                var name = $"crowd{i:00000}";
                db.Users.Add(new User { UserName = name, NormalizedUserName = User.Normalize(name), CreatedAt = now });
            }
            return await db.SaveChangesAsync();
        });
        var admin = await world.BrowserAsync("sysadm");
        var (_, all) = await admin.GetPageAsync("/users?q=crowd");
        Assert.Equal(50, all.QuerySelectorAll("#user-results li").Length);
        Assert.Equal("/users?q=crowd&skip=50", all.QuerySelector("#user-results a[rel=next]")?.GetAttribute("href"));
        var (_, last) = await admin.GetPageAsync("/users?q=crowd&skip=9950");
        Assert.Equal("crowd09999", last.QuerySelectorAll("#user-results bdi").Last().TextContent);
        Assert.Null(last.QuerySelector("#user-results a[rel=next]"));
        Assert.NotNull(last.QuerySelector("#user-results a[rel=prev]"));

        using var htmx = new HttpRequestMessage(HttpMethod.Get, "/users?q=crowd0777");
        htmx.Headers.Add("HX-Request", "true");
        var fragment = await (await admin.Http.SendAsync(htmx)).Content.ReadAsStringAsync();
        Assert.StartsWith("<div id=\"user-results\"", fragment.TrimStart());
        Assert.Equal(10, System.Text.RegularExpressions.Regex.Matches(fragment, "crowd0777[0-9]").Count);
    }
}
