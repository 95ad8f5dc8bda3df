using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Memento.Domain.Events;
using Memento.Domain.Model;
using Memento.Domain.Services.Annotations;
using Memento.Domain.Services.Categories;
using Memento.Domain.Services.Classifications;
using Memento.Domain.Services.Comments;
using Memento.Domain.Services.Images;
using Memento.Domain.Services.Labels;
using Memento.Domain.Services.Layers;
using Memento.Domain.Services.Permissions;
using Memento.Domain.Services.Projects;
using Memento.Domain.Services.Regions;
using Memento.Domain.Services.Reports;
using Memento.Domain.Services.ShareLinks;
using Memento.Tests.Support;

namespace Memento.Tests.Domain.Services.Support;

/// <summary>
/// A small Memento on a private, migrated database (SQLite, or PostgreSQL when asked): project "Kidney" (private) with categories WT
/// (annotations wt1, wt2) and KO (ko1), a public project "Open", and one user per role. Each test gets its own.
/// <list type="bullet">
/// <item>proadm, propar, provie: on Kidney. catpar, catvie: on WT. annpar, annvie: on wt1.</item>
/// <item>outsider: signed in, no role. sysadm.</item>
/// </list>
/// </summary>
public sealed class ServiceWorld : IAsyncDisposable
{
    private readonly TestDatabase database;

    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
    /// <summary>The hub every request of this world publishes to.</summary>
    public EventHub Hub { get; } = new();
    public Dictionary<string, long> Users { get; } = [];
    public long Kidney, Open, WT, KO, OpenCat, Wt1, Wt2, Ko1, OpenAnn, ImgWt1, ImgKo1, LayerWt1, LayerKo1;

    private ServiceWorld(TestDatabase database) => this.database = database;

    /// <summary>
    /// SQLite unless MEMENTO_TEST_SERVICES_PROVIDER=postgres asks to run the whole service suite on PostgreSQL
    /// (the role matrix's confinement test runs there anyway whenever PostgreSQL is configured).
    /// </summary>
    public static DatabaseProvider DefaultProvider =>
        string.Equals(Environment.GetEnvironmentVariable("MEMENTO_TEST_SERVICES_PROVIDER"), "postgres",
            StringComparison.OrdinalIgnoreCase) ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    public static async Task<ServiceWorld> CreateAsync(DatabaseProvider? provider = null)
    {
        provider ??= DefaultProvider;
        var world = new ServiceWorld(await TestDatabase.CreateMigratedAsync(provider.Value));
        await using var db = world.NewContext();
        world.Seed(db);
        return world;
    }

    public MementoDbContext NewContext() => database.Context();

    /// <summary>A context whose commands the interceptors see (e.g. to count and read the SQL of a request).</summary>
    public MementoDbContext NewContext(params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors) =>
        database.Context(interceptors);

    public string DataDirectory => database.DataDirectory;

    /// <summary>A request: a fresh context and policy, as the host builds them per HTTP request.</summary>
    public Request NewRequest()
    {
        var db = NewContext();
        return new Request(db, new AccessPolicy(db, Clock), Clock, database.DataDirectory) { Hub = Hub };
    }

    public Caller As(string role) => role switch
    {
        "anonymous" => Caller.Anonymous,
        "sysadm" => Caller.ForUser(Users["sysadm"], isSysAdmin: true),
        _ => Caller.ForUser(Users[role]),
    };

