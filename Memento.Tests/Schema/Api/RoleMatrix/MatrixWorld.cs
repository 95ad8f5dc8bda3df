using System.Text.Json;
using Memento.Domain.Accounts;
using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Memento.Domain.Model;
using Memento.Domain.Services.Comments;
using Memento.Domain.Services.Layers;
using Memento.Domain.Services.Regions;
using Memento.Domain.Services.ShareLinks;
using Memento.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Memento.Tests.Schema.Api.RoleMatrix;

/// <summary>
/// The role matrix's world, seeded once into a template database that every matrix case copies (so ids are fixed
/// and a case's writes never reach another case).
/// <list type="bullet">
/// <item>Private project "Kidney PRIV" (owned by "owner") with categories WT (annotations wt1, wt2) and KO (ko1),
/// one image per annotation plus a spare one, image and drawing layers, regions, comments, labels and
/// classifications.</item>
/// <item>A public project "Open atlas" (no PRIV marker: every signed-in user may read it).</item>
/// <item>One user per role code at a fixed scope: sysadm (granted as a role, as grantRole does); proadm, propar,
/// provie on Kidney; catpar, catvie on WT; annpar, annvie on wt1. Also admin (a system administrator by the
/// account flag, as createUser and setSysadm make one), owner (Kidney's creator, with the system-level proadm code that let them create it), outsider (signed in, no role),
/// anonymous, the holders of a share link to wt1, of one to wt1's image, and of a revoked one.</item>
/// </list>
/// Every name inside Kidney carries <see cref="Private"/>; names under KO also <see cref="SiblingCategory"/> and
/// names of wt2 <see cref="SiblingAnnotation"/>, so a test can tell from the response text alone whether anything
/// out of reach was returned.
/// </summary>
public sealed class MatrixWorld
{
    public const string Private = "PRIV";
    public const string SiblingCategory = "KOX";
    public const string SiblingAnnotation = "WT2X";
    public const string Password = "matrix-password-1";

    /// <summary>Every caller of the matrix, in the order test cases are listed.</summary>
    public static readonly string[] Callers =
        ["anonymous", "share", "image link", "revoked link", "outsider", "sysadm", "admin", "owner", "proadm", "propar", "provie",
            "catpar", "catvie", "annpar", "annvie"];

    /// <summary>The server's share-link secret for every case, so the API derives the seeded links' URLs again.</summary>
    public static readonly ShareLinkSecret ShareLinkSecret = ShareLinkSecret.Ephemeral();
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    public Dictionary<string, long> Users { get; } = [];
    /// <summary>Each user's own API token id (revokeApiToken revokes one's own).</summary>
    public Dictionary<string, long> ApiTokens { get; } = [];
    public long Kidney, WT, KO, Wt1, Wt2, Ko1, ImgWt1, ImgWt2, ImgKo1, ImgSpare;
    public long LayerWt1, DrawWt1, LayerWt2, LayerKo1, DrawKo1, GroupWt1;
    public long Open, OpenAnnotation, OpenLayer, OpenImage;
    public long CommentWt1, RegionWt1, LabelPositive, ClassGrade, ClassStage, ShareWt1, RevokedShareWt1, ImageShareWt1;
    public string ShareToken = "", ImageShareToken = "";
    /// <summary>propar's gallery, provie trusted, holding wt1's image; Kidney's searchers each rated that image.</summary>
    public long Gallery;

    public Caller As(string caller) => caller switch
    {
        "anonymous" => Caller.Anonymous,
        "share" => Caller.ForShareLink(ShareWt1, Wt1, null),
        "image link" => Caller.ForShareLink(ImageShareWt1, null, ImgWt1),
        // Holds a link to wt1 that has since been revoked: the link's rights end with it, mid-request included.
        "revoked link" => Caller.ForShareLink(RevokedShareWt1, Wt1, null),
        // Signed in with the account flag, which the host turns into the sysadm claim.
        "admin" => Caller.ForUser(Users["admin"], isSysAdmin: true),
        _ => Caller.ForUser(Users[caller]),
    };

    /// <summary>Seeds the world into a freshly migrated database.</summary>
    public static async Task<MatrixWorld> SeedAsync(MementoDbContext db)
    {
        var world = new MatrixWorld();
        await world.SeedUsersAsync(db);
        world.SeedKidney(db);
        await world.SeedActivityAsync(db);
        await SeedVocabularyAsync(db);
        world.SeedGalleries(db);
        return world;
    }

