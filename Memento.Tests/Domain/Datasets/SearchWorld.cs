using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Memento.Domain.Datasets;
using Memento.Domain.Datasets.Search;
using Memento.Domain.Model;
using Memento.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Memento.Tests.Domain.Datasets;

/// <summary>
/// A hand-built dataset world for search tests: rows inserted straight through the DbContext (projects, images,
/// annotations with an image layer and a drawing layer, regions, object types, ratings, galleries, replacements,
/// copies), then searched through <see cref="DatasetSearchService"/> as a given caller.
/// </summary>
public sealed class SearchWorld : IAsyncDisposable
{
    private static readonly DateTimeOffset Epoch = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TestDatabase _database;
    private int _names;

    private SearchWorld(TestDatabase database, MementoDbContext db)
    {
        _database = database;
        Db = db;
    }

    public MementoDbContext Db { get; }
    public DatabaseProvider Provider => _database.Provider;
    public User Owner { get; private set; } = null!;
    public Project Public { get; private set; } = null!;
    public Project Private { get; private set; } = null!;
    private Category _publicCategory = null!, _privateCategory = null!;

    public static async Task<SearchWorld> CreateAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateMigratedAsync(provider);
        var world = new SearchWorld(database, database.Context());
        world.Owner = world.User("owner");
        world.Public = new Project { Name = "public", Owner = world.Owner, Visibility = ProjectVisibility.Public, CreatedAt = Epoch };
        world.Private = new Project { Name = "private", Owner = world.Owner, CreatedAt = Epoch };
        world._publicCategory = new Category { Project = world.Public, Name = "c", CreatedAt = Epoch };
        world._privateCategory = new Category { Project = world.Private, Name = "c", CreatedAt = Epoch };
        world.Db.AddRange(world._publicCategory, world._privateCategory);
        await world.Db.SaveChangesAsync();
        return world;
    }

    public User User(string name)
    {
        var user = new User { UserName = name, NormalizedUserName = Memento.Domain.Model.User.Normalize(name), CreatedAt = Epoch };
        Db.Users.Add(user);
        return user;
    }

    /// <summary>An image of the public project (or of <paramref name="inPrivate"/>), uploaded <paramref name="hour"/> hours after 2020-01-01.</summary>
    public Image Image(string title, int hour, bool inPrivate = false, Action<Image>? configure = null)
    {
        var image = new Image
        {
            Project = inPrivate ? Private : Public, Name = $"image-{++_names}", Title = title, UploadedAt = Epoch.AddHours(hour),
            Uploader = Owner, Width = 100, Height = 100, MimeType = "image/png", State = ImageProcessingState.Ready,
        };
        configure?.Invoke(image);
        Db.Images.Add(image);
        return image;
    }

    public static long UnixHour(int hour) => Epoch.AddHours(hour).ToUnixTimeSeconds();

    /// <summary>Object types with their parents (which must come earlier in the list).</summary>
    public async Task TypesAsync(params (string Id, string[] Parents)[] types)
    {
        var byId = new Dictionary<string, ObjectType>();
        foreach (var (id, parents) in types)
        {
            var type = new ObjectType { Id = id, Description = id, Parents = parents.Select(p => byId[p]).ToList() };
            byId[id] = type;
            Db.ObjectTypes.Add(type);
        }
        await Db.SaveChangesAsync();
        await ObjectTypeClosure.RebuildAsync(Db);
        await Db.SaveChangesAsync();
    }

    /// <summary>One annotation showing the image (in <paramref name="imageLayers"/> image layers) with one drawing
    /// layer holding a region of each object type given (null: a region without a type).</summary>
    public Annotation Regions(Image image, string?[] objectTypes, int imageLayers = 1)
    {
        var annotation = new Annotation
        {
            Category = image.Project == Private ? _privateCategory : _publicCategory, Name = $"a-{++_names}", CreatedAt = Epoch,
        };
        for (var n = 0; n < imageLayers; n++)
            annotation.Layers.Add(new Layer { Name = "image", Kind = LayerKind.Image, Image = image, Sequence = n, CreatedAt = Epoch });
        var drawing = new Layer { Name = "drawing", Kind = LayerKind.Drawing, Sequence = imageLayers, CreatedAt = Epoch };
        foreach (var type in objectTypes)
            drawing.Regions.Add(new Region
            {
                Shape = RegionShape.Rectangle, GeometryJson = """{"x":1,"y":2,"w":3,"h":4}""", ObjectTypeId = type, CreatedAt = Epoch,
            });
        annotation.Layers.Add(drawing);
        Db.Annotations.Add(annotation);
        return annotation;
    }

    private readonly List<User> _raters = [];

    /// <summary>Ratings of the image, one per rater (raters are made as needed).</summary>
    public void Rate(Image image, params int[] stars)
    {
        for (var n = 0; n < stars.Length; n++)
        {
            if (_raters.Count <= n) _raters.Add(User($"rater{_raters.Count}"));
            Db.Ratings.Add(new Rating { User = _raters[n], Image = image, Stars = stars[n], RatedAt = Epoch });
        }
    }

    public Gallery Gallery(params Image[] images)
    {
        var gallery = new Gallery { Owner = Owner, Title = $"g{++_names}", CreatedAt = Epoch, Images = images.ToList() };
        Db.Galleries.Add(gallery);
        return gallery;
    }

    public void Licences(Image image, params string[] ids)
    {
        foreach (var id in ids) image.Licences.Add(Db.Licences.Find(id)!);
    }

    public Task SaveAsync() => Db.SaveChangesAsync();

    /// <summary>A search on a fresh context (nothing cached from the building), as <paramref name="caller"/>.</summary>
    public async Task<DatasetSearchResult> SearchAsync(string yaml, Caller? caller = null,
        DatasetOrdering ordering = DatasetOrdering.DateAsc, int offset = 0, int limit = DatasetSearchService.MaxLimit,
        bool withTotal = false)
    {
        await using var db = _database.Context();
        var service = new DatasetSearchService(db, new AccessPolicy(db, TimeProvider.System), new PictureReader(db));
        return await service.SearchAsync(caller ?? Caller.Anonymous, yaml, ordering, offset, limit, withTotal);
    }

    /// <summary>The titles found, in order.</summary>
    public async Task<List<string>> TitlesAsync(string yaml, Caller? caller = null,
        DatasetOrdering ordering = DatasetOrdering.DateAsc) =>
        (await SearchAsync(yaml, caller, ordering)).Pictures.Select(p => p.Title).ToList();

    /// <summary>A fresh context on the world's database.</summary>
    public MementoDbContext Context() => _database.Context();

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        await _database.DisposeAsync();
    }
}
