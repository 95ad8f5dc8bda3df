using System.Net;
using Memento.Domain.Authorization;
using Memento.Domain.Services.ObjectTypes;
using Memento.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Memento.Tests.Server.Vocabulary;

/// <summary>
/// The vocabulary pages as a browser without JavaScript gets them: the tree (a type with two parents under both,
/// marked), the licences seeded at start from the SPDX list the build copied, and a refused cycle next to its field.
/// </summary>
public sealed class VocabularyPagesTests : IDisposable
{
    private readonly MementoAppFactory app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Anyone_sees_the_tree_with_a_type_under_each_of_its_parents_and_no_edit_controls()
    {
        var admin = await app.CreateUserAsync("vocab-admin", "vocab-password-1", isSysAdmin: true);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var types = scope.ServiceProvider.GetRequiredService<ObjectTypeService>();
            var me = Caller.ForUser(admin.Id, isSysAdmin: true);
            await types.RegisterAsync(me, "cell", null, null);
            await types.RegisterAsync(me, "organelle", null, null);
            await types.RegisterAsync(me, "<b>nucleus</b>", "holds the chromosomes", ["cell", "organelle"]);
        }
        using var anonymous = app.CreateBrowser();

        var (response, page) = await anonymous.GetPageAsync("/vocabulary");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Each root with the entries under it, and their marks naming the other parents.
        var entries = page.QuerySelectorAll(".vocabulary-tree > li").Select(li => li.QuerySelector("a")!.TextContent + " > "
            + string.Join(", ", li.QuerySelectorAll("ul > li").Select(child => child.QuerySelector("a")!.TextContent
                + " (" + Words(child.QuerySelector(".also-under")!.TextContent.Replace("call_split", "")) + ")"))).ToList();
        Assert.Equal(["cell > <b>nucleus</b> (also under organelle)", "organelle > <b>nucleus</b> (also under cell)"], entries);
        Assert.Null(page.QuerySelector("main b")); // the hostile id is text
        Assert.Empty(page.QuerySelectorAll("main form[method=post]"));
        var (_, typePage) = await anonymous.GetPageAsync("/vocabulary/type?id=%3Cb%3Enucleus%3C%2Fb%3E");
        Assert.Equal("Object type <b>nucleus</b>", typePage.QuerySelector("h1")?.TextContent);
        Assert.Empty(typePage.QuerySelectorAll("main form[method=post]"));

        var (_, searched) = await anonymous.GetPageAsync("/vocabulary?q=ORGAN");
        Assert.Equal(["organelle"], searched.QuerySelectorAll(".vocabulary-tree a.match").Select(a => a.TextContent));
        Assert.Equal(["organelle", "<b>nucleus</b>"], searched.QuerySelectorAll(".vocabulary-tree a").Select(a => a.TextContent));
    }

    private static string Words(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();

    [Fact]
    public async Task An_administrator_is_told_which_cycle_a_parent_would_close_and_nothing_changes()
    {
        await app.CreateUserAsync("vocab-admin", "vocab-password-1", isSysAdmin: true);
        using var admin = app.CreateBrowser();
        await admin.SignInAsync("vocab-admin", "vocab-password-1");
        var (added, _) = await admin.SubmitAsync("/vocabulary", "/vocabulary/types", new Dictionary<string, string> { ["id"] = "cell" });
        Assert.Equal((HttpStatusCode.SeeOther, "/vocabulary/type?id=cell&saved=added"),
            (added.StatusCode, added.Headers.Location?.OriginalString));
        await admin.SubmitAsync("/vocabulary", "/vocabulary/types", new Dictionary<string, string> { ["id"] = "nucleus", ["parents"] = "cell" });

        var (refused, page) = await admin.SubmitAsync("/vocabulary/type?id=cell", "/vocabulary/type/parents?id=cell",
            new Dictionary<string, string> { ["parents"] = "nucleus" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("'cell' cannot be a kind of 'nucleus': that would close the cycle cell → nucleus → cell.",
            page.QuerySelector("#err-parents")?.TextContent);
        var (_, cell) = await admin.GetPageAsync("/vocabulary/type?id=cell");
        Assert.Equal("nucleus", cell.QuerySelectorAll(".vocabulary-facts dd")[2].TextContent.Trim()); // children
        Assert.Equal("—", cell.QuerySelectorAll(".vocabulary-facts dd")[1].TextContent.Trim()); // parents
    }

    [Fact]
    public async Task The_licences_page_lists_the_pinned_first_and_the_SPDX_list_seeded_at_start()
    {
        using var anonymous = app.CreateBrowser();

        var (_, page) = await anonymous.GetPageAsync("/licences");
        var rows = page.QuerySelectorAll("table.licences tbody tr").ToList();
        Assert.Equal(732, rows.Count);
        Assert.Equal(["CC-BY-4.0", "CC-BY-SA-4.0", "CC0-1.0"], rows.Where(r => r.ClassList.Contains("pinned"))
            .Select(r => r.QuerySelector("td a")!.TextContent));
        Assert.Equal("CC0-1.0", rows[2].QuerySelector("td a")!.TextContent);
        var gpl = rows.Single(r => r.QuerySelector("td a")!.TextContent == "GPL-3.0-only");
        Assert.Equal("free", gpl.QuerySelector(".badge.free")?.TextContent);

        var (_, licence) = await anonymous.GetPageAsync("/licences/GPL-3.0-only");
        Assert.Equal("GNU General Public License v3.0 only", licence.QuerySelector("h1")?.TextContent);
        Assert.Equal(["https://spdx.org/licenses/GPL-3.0-only.html", "https://www.gnu.org/licenses/gpl-3.0-standalone.html"],
            licence.QuerySelectorAll(".vocabulary-facts a").Select(a => a.GetAttribute("href")));
        var (missing, _) = await anonymous.GetPageAsync("/licences/GPL-9.0");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