    private void Seed(MementoDbContext db)
    {
        var now = Clock.Now;
        foreach (var name in new[] { "sysadm", "proadm", "propar", "provie", "catpar", "catvie", "annpar",
                     "annvie", "outsider", "owner" })
        {
            var user = new User { UserName = name, NormalizedUserName = User.Normalize(name), CreatedAt = now,
                IsSysAdmin = name == "sysadm", IsProAdm = name == "owner" }; // owner created Kidney: a project creator
            db.Users.Add(user);
            db.SaveChanges();
            Users[name] = user.Id;
        }
        var kidney = new Project { Name = "Kidney", OwnerId = Users["owner"], CreatedAt = now };
        var open = new Project { Name = "Open", Visibility = ProjectVisibility.Public, CreatedAt = now };
        db.AddRange(kidney, open);
        db.SaveChanges();
        Kidney = kidney.Id; Open = open.Id;
        var wt = new Category { ProjectId = Kidney, Name = "WT", CreatedAt = now };
        var ko = new Category { ProjectId = Kidney, Name = "KO", CreatedAt = now };
        var openCat = new Category { ProjectId = Open, Name = "All", CreatedAt = now };
        db.AddRange(wt, ko, openCat);
        db.SaveChanges();
        WT = wt.Id; KO = ko.Id; OpenCat = openCat.Id;
        var imgWt1 = new Image { ProjectId = Kidney, Name = "wt1.png", FormatCode = 2, UploadedAt = now,
            State = ImageProcessingState.Ready };
        var imgKo1 = new Image { ProjectId = Kidney, Name = "ko1.png", FormatCode = 2, UploadedAt = now,
            State = ImageProcessingState.Ready };
        db.AddRange(imgWt1, imgKo1);
        db.SaveChanges();
        ImgWt1 = imgWt1.Id; ImgKo1 = imgKo1.Id;
        var wt1 = new Annotation { CategoryId = WT, Name = "wt1", CreatedAt = now };
        var wt2 = new Annotation { CategoryId = WT, Name = "wt2", CreatedAt = now };
        var ko1 = new Annotation { CategoryId = KO, Name = "ko1", CreatedAt = now };
        var openAnn = new Annotation { CategoryId = OpenCat, Name = "open1", CreatedAt = now };
        db.AddRange(wt1, wt2, ko1, openAnn);
        db.SaveChanges();
        Wt1 = wt1.Id; Wt2 = wt2.Id; Ko1 = ko1.Id; OpenAnn = openAnn.Id;
        var layerWt1 = new Layer { AnnotationId = Wt1, ImageId = ImgWt1, Name = "DAPI", Kind = LayerKind.Image,
            Sequence = 1, CreatedAt = now };
        var layerKo1 = new Layer { AnnotationId = Ko1, ImageId = ImgKo1, Name = "DAPI", Kind = LayerKind.Image,
            Sequence = 1, CreatedAt = now };
        db.AddRange(layerWt1, layerKo1);
        db.SaveChanges();
        LayerWt1 = layerWt1.Id; LayerKo1 = layerKo1.Id;
        Grant(db, "proadm", PermissionRole.ProAdm, Kidney);
        Grant(db, "propar", PermissionRole.ProPar, Kidney);
        Grant(db, "provie", PermissionRole.ProVie, Kidney);
        Grant(db, "catpar", PermissionRole.CatPar, WT);
        Grant(db, "catvie", PermissionRole.CatVie, WT);
        Grant(db, "annpar", PermissionRole.AnnPar, Wt1);
        Grant(db, "annvie", PermissionRole.AnnVie, Wt1);
        db.SaveChanges();
    }

    private void Grant(MementoDbContext db, string user, PermissionRole role, long? scope) =>
        db.Permissions.Add(new Permission { UserId = Users[user], Role = role, ScopeId = scope, GrantedAt = Clock.Now });

    public ValueTask DisposeAsync() => database.DisposeAsync();
}

/// <summary>One request's context, policy and clock, and the services built on them as the host would.</summary>
public sealed record Request(MementoDbContext Db, AccessPolicy Policy, TimeProvider Clock, string DataDirectory)
    : IDisposable
{
    /// <summary>The world's event hub: what this request's services publish once their changes commit.</summary>
    public EventHub Hub { get; init; } = new();
    /// <summary>One per request, as the host scopes it: it holds events until the request's context commits.</summary>
    public IDomainEvents Events => events ??= new DomainEvents(Db, Hub);
    private IDomainEvents? events;
    private ContainerDeletion Deletion => new(Db, DataDirectory);
    public ProjectService Projects => new(Db, Policy, Deletion, Clock, Events);
    public CategoryService Categories => new(Db, Policy, Deletion, Clock, Events);
    public AnnotationService Annotations => new(Db, Policy, Deletion, Clock, Events);
    public LayerService Layers => new(Db, Policy, Clock, Events);
    public LabelService Labels => new(Db, Policy);
    public ClassificationService Classifications => new(Db, Policy, Clock, Events);
    public CommentService Comments => new(Db, Policy, Clock, Events);
    public RegionService Regions => new(Db, Policy, Layers, Clock);
    public ImageService Images => new(Db, Policy, Clock);
    public PermissionService Permissions => new(Db, Policy, Clock, Events);
    public ShareLinkService ShareLinks => new(Db, Policy, Clock, ShareLinkSecret, Events);
    /// <summary>The server's share-link secret, the same for every request of the test run (as a host's file is).</summary>
    public static readonly ShareLinkSecret ShareLinkSecret = ShareLinkSecret.Ephemeral();
    public ReportService Reports => new(Db, Policy, Clock);

    public void Dispose() => Db.Dispose();
}