    private async Task SeedUsersAsync(MementoDbContext db)
    {
        var accounts = new AccountService(db, new TestClock(Now), Options.Create(new AccountOptions()),
            NullLogger<AccountService>.Instance);
        // victim: target of the user-administration mutations; extra: holds a role the revokeRole entry removes.
        foreach (var name in Callers.Except(["anonymous", "share", "image link", "revoked link"]).Concat(["victim", "extra"]))
        {
            var user = await accounts.CreateUserAsync(name, Password, isSysAdmin: name == "admin");
            // Kidney's creator holds the system-level proadm code, as a project creator on a real server must.
            if (name == "owner")
            {
                user.IsProAdm = true;
                await db.SaveChangesAsync();
            }
            Users[name] = user.Id;
            ApiTokens[name] = (await accounts.CreateApiTokenAsync(user.Id, "script", null)).Token.Id;
        }
    }

    private void SeedKidney(MementoDbContext db)
    {
        var kidney = Add(db, new Project { Name = $"Kidney {Private}", OwnerId = Users["owner"], CreatedAt = Now });
        Kidney = kidney.Id;
        WT = Add(db, new Category { ProjectId = Kidney, Name = $"WT {Private}", CreatedAt = Now }).Id;
        KO = Add(db, new Category { ProjectId = Kidney, Name = $"KO {Private} {SiblingCategory}", CreatedAt = Now }).Id;
        ImgWt1 = Image(db, $"wt1 {Private}.png");
        ImgWt2 = Image(db, $"wt2 {Private} {SiblingAnnotation}.png");
        ImgKo1 = Image(db, $"ko1 {Private} {SiblingCategory}.png");
        ImgSpare = Image(db, $"spare {Private}.png");
        Wt1 = Add(db, new Annotation { CategoryId = WT, Name = $"wt1 {Private}", CreatedAt = Now }).Id;
        Wt2 = Add(db, new Annotation { CategoryId = WT, Name = $"wt2 {Private} {SiblingAnnotation}", CreatedAt = Now }).Id;
        Ko1 = Add(db, new Annotation { CategoryId = KO, Name = $"ko1 {Private} {SiblingCategory}", CreatedAt = Now }).Id;
        LayerWt1 = Layer(db, Wt1, $"DAPI {Private}", LayerKind.Image, ImgWt1, null, 1);
        GroupWt1 = Layer(db, Wt1, $"channels {Private}", LayerKind.Group, null, null, 2);
        DrawWt1 = Layer(db, Wt1, $"roi {Private}", LayerKind.Drawing, null, Users["annpar"], 3);
        LayerWt2 = Layer(db, Wt2, $"DAPI {Private} {SiblingAnnotation}", LayerKind.Image, ImgWt2, null, 1);
        LayerKo1 = Layer(db, Ko1, $"DAPI {Private} {SiblingCategory}", LayerKind.Image, ImgKo1, null, 1);
        DrawKo1 = Layer(db, Ko1, $"roi {Private} {SiblingCategory}", LayerKind.Drawing, null, Users["propar"], 2);
        var positive = Add(db, new Label { ProjectId = Kidney, Name = $"positive {Private}" });
        LabelPositive = positive.Id;
        db.Annotations.Single(a => a.Id == Wt1).Labels.Add(positive);
        var grade = Add(db, new Classification { ProjectId = Kidney, Name = $"Grade {Private}", TypeCode = "M" });
        var stage = Add(db, new Classification { ProjectId = Kidney, Name = $"Stage {Private}", TypeCode = "M" });
        ClassGrade = grade.Id; ClassStage = stage.Id;
        db.Categories.Single(c => c.Id == WT).Classifications.Add(grade);
        db.Categories.Single(c => c.Id == KO).Classifications.Add(stage);
        foreach (var (user, role, scope) in new (string, PermissionRole, long?)[]
                 {
                     ("sysadm", PermissionRole.SysAdm, null), ("proadm", PermissionRole.ProAdm, Kidney),
                     ("propar", PermissionRole.ProPar, Kidney), ("provie", PermissionRole.ProVie, Kidney),
                     ("catpar", PermissionRole.CatPar, WT), ("catvie", PermissionRole.CatVie, WT),
                     ("annpar", PermissionRole.AnnPar, Wt1), ("annvie", PermissionRole.AnnVie, Wt1),
                     ("extra", PermissionRole.AnnVie, Ko1),
                 })
            db.Permissions.Add(new Permission { UserId = Users[user], Role = role, ScopeId = scope, GrantedAt = Now });
        db.SaveChanges();
        db.ChangeTracker.Clear();
        SeedOpen(db);
    }

