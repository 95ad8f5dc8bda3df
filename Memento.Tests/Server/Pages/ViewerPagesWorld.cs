using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Memento.Domain.Model;
using Memento.Domain.Services.ShareLinks;
using Memento.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Memento.Tests.Server.Pages;

/// <summary>
/// One server for the viewer pages' tests: project "Kidney" (its settings turn every viewer flag on) with category
/// WT of 30 annotations (more than a sidebar page) and KO of one; a second project "Liver" with one annotation; a
/// project "Plain" with no settings. owner administers all three, catvie reads WT only, outsider nothing. A live
/// share link to wt01, a revoked one, and a link to an image. Every name inside Kidney carries <see cref="Secret"/>,
/// KO's also <see cref="SiblingSecret"/>.
/// </summary>
public sealed class ViewerPagesWorld : IAsyncLifetime
{
    public const string Secret = "SECRET-v13";
    public const string SiblingSecret = "KOSIB";
    public const string Password = "a long enough password";
    public const string KidneySettings = "darkmode:1,expandcontrols:1,expandlayer:1,defaultlayer:3,groupcontrols:1";
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    public MementoAppFactory App { get; } = new();
    public Dictionary<string, long> Users { get; } = [];
    public long Kidney, WT, KO, Ko1, Liver, Liver1, Plain, Image;
    public List<long> WtAnnotations { get; } = [];
    public string ShareToken = "", RevokedToken = "", ImageShareToken = "";
    private readonly Dictionary<string, BrowserClient> browsers = [];

    public async Task InitializeAsync()
    {
        foreach (var name in new[] { "owner", "catvie", "outsider" })
            Users[name] = (await App.CreateUserAsync(name, Password, isProAdm: name == "owner")).Id;
        await App.WithDbAsync(async db =>
        {
            Kidney = Add(db, new Project { Name = $"Kidney {Secret}", OwnerId = Users["owner"], Settings = KidneySettings, CreatedAt = Now }).Id;
            WT = Add(db, new Category { ProjectId = Kidney, Name = $"WT {Secret}", CreatedAt = Now }).Id;
            KO = Add(db, new Category { ProjectId = Kidney, Name = $"KO {Secret} {SiblingSecret}", CreatedAt = Now }).Id;
            Image = Add(db, new Image { ProjectId = Kidney, Name = $"dapi {Secret}.png", FormatCode = 2, UploadedAt = Now, State = ImageProcessingState.Ready }).Id;
            for (var i = 1; i <= 30; i++)
            {
                var annotation = Add(db, new Annotation { CategoryId = WT, Name = $"wt{i:00} {Secret}", CreatedAt = Now });
                WtAnnotations.Add(annotation.Id);
                db.Layers.Add(new Layer { AnnotationId = annotation.Id, Name = "DAPI", Kind = LayerKind.Image, ImageId = Image, Sequence = 1, CreatedAt = Now });
            }
            Ko1 = Add(db, new Annotation { CategoryId = KO, Name = $"ko1 {Secret} {SiblingSecret}", CreatedAt = Now }).Id;
            Liver = Add(db, new Project { Name = "Liver", OwnerId = Users["owner"], CreatedAt = Now }).Id;
            var liverCategory = Add(db, new Category { ProjectId = Liver, Name = "All", CreatedAt = Now }).Id;
            Liver1 = Add(db, new Annotation { CategoryId = liverCategory, Name = "liver1", CreatedAt = Now }).Id;
            Plain = Add(db, new Project { Name = "Plain", OwnerId = Users["owner"], CreatedAt = Now }).Id;
            db.Permissions.Add(new Permission { UserId = Users["catvie"], Role = PermissionRole.CatVie, ScopeId = WT, GrantedAt = Now });
            await db.SaveChangesAsync();
            return 0;
        });
        await using var scope = App.Services.CreateAsyncScope();
        var links = scope.ServiceProvider.GetRequiredService<ShareLinkService>();
        var owner = Caller.ForUser(Users["owner"]);
        ShareToken = (await links.CreateAsync(owner, WtAnnotations[0], null)).Token;
        var revoked = await links.CreateAsync(owner, WtAnnotations[1], null);
        RevokedToken = revoked.Token;
        await links.RevokeAsync(owner, revoked.Link.Id);
        ImageShareToken = (await links.CreateAsync(owner, null, Image)).Token;
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

    public Task DisposeAsync()
    {
        foreach (var browser in browsers.Values) browser.Dispose();
        App.Dispose();
        return Task.CompletedTask;
    }
}
