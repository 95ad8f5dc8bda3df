using System.Net;
using AngleSharp.Html.Dom;
using Memento.Domain.Model;
using Memento.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Memento.Tests.Server.Pages.CategoryPagesWorld;

namespace Memento.Tests.Server.Pages;

/// <summary>
/// The category editor, annotation editor and members pages as a browser without JavaScript uses them (post,
/// 303, the page again; a refusal re-renders the page with the message next to the field and 400), and as htmx
/// does (the same post answers the editor fragment).
/// </summary>
public sealed class CategoryPagesTests(CategoryPagesWorld world) : IClassFixture<CategoryPagesWorld>
{
    private Task<BrowserClient> Admin() => world.AsAsync("proadm");

    private static Dictionary<string, string> Fields(params (string Key, string Value)[] fields) =>
        fields.ToDictionary(f => f.Key, f => f.Value);

    [Fact]
    public async Task Category_settings_with_an_unknown_key_or_a_bad_value_are_refused_next_to_the_field_and_nothing_is_saved()
    {
        var browser = await Admin();
        var url = $"/categories/{world.KO}";
        foreach (var (bad, message) in new[] { ("forcerow:many", "Bad value 'many' for 'forcerow'"), ("colour:red", "Unknown setting 'colour'"), ("darkmode:2", "'darkmode'") })
        {
            var (refused, page) = await browser.SubmitAsync(url, url + "/settings", Fields(("settings", bad)));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains(message, page.QuerySelector("#settings-error")!.TextContent);
            // What the user typed is still in the field.
            Assert.Equal(bad, ((IHtmlInputElement)page.QuerySelector("input[name=settings]")!).Value);
            Assert.Equal("true", page.QuerySelector("input[name=settings]")!.GetAttribute("aria-invalid"));
        }
        Assert.Equal("", await world.App.WithDbAsync(db => db.Categories.Where(c => c.Id == world.KO).Select(c => c.Settings).SingleAsync()));

        var (saved, _) = await browser.SubmitAsync(url, url + "/settings", Fields(("settings", "forcerow:4,nameshidden:1,darkmode:1")));
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        Assert.Equal(url, saved.Headers.Location!.OriginalString);
        var (_, again) = await browser.GetPageAsync(url);
        Assert.Equal("forcerow:4,nameshidden:1,darkmode:1", ((IHtmlInputElement)again.QuerySelector("input[name=settings]")!).Value);
    }

    [Fact]
    public async Task The_same_post_from_htmx_answers_the_editor_fragment_with_the_message()
    {
        var browser = await Admin();
        var (_, page) = await browser.GetPageAsync($"/categories/{world.KO}");
        var token = page.QuerySelector("form[action$='/settings'] input[type=hidden]") as IHtmlInputElement;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/categories/{world.KO}/settings")
        {
            Content = new FormUrlEncodedContent([KeyValuePair.Create(token!.Name!, token.Value), KeyValuePair.Create("settings", "forcerow:0")]),
        };
        request.Headers.Add("HX-Request", "true");
        var response = await browser.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("<div id=\"category-editor\"", body.TrimStart());
        Assert.DoesNotContain("<html", body);
        Assert.Contains("an integer from 1 to 50 is expected", body);
    }