    /// <summary>A public project: every signed-in user reads it, only its members (none here) take part.</summary>
    private void SeedOpen(MementoDbContext db)
    {
        Open = Add(db, new Project { Name = "Open atlas", Visibility = ProjectVisibility.Public, CreatedAt = Now }).Id;
        var all = Add(db, new Category { ProjectId = Open, Name = "All", CreatedAt = Now }).Id;
        OpenAnnotation = Add(db, new Annotation { CategoryId = all, Name = "open1", CreatedAt = Now }).Id;
        OpenLayer = Layer(db, OpenAnnotation, "notes", LayerKind.Group, null, null, 1);
        // A picture the outsider uploaded: anyone searches it, its uploader and system administrators change it.
        OpenImage = Add(db, new Image
        {
            ProjectId = Open, Name = "open picture.png", FormatCode = 2, UploadedAt = Now, State = ImageProcessingState.Ready,
            Width = 100, Height = 80, MimeType = "image/png", UploaderId = Users["outsider"], Title = "Open picture",
        }).Id;
    }

    /// <summary>Comments, regions, choices, labels, a submitted annotation and share links, made through the services.</summary>
    private async Task SeedActivityAsync(MementoDbContext db)
    {
        var clock = new TestClock(Now);
        var policy = new AccessPolicy(db, clock);
        var events = new Memento.Domain.Events.DomainEvents(db, new Memento.Domain.Events.EventHub());
        var layers = new LayerService(db, policy, clock, events);
        var regions = new RegionService(db, policy, layers, clock);
        var comments = new CommentService(db, policy, clock, events);
        var shape = JsonDocument.Parse("""[{"x":1,"y":1},{"x":5,"y":1},{"x":5,"y":5}]""").RootElement;
        RegionWt1 = (await regions.SaveAsync(As("annpar"), DrawWt1, [new RegionInput("polygon", shape)]))[0].Id;
        await regions.SaveAsync(As("propar"), DrawKo1, [new RegionInput("polygon", shape)]);
        CommentWt1 = (await comments.AddAsync(As("annpar"), LayerWt1, $"looks fibrotic {Private}")).Id;
        await comments.AddAsync(As("propar"), LayerWt2, $"note {Private} {SiblingAnnotation}");
        await comments.AddAsync(As("propar"), LayerKo1, $"note {Private} {SiblingCategory}");
        var links = new ShareLinkService(db, policy, clock, ShareLinkSecret, events);
        var link = await links.CreateAsync(As("admin"), Wt1, null);
        ShareWt1 = link.Link.Id;
        ShareToken = link.Token;
        await links.CreateAsync(As("admin"), Ko1, null); // counted in projectSummary.totalAnnotationsShared
        var imageLink = await links.CreateAsync(As("admin"), null, ImgWt1);
        ImageShareWt1 = imageLink.Link.Id;
        ImageShareToken = imageLink.Token;
        RevokedShareWt1 = (await links.CreateAsync(As("admin"), Wt1, null)).Link.Id;
        await links.RevokeAsync(As("admin"), RevokedShareWt1);
    }

    /// <summary>Object types the vocabulary rows rename, re-parent and delete: "cell" with its kind "nucleus" (unused).</summary>
    private static async Task SeedVocabularyAsync(MementoDbContext db)
    {
        db.ObjectTypes.AddRange(new ObjectType { Id = "cell", Description = "a cell" }, new ObjectType { Id = "nucleus", Description = "its nucleus" });
        db.ObjectTypeParents.Add(new ObjectTypeParent { ChildId = "nucleus", ParentId = "cell" });
        await Memento.Domain.Datasets.ObjectTypeClosure.RebuildAsync(db);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }

    private void SeedGalleries(MementoDbContext db)
    {
        var gallery = Add(db, new Gallery { OwnerId = Users["propar"], Title = "Glomeruli", CreatedAt = Now });
        Gallery = gallery.Id;
        db.GalleryTrustedUsers.Add(new GalleryTrustedUser { GalleryId = Gallery, UserId = Users["provie"] });
        db.GalleryImages.Add(new GalleryImage { GalleryId = Gallery, ImageId = ImgWt1 });
        foreach (var user in Roles.SearchKidney)
            db.Ratings.Add(new Rating { UserId = Users[user], ImageId = ImgWt1, Stars = 3, RatedAt = Now });
        db.SaveChanges();
        db.ChangeTracker.Clear();
    }

    private long Image(MementoDbContext db, string name) => Add(db, new Image
    {
        // The title carries the name's markers too: the dataset search returns titles, not names.
        ProjectId = Kidney, Name = name, Title = name, FormatCode = 2, UploadedAt = Now, State = ImageProcessingState.Ready,
    }).Id;

    private static long Layer(MementoDbContext db, long annotation, string name, LayerKind kind, long? image,
        long? owner, int sequence) => Add(db, new Layer
    {
        AnnotationId = annotation, Name = name, Kind = kind, ImageId = image, OwnerId = owner, Sequence = sequence,
        CreatedAt = Now,
    }).Id;

    private static T Add<T>(MementoDbContext db, T entity) where T : class
    {
        db.Add(entity);
        db.SaveChanges();
        return entity;
    }
}
