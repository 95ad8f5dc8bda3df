using AngleSharp.Html.Dom;
using Memento.Domain.Data;
using Memento.Domain.Model;
using Memento.Tests.Support;

namespace Memento.Tests.Server.Pages;

/// <summary>
/// One server with a private project for the category area's page tests: owner, proadm and sysadm administer it;
/// propar/provie, catpar/catvie on category WT, annpar/annvie on annotation wt1 and an outsider do not. Every name
/// inside carries <see cref="Secret"/>, so a refused response can be searched for leaks. One signed-in browser per
/// caller, kept for the whole class (signing in is rate limited).
/// </summary>
public sealed class CategoryPagesWorld : IAsyncLifetime
{
    public const string Secret = "SECRET-7f3a";
    public const string Password = "a long enough password";
    public static readonly string[] Administrators = ["owner", "proadm", "sysadm"];
    public static readonly string[] Refused = ["outsider", "propar", "provie", "catpar", "catvie", "annpar", "annvie"];
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public MementoAppFactory App { get; } = new();
    public Dictionary<string, long> Users { get; } = [];
    public long Project, WT, KO, Wt1, Ko1, Image, ImageLayer, Group, Grade;
    private readonly Dictionary<string, BrowserClient> browsers = [];

    public async Task InitializeAsync()
    {
        foreach (var name in Administrators.Concat(Refused).Append("newcomer"))
            Users[name] = (await App.CreateUserAsync(name, Password, isSysAdmin: name == "sysadm")).Id;
        await App.WithDbAsync(async db =>
        {
            Project = Add(db, new Project { Name = $"Kidney {Secret}", OwnerId = Users["owner"], CreatedAt = Now }).Id;
            WT = Add(db, new Category { ProjectId = Project, Name = $"WT {Secret}", CreatedAt = Now }).Id;
            KO = Add(db, new Category { ProjectId = Project, Name = $"KO {Secret}", CreatedAt = Now }).Id;
            Image = Add(db, new Image { ProjectId = Project, Name = $"dapi {Secret}.png", FormatCode = 2, UploadedAt = Now, State = ImageProcessingState.Ready }).Id;
            Wt1 = Add(db, new Annotation { CategoryId = WT, Name = $"wt1 {Secret}", CreatedAt = Now }).Id;
            Ko1 = Add(db, new Annotation { CategoryId = KO, Name = $"ko1 {Secret}", CreatedAt = Now }).Id;
            ImageLayer = Add(db, new Layer { AnnotationId = Wt1, Name = $"DAPI {Secret}", Kind = LayerKind.Image, ImageId = Image, Sequence = 1, CreatedAt = Now }).Id;
            Group = Add(db, new Layer { AnnotationId = Wt1, Name = $"channels {Secret}", Kind = LayerKind.Group, Sequence = 2, CreatedAt = Now }).Id;
            Grade = Add(db, new Classification { ProjectId = Project, Name = $"Grade {Secret}", TypeCode = "M" }).Id;
            foreach (var (user, role, scope) in new (string, PermissionRole, long)[]
                     {
                         ("proadm", PermissionRole.ProAdm, Project), ("propar", PermissionRole.ProPar, Project),
                         ("provie", PermissionRole.ProVie, Project), ("catpar", PermissionRole.CatPar, WT),
                         ("catvie", PermissionRole.CatVie, WT), ("annpar", PermissionRole.AnnPar, Wt1),
                         ("annvie", PermissionRole.AnnVie, Wt1),
                     })
                db.Permissions.Add(new Permission { UserId = Users[user], Role = role, ScopeId = scope, GrantedAt = Now });
            await db.SaveChangesAsync();
            return 0;
        });
    }

    private static T Add<T>(MementoDbContext db, T entity) where T : class
    {
        db.Add(entity);
        db.SaveChanges();
        return entity;
    }

    /// <summary>A browser signed in as <paramref name="user"/> ("anonymous": signed out), reused across tests.</summary>
    public async Task<BrowserClient> AsAsync(string user)
    {
        if (browsers.TryGetValue(user, out var browser)) return browser;
        browser = App.CreateBrowser();
        if (user != "anonymous") await browser.SignInAsync(user, Password);
        return browsers[user] = browser;
    }

    /// <summary>The caller's antiforgery field, from the sign-out form every page carries (or the login page).</summary>
    public async Task<KeyValuePair<string, string>> AntiforgeryAsync(BrowserClient browser, bool signedIn)
    {
        var (_, page) = await browser.GetPageAsync(signedIn ? "/account/password" : "/login");
        var input = page.QuerySelectorAll("form input[type=hidden]").OfType<IHtmlInputElement>()
            .First(i => i.Name!.Contains("RequestVerificationToken", StringComparison.OrdinalIgnoreCase) || i.Name.StartsWith("__"));
        return KeyValuePair.Create(input.Name!, input.Value);
    }

    public Task DisposeAsync()
    {
        foreach (var browser in browsers.Values) browser.Dispose();
        App.Dispose();
        return Task.CompletedTask;
    }
}