    [Fact]
    public async Task An_administrator_renames_links_classifications_and_manages_the_annotations_of_a_category()
    {
        var browser = await Admin();
        var category = await world.App.WithDbAsync(async db =>
        {
            var c = new Category { ProjectId = world.Project, Name = "Flow", CreatedAt = DateTimeOffset.UnixEpoch };
            db.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
        var url = $"/categories/{category}";

        var (renamed, _) = await browser.SubmitAsync(url, url + "/rename", Fields(("name", "Flow renamed")));
        Assert.Equal(HttpStatusCode.SeeOther, renamed.StatusCode);
        var (linked, _) = await browser.SubmitAsync(url, url + "/classifications", Fields(("names", $"Grade {Secret}")));
        Assert.Equal(HttpStatusCode.SeeOther, linked.StatusCode);
        var (_, page) = await browser.GetPageAsync(url);
        Assert.Contains("Flow renamed", page.QuerySelector("h1")!.TextContent);
        Assert.True(((IHtmlInputElement)page.QuerySelector("input[name=names]")!).IsChecked);

        // An annotation with an image layer, then a name already taken: refused next to the name, nothing lost.
        var add = Fields(("name", "sample 1"), ("imageId", $"{world.Image}"), ("layerName", "DAPI"), ("layerKind", "image"), ("layerSettings", "bitDepth:12"));
        var (added, _) = await browser.SubmitAsync(url, url + "/annotations", add);
        Assert.Equal(HttpStatusCode.SeeOther, added.StatusCode);
        var (taken, takenPage) = await browser.SubmitAsync(url, url + "/annotations", add);
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Contains("already has an annotation named", takenPage.QuerySelector("#add-name-error")!.TextContent);
        Assert.Equal("sample 1", ((IHtmlInputElement)takenPage.QuerySelector("form[action$='/annotations'] input[name=name]")!).Value);
        var (badLayer, badLayerPage) = await browser.SubmitAsync(url, url + "/annotations", new Dictionary<string, string>(add) { ["name"] = "sample 2", ["layerSettings"] = "bitDepth:40" });
        Assert.Equal(HttpStatusCode.BadRequest, badLayer.StatusCode);
        Assert.Contains("'bitDepth'", badLayerPage.QuerySelector("#add-settings-error")!.TextContent);

        var annotation = await world.App.WithDbAsync(db => db.Annotations.Include(a => a.Layers).SingleAsync(a => a.CategoryId == category));
        Assert.Equal("sample 1", annotation.Name);
        Assert.Equal(("DAPI", world.Image, "bitDepth:12"), (annotation.Layers.Single().Name, annotation.Layers.Single().ImageId!.Value, annotation.Layers.Single().Settings));

        var (renamedAnnotation, _) = await browser.SubmitAsync(url, $"{url}/annotations/{annotation.Id}/rename", Fields(("name", "sample one")));
        Assert.Equal(HttpStatusCode.SeeOther, renamedAnnotation.StatusCode);
        Assert.Equal("sample one", await world.App.WithDbAsync(db => db.Annotations.Where(a => a.Id == annotation.Id).Select(a => a.Name).SingleAsync()));

        // Without JavaScript, delete goes through a confirmation page first.
        var (confirm, confirmPage) = await browser.GetPageAsync($"{url}/annotations/{annotation.Id}/delete");
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains("sample one", confirmPage.QuerySelector("main")!.TextContent);

        var (moved, _) = await browser.SubmitAsync(url, $"{url}/annotations/{annotation.Id}/move", Fields(("categoryId", $"{world.KO}")));
        Assert.Equal(HttpStatusCode.SeeOther, moved.StatusCode);
        Assert.Equal(world.KO, await world.App.WithDbAsync(db => db.Annotations.Where(a => a.Id == annotation.Id).Select(a => a.CategoryId).SingleAsync()));
        var (_, after) = await browser.GetPageAsync(url);
        Assert.Contains("No annotations yet", after.QuerySelector("#annotation-list")!.TextContent);

        var koUrl = $"/categories/{world.KO}";
        var (deleted, _) = await browser.SubmitAsync($"{koUrl}/annotations/{annotation.Id}/delete", $"{koUrl}/annotations/{annotation.Id}/delete", Fields());
        Assert.Equal(HttpStatusCode.SeeOther, deleted.StatusCode);
        Assert.False(await world.App.WithDbAsync(db => db.Annotations.AnyAsync(a => a.Id == annotation.Id)));
    }

    [Fact]
    public async Task Deleting_from_htmx_posts_the_rows_fields_and_answers_the_editor_without_the_annotation()
    {
        var browser = await Admin();
        var annotation = await world.App.WithDbAsync(async db =>
        {
            var a = new Annotation { CategoryId = world.KO, Name = "to delete", CreatedAt = DateTimeOffset.UnixEpoch };
            db.Add(a);
            await db.SaveChangesAsync();
            return a.Id;
        });
        var (_, page) = await browser.GetPageAsync($"/categories/{world.KO}");
        // What htmx sends for the row's delete link: the fields of the element its hx-include names.
        var row = page.QuerySelectorAll("#annotation-list tr").Single(r => r.TextContent.Contains("to delete"));
        var included = page.QuerySelector(row.QuerySelector("a.danger")!.GetAttribute("hx-include")!)!;
        var fields = included.QuerySelectorAll("input").OfType<IHtmlInputElement>().Select(i => KeyValuePair.Create(i.Name!, i.Value));
        using var request = new HttpRequestMessage(HttpMethod.Post, row.QuerySelector("a.danger")!.GetAttribute("hx-post"))
        {
            Content = new FormUrlEncodedContent(fields),
        };
        request.Headers.Add("HX-Request", "true");
        var response = await browser.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        Assert.StartsWith("<div id=\"category-editor\"", body.TrimStart());
        Assert.DoesNotContain("to delete", body);
        Assert.False(await world.App.WithDbAsync(db => db.Annotations.AnyAsync(a => a.Id == annotation)));
    }

    [Fact]
    public async Task Thousands_of_annotations_are_paged_in_fifties_and_searched()
    {
        var browser = await Admin();
        var category = await world.App.WithDbAsync(async db =>
        {
            var c = new Category { ProjectId = world.Project, Name = "Big", CreatedAt = DateTimeOffset.UnixEpoch };
            db.Add(c);
            await db.SaveChangesAsync();
            db.AddRange(Enumerable.Range(0, 2000).Select(i => new Annotation { CategoryId = c.Id, Name = $"a{i:0000}", CreatedAt = DateTimeOffset.UnixEpoch }));
            await db.SaveChangesAsync();
            return c.Id;
        });
        var (_, first) = await browser.GetPageAsync($"/categories/{category}");
        Assert.Equal(50, first.QuerySelectorAll("#annotation-list tbody tr").Length);
        Assert.Equal("a0000", first.QuerySelector("#annotation-list tbody tr td.name")!.TextContent.Trim());
        var next = first.QuerySelectorAll(".pager a").Single(a => a.TextContent.Contains("Next")).GetAttribute("href")!;
        var (_, second) = await browser.GetPageAsync(next);
        Assert.Equal("a0050", second.QuerySelector("#annotation-list tbody tr td.name")!.TextContent.Trim());
        Assert.Contains(second.QuerySelectorAll(".pager a"), a => a.TextContent.Contains("Previous"));

        var (_, found) = await browser.GetPageAsync($"/categories/{category}?q=a19");
        Assert.Equal(50, found.QuerySelectorAll("#annotation-list tbody tr").Length);
        Assert.All(found.QuerySelectorAll("#annotation-list tbody td.name"), td => Assert.StartsWith("a19", td.TextContent.Trim()));
        var (_, last) = await browser.GetPageAsync($"/categories/{category}?q=a19&page=2");
        Assert.Equal(50, last.QuerySelectorAll("#annotation-list tbody tr").Length);
        Assert.DoesNotContain(last.QuerySelectorAll(".pager a"), a => a.TextContent.Contains("Next"));
    }

    [Fact]
    public async Task Layers_are_added_with_validated_settings_grouped_renamed_and_deleted()
    {
        var browser = await Admin();
        var annotation = await world.App.WithDbAsync(async db =>
        {
            var a = new Annotation { CategoryId = world.WT, Name = "layered", CreatedAt = DateTimeOffset.UnixEpoch };
            db.Add(a);
            await db.SaveChangesAsync();
            return a.Id;
        });
        var url = $"/annotations/{annotation}";
        var (group, _) = await browser.SubmitAsync(url, url + "/layers", Fields(("name", "z0"), ("kind", "group")));
        Assert.Equal(HttpStatusCode.SeeOther, group.StatusCode);
        var groupId = await world.App.WithDbAsync(db => db.Layers.Where(l => l.AnnotationId == annotation && l.Kind == LayerKind.Group).Select(l => l.Id).SingleAsync());

        var image = Fields(("name", "GFP"), ("kind", "image"), ("imageId", $"{world.Image}"), ("settings", "bitDepth:17"), ("parentId", $"{groupId}"));
        var (refused, refusedPage) = await browser.SubmitAsync(url, url + "/layers", image);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("an integer from 1 to 16 is expected", refusedPage.QuerySelector("#image-settings-error")!.TextContent);
        Assert.Equal("GFP", ((IHtmlInputElement)refusedPage.QuerySelector("form[action$='/layers'] input[name=name]")!).Value);

        var (added, _) = await browser.SubmitAsync(url, url + "/layers", new Dictionary<string, string>(image) { ["settings"] = "bitDepth:12" });
        Assert.Equal(HttpStatusCode.SeeOther, added.StatusCode);
        var layer = await world.App.WithDbAsync(db => db.Layers.AsNoTracking().SingleAsync(l => l.AnnotationId == annotation && l.Kind == LayerKind.Image));
        Assert.Equal(("GFP", "bitDepth:12", groupId, world.Image), (layer.Name, layer.Settings, layer.ParentLayerId!.Value, layer.ImageId!.Value));
        var (_, page) = await browser.GetPageAsync(url);
        Assert.Contains("in group z0", page.QuerySelector("table.layers")!.TextContent);

        var (edited, _) = await browser.SubmitAsync(url, $"{url}/layers/{layer.Id}", Fields(("name", "GFP 2"), ("settings", "bitDepth:16"), ("parentId", "0")));
        Assert.Equal(HttpStatusCode.SeeOther, edited.StatusCode);
        layer = await world.App.WithDbAsync(db => db.Layers.AsNoTracking().SingleAsync(l => l.Id == layer.Id));
        Assert.Equal(("GFP 2", "bitDepth:16", (long?)null), (layer.Name, layer.Settings, layer.ParentLayerId));

        var (deleted, _) = await browser.SubmitAsync($"{url}/layers/{groupId}/delete", $"{url}/layers/{groupId}/delete", Fields());
        Assert.Equal(HttpStatusCode.SeeOther, deleted.StatusCode);
        Assert.False(await world.App.WithDbAsync(db => db.Layers.AnyAsync(l => l.Id == groupId)));
    }

    [Fact]
    public async Task Members_are_found_by_part_of_their_name_granted_changed_and_revoked_at_category_scope()
    {
        var browser = await Admin();
        var url = $"/categories/{world.KO}/members";
        var newcomer = world.Users["newcomer"];
        var (_, search) = await browser.GetPageAsync(url + "?user=wcom");
        var pick = search.QuerySelectorAll("#user-results form").OfType<IHtmlFormElement>()
            .Single(f => f.QuerySelector("input[name=userId]")!.GetAttribute("value") == $"{newcomer}" && f.QuerySelector("input[name=role]")!.GetAttribute("value") == "catpar");
        Assert.Contains("Add newcomer as participant (catpar)", pick.TextContent);

        // Picking the user posts that result's form as it is (its hidden fields name the user and the role).
        var (granted, _) = await browser.PostAsync(url, pick.QuerySelectorAll("input").OfType<IHtmlInputElement>()
            .Select(i => KeyValuePair.Create(i.Name!, i.Value)));
        Assert.Equal(HttpStatusCode.SeeOther, granted.StatusCode);
        var (_, listed) = await browser.GetPageAsync(url);
        Assert.Contains("participant (catpar)", listed.QuerySelector("table.members")!.TextContent);

        var (changed, _) = await browser.SubmitAsync(url, $"{url}/{newcomer}/role", Fields(("from", "catpar"), ("to", "catvie")));
        Assert.Equal(HttpStatusCode.SeeOther, changed.StatusCode);
        Assert.Equal([PermissionRole.CatVie], await Roles(newcomer, world.KO));

        var (badRole, badPage) = await browser.PostAsync(url, pick.QuerySelectorAll("input").OfType<IHtmlInputElement>()
            .Select(i => KeyValuePair.Create(i.Name!, i.Name == "role" ? "proadm" : i.Value)));
        Assert.Equal(HttpStatusCode.BadRequest, badRole.StatusCode);
        Assert.Contains("Choose one of the roles of this category: catpar, catvie", badPage.QuerySelector("[role=alert]")!.TextContent);

        var (confirm, _) = await browser.GetPageAsync($"{url}/{newcomer}/revoke?role=catvie");
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        var (revoked, _) = await browser.SubmitAsync($"{url}/{newcomer}/revoke?role=catvie", $"{url}/{newcomer}/revoke", Fields());
        Assert.Equal(HttpStatusCode.SeeOther, revoked.StatusCode);
        Assert.Empty(await Roles(newcomer, world.KO));
    }

    private Task<List<PermissionRole>> Roles(long user, long scope) => world.App.WithDbAsync(db =>
        db.Permissions.Where(p => p.UserId == user && p.ScopeId == scope).Select(p => p.Role).ToListAsync());

    [Fact]
    public async Task Hostile_names_are_shown_as_text_on_every_page()
    {
        const string script = "<script>alert('x')</script>";
        const string image = "\"><img src=x onerror=alert(1)>";
        var rtl = "\u202Eevil\u202C " + new string('W', 300) + " 🧫";
        var (category, annotation) = await world.App.WithDbAsync(async db =>
        {
            var c = new Category { ProjectId = world.Project, Name = script, CreatedAt = DateTimeOffset.UnixEpoch };
            db.Add(c);
            await db.SaveChangesAsync();
            var a = new Annotation { CategoryId = c.Id, Name = image, CreatedAt = DateTimeOffset.UnixEpoch };
            db.Add(a);
            await db.SaveChangesAsync();
            db.Add(new Layer { AnnotationId = a.Id, Name = rtl, Kind = LayerKind.Group, Sequence = 1, CreatedAt = DateTimeOffset.UnixEpoch });
            db.Add(new Permission { UserId = world.Users["newcomer"], Role = PermissionRole.CatPar, ScopeId = c.Id, GrantedAt = DateTimeOffset.UnixEpoch });
            await db.SaveChangesAsync();
            return (c.Id, a.Id);
        });
        var browser = await Admin();
        foreach (var url in new[] { $"/categories/{category}", $"/annotations/{annotation}", $"/categories/{category}/members", $"/annotations/{annotation}/members", $"/categories/{category}/annotations/{annotation}/delete" })
        {
            var (response, page) = await browser.GetPageAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(script, html);
            Assert.DoesNotContain("<img src=x", html);
            Assert.Empty(page.QuerySelectorAll("main script:not([src])"));
            Assert.Empty(page.QuerySelectorAll("img[onerror]"));
            Assert.True(page.Body!.TextContent.Contains(script) || page.Body.TextContent.Contains(image), url);
        }
        var (_, layers) = await browser.GetPageAsync($"/annotations/{annotation}");
        Assert.Contains(rtl, layers.QuerySelector("table.layers bdi")!.TextContent);
    }
}
