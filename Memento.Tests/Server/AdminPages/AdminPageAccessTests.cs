using System.Net;
using Memento.Tests.Support;

namespace Memento.Tests.Server.AdminPages;

/// <summary>
/// The page × caller table of the home, users and projects pages: every page and every form post, as every kind
/// of caller, is allowed or refused (403, or the login for a signed-out caller), and a refused response names
/// nothing private: neither the account acted on nor a project out of the caller's reach.
/// </summary>
public sealed class AdminPageAccessTests(AdminPagesWorld world) : IClassFixture<AdminPagesWorld>
{
    private const string Anonymous = "anonymous";
    private static readonly string[] Callers = [Anonymous, "outsider", "projadm", "creator", "sysadm"];

    /// <summary>A request of the table: GET, or POST with these fields; {victim} is a fresh account's id.</summary>
    private sealed record Row(string Method, string Url, string[] Allowed, Dictionary<string, string>? Fields = null);

    private static readonly string[] SysAdm = ["sysadm"];
    private static readonly string[] Managers = ["projadm", "creator", "sysadm"];
    private static readonly string[] Creators = ["creator", "sysadm"];
    private static readonly string[] SignedIn = ["outsider", "projadm", "creator", "sysadm"];

    private static readonly Row[] Rows =
    [
        new("GET", "/", SignedIn),
        new("GET", "/users", SysAdm),
        new("GET", "/users?q=vic", SysAdm),
        new("GET", "/users/new", SysAdm),
        new("GET", "/users/{victim}", SysAdm),
        new("GET", "/users/{victim}/delete", SysAdm),
        new("POST", "/users/new", SysAdm, new() { ["userName"] = "made{n}", ["password"] = "made-password-1", ["confirmPassword"] = "made-password-1" }),
        new("POST", "/users/{victim}/rename", SysAdm, new() { ["userName"] = "renamed{n}" }),
        new("POST", "/users/{victim}/password", SysAdm, new() { ["password"] = "reset-password-1", ["confirmPassword"] = "reset-password-1" }),
        new("POST", "/users/{victim}/codes", SysAdm, new() { ["proadm"] = "true" }),
        new("POST", "/users/{victim}/delete", SysAdm, new() { ["confirmed"] = "true" }),
        new("GET", "/projects", Managers),
        new("GET", "/projects?q=lab", Managers),
        new("POST", "/projects", Creators, new() { ["name"] = "Made {n}" }),
    ];

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var caller in Callers)
            for (var i = 0; i < Rows.Length; i++) data.Add(caller, i);
        return data;
    }

    private static int counter;

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_page_and_form_answers_its_callers_and_refusals_tell_nothing(string caller, int row)
    {
        var entry = Rows[row];
        var victimId = await world.VictimAsync("secretvictim");
        var n = Interlocked.Increment(ref counter);
        var url = entry.Url.Replace("{victim}", victimId.ToString());
        var browser = await world.BrowserAsync(caller == Anonymous ? null : caller);
        HttpResponseMessage response;
        string body;
        if (entry.Method == "GET")
        {
            var (r, page) = await browser.GetPageAsync(url);
            (response, body) = (r, page.DocumentElement.OuterHtml);
        }
        else
        {
            var fields = await AdminPagesWorld.TokenFieldsAsync(browser, caller != Anonymous);
            fields.AddRange(entry.Fields!.Select(f => KeyValuePair.Create(f.Key, f.Value.Replace("{n}", n.ToString()))));
            var (r, page) = await browser.PostAsync(url, fields);
            (response, body) = (r, page.DocumentElement.OuterHtml);
        }

        var status = (int)response.StatusCode;
        if (entry.Allowed.Contains(caller))
        {
            Assert.True(status is 200 or 303, $"{caller} {entry.Method} {url}: {status}");
            return;
        }
        if (caller == Anonymous)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/login?", response.Headers.Location?.OriginalString);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        Assert.DoesNotContain("secretvictim", body);
        Assert.DoesNotContain(AdminPagesWorld.HiddenProject, body);
        // Nothing was changed by the refused post.
        var victim = await world.App.WithDbAsync(db => Task.FromResult(db.Users.SingleOrDefault(u => u.Id == victimId)));
        Assert.NotNull(victim);
        Assert.StartsWith("secretvictim", victim.UserName);
        Assert.False(victim.IsProAdm);
    }

    [Theory]
    [InlineData("outsider", new string[0])]
    [InlineData("projadm", new[] { "/projects" })] // administers a project; sharing needs the proadm code
    [InlineData("creator", new[] { "/projects", "/share" })]
    [InlineData("sysadm", new[] { "/projects", "/users", "/share" })]
    public async Task The_navigation_shows_only_the_pages_the_caller_may_use(string caller, string[] shown)
    {
        var browser = await world.BrowserAsync(caller);
        var (_, page) = await browser.GetPageAsync("/");
        foreach (var url in new[] { "/projects", "/users", "/share" })
        {
            Assert.Equal(shown.Contains(url), page.QuerySelector($"header nav a[href='{url}']") is not null);
            // "Other actions" on the home page offers the same.
            Assert.Equal(shown.Contains(url), page.QuerySelector($"main a[href='{url}']") is not null);
        }
        Assert.Equal(shown.Length > 0, page.QuerySelector("#other-heading") is not null);
    }
}
