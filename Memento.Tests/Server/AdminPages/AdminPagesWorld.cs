using System.Net;
using AngleSharp.Html.Dom;
using Memento.Domain.Data;
using Memento.Domain.Model;
using Memento.Domain.Authorization;
using Memento.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Memento.Tests.Server.AdminPages;

/// <summary>
/// One in-process server for the admin pages' tests: a system administrator, a holder of the system-level proadm
/// code ("creator"), the administrator of one project by grant ("projadm"), a user with no role ("outsider"), and
/// the private project "Hidden lab" that only projadm (and the sysadm) may see.
/// </summary>
public sealed class AdminPagesWorld : IDisposable
{
    public const string Password = "admin-pages-password-1";
    public const string HiddenProject = "Hidden lab";
    public MementoAppFactory App { get; } = new();
    public Dictionary<string, long> Users { get; } = [];
    public long Hidden { get; }

    public AdminPagesWorld()
    {
        foreach (var (name, sysadm, proadm) in new[] { ("sysadm", true, false), ("creator", false, true),
                     ("projadm", false, false), ("outsider", false, false) })
            Users[name] = App.CreateUserAsync(name, Password, sysadm, proadm).GetAwaiter().GetResult().Id;
        Hidden = App.WithDbAsync(async db =>
        {
            var project = new Project { Name = HiddenProject, OwnerId = Users["sysadm"], CreatedAt = DateTimeOffset.UtcNow };
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            db.Permissions.Add(new Permission { UserId = Users["projadm"], Role = PermissionRole.ProAdm, ScopeId = project.Id,
                GrantedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            return project.Id;
        }).GetAwaiter().GetResult();
    }

    /// <summary>
    /// A browser signed in as <paramref name="user"/>, one per user for the whole class (the login throttle counts
    /// sign-ins per address); a new anonymous one for null. The world disposes them.
    /// </summary>
    public async Task<BrowserClient> BrowserAsync(string? user)
    {
        if (user is null) return Track(App.CreateBrowser());
        if (browsers.TryGetValue(user, out var known)) return known;
        var browser = App.CreateBrowser();
        await browser.SignInAsync(user, Password);
        return browsers[user] = Track(browser);
    }

    private readonly Dictionary<string, BrowserClient> browsers = [];
    private readonly List<BrowserClient> opened = [];
    private BrowserClient Track(BrowserClient browser) { opened.Add(browser); return browser; }

    /// <summary>A fresh account to act on (rename, delete), so cases never disturb each other.</summary>
    public async Task<long> VictimAsync(string prefix = "victim") =>
        (await App.CreateUserAsync($"{prefix}{Interlocked.Increment(ref counter)}", Password)).Id;

    private static int counter;

    /// <summary>
    /// The antiforgery fields of any form the browser can load (the login page for anonymous callers), for posting
    /// to a form the caller was never shown: what a curious or forged request would carry.
    /// </summary>
    public static async Task<List<KeyValuePair<string, string>>> TokenFieldsAsync(BrowserClient browser, bool signedIn)
    {
        var (_, page) = await browser.GetPageAsync(signedIn ? "/account/password" : "/login");
        return page.QuerySelectorAll("form input[type=hidden]").OfType<IHtmlInputElement>()
            .Where(i => i.Name is not null && i.Name.StartsWith("__RequestVerificationToken", StringComparison.Ordinal))
            .Take(1).Select(i => KeyValuePair.Create(i.Name!, i.Value)).ToList();
    }

    public void Dispose()
    {
        foreach (var browser in opened) browser.Dispose();
        App.Dispose();
    }
}
