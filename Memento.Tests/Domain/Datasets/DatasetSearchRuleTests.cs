using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Memento.Domain.Datasets.Search;
using Memento.Domain.Model;
using Memento.Tests.Support;

namespace Memento.Tests.Domain.Datasets;

/// <summary>
/// Every rule of the query language, alone and combined, on one hand-built world whose images each differ in the
/// property a rule tests; each row names the exact titles found (anonymous caller, oldest first).
/// </summary>
public sealed class DatasetSearchRuleTests
{
    /// <summary>Ids the queries need (gallery, copied image), known once the world is saved.</summary>
    private sealed record Ids(long Gallery, long Cat);

    // Images, by title: cat, dog, animal, plain, Éclair, rated low, old (replaced by new), new (copy of cat),
    // in gallery; and "secret" in a private project.
    private static readonly (string Query, string[] Expected)[] Rows =
    [
        ("", ["cat", "dog", "animal", "plain", "Éclair TITLE", "rated low", "new", "in gallery"]),
        ("# only a comment", ["cat", "dog", "animal", "plain", "Éclair TITLE", "rated low", "new", "in gallery"]),
        ("want: []\nexclude: []", ["cat", "dog", "animal", "plain", "Éclair TITLE", "rated low", "new", "in gallery"]),
        // The replaced image comes back only when asked for.
        ("include_obsolete: true", ["cat", "dog", "animal", "plain", "Éclair TITLE", "rated low", "old", "new", "in gallery"]),
        ("include_obsolete: false", ["cat", "dog", "animal", "plain", "Éclair TITLE", "rated low", "new", "in gallery"]),
        // has: the type or any descendant, through several parents (Cat is a Mammal and a Pet).
        ("want: [has: [Mammal]]", ["cat", "dog"]),
        ("want: [has: [Pet]]", ["cat", "dog"]),
        ("want: [has: [Animal]]", ["cat", "dog", "animal"]),
        ("want: [has: [Animal]]\ninclude_obsolete: true", ["cat", "dog", "animal", "old"]),
        ("want: [has: [Flower, Grass]]", ["dog", "Éclair TITLE", "rated low"]),
        // has_object: exactly those types.
        ("want: [has_object: [Mammal]]", []),
        ("want: [has_object: [Cat]]", ["cat"]),
        ("want: [has_object: [Cat, Dog]]", ["cat", "dog"]),
        ("want: [has_object: [Cat], has_object: [Dog]]", []),
        ("want: [has_object: [Dog], has_object: [Grass]]", ["dog"]),
        ("want: [nature: [photo]]", ["cat"]),
        ("want: [nature: [photo, drawing]]", ["cat", "dog"]),
        ("want: [licence: [MIT]]", ["dog"]),
        ("want: [licence: [CC-BY-4.0, CC0-1.0]]", ["cat", "dog"]),
        // User names match ignoring case.
        ("want: [author: [BOB]]", ["dog"]),
        ("want: [author: [bob, nobody]]", ["dog"]),
        ("want: [title: éclair]", ["Éclair TITLE"]),
        ("want: [title: 'title']", ["Éclair TITLE"]),
        ("want: [title: o]", ["dog", "rated low"]),
        // % and _ are literal characters, not LIKE wildcards.
        ("want: [description: '100%']", ["plain"]),
        ("want: [description: '_sure_']", ["plain"]),
        ("want: [description: 'l_']", []),
        ("want: [description: 'ÉLAN']", ["plain"]),
        // origin_url: a prefix of the URL without its protocol.
        ("want: [origin_url: commons.wikimedia.org]", ["cat", "animal"]),
        ("want: [origin_url: 'https://commons.wikimedia.org/wiki']", ["cat"]),
        ("want: [origin_url: example.org]", ["dog"]),
        ("want: [origin_url: wikimedia.org]", []),
        // Sizes are inclusive; an image of unknown size has none.
        ("want: [above_width: 1000]", ["cat", "animal"]),
        ("want: [above_width: 1001]", ["animal"]),
        ("want: [below_width: 640]", ["dog", "Éclair TITLE", "rated low", "new", "in gallery"]),
        ("want: [above_height: 800]", ["cat", "animal"]),
        ("want: [below_height: 480]", ["dog", "Éclair TITLE", "rated low", "new", "in gallery"]),
        ("want: [above_width: 640, below_width: 1000]", ["cat", "dog"]),
        // Dates are strict: image n was uploaded n hours after 2020-01-01.
        ("want: [after_date: HOUR4]", ["Éclair TITLE", "rated low", "new", "in gallery"]),
        ("want: [before_date: HOUR4]", ["cat", "dog", "animal", "plain"]),
        ("want: [after_date: HOUR1, before_date: HOUR4]", ["animal", "plain"]),
        ("want: [in_gallery: [GALLERY]]", ["in gallery"]),
        ("want: [in_gallery: [GALLERY, 987654321]]", ["in gallery"]),
        ("want: [copied_from: [CAT]]", ["new"]),
        // Éclair is rated 5 and 4 (4.5), "rated low" 1 and 2 (1.5); unrated images pass above_rating.
        ("want: [above_rating: 4]", ["cat", "dog", "animal", "plain", "Éclair TITLE", "new", "in gallery"]),
        ("want: [above_rating: 4.5]", ["cat", "dog", "animal", "plain", "Éclair TITLE", "new", "in gallery"]),
        ("want: [above_rating: 4.6]", ["cat", "dog", "animal", "plain", "new", "in gallery"]),
        ("want: [above_rating: 4, above_rating_count: 1]", ["Éclair TITLE"]),
        ("want: [below_rating: 2]", ["rated low"]),
        ("want: [below_rating: 1.4]", []),
        ("want: [above_rating_count: 1]", ["Éclair TITLE", "rated low"]),
        ("want: [above_rating_count: 3]", []),
        ("want: [below_rating_count: 0]", ["cat", "dog", "animal", "plain", "new", "in gallery"]),
        // Éclair's annotation shows it in two image layers: its 3 regions count once.
        ("want: [above_region_count: 3]", ["Éclair TITLE"]),
        ("want: [above_region_count: 2]", ["dog", "Éclair TITLE"]),
        ("want: [below_region_count: 0]", ["plain", "new", "in gallery"]),
        ("want: [below_region_count: 1]", ["cat", "animal", "plain", "rated low", "new", "in gallery"]),
        // exclude removes an image when any of its rules holds.
        ("exclude: [has: [Mammal]]", ["animal", "plain", "Éclair TITLE", "rated low", "new", "in gallery"]),
        ("want: [has: [Pet]]\nexclude: [has_object: [Dog]]", ["cat"]),
        ("exclude: [below_width: 640, has: [Animal]]", ["plain"]),
        ("want: [has: [Animal]]\nexclude: [licence: [MIT], nature: [photo]]", ["animal"]),
        ("exclude: [title: e]", ["cat", "dog", "animal", "plain"]),
        ("exclude: [above_rating: 3]", ["rated low"]),
    ];

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Each_rule_finds_exactly_the_images_it_describes(DatabaseProvider provider)
    {
        await using var world = await SearchWorld.CreateAsync(provider);
        var ids = await BuildAsync(world);
        var failures = new List<string>();
        foreach (var (query, expected) in Rows)
        {
            var yaml = query.Replace("GALLERY", ids.Gallery.ToString()).Replace("CAT", ids.Cat.ToString())
                .Replace("HOUR1", SearchWorld.UnixHour(1).ToString()).Replace("HOUR4", SearchWorld.UnixHour(4).ToString());
            var found = await world.TitlesAsync(yaml);
            if (!found.SequenceEqual(expected))
                failures.Add($"{query.Replace("\n", " | ")}: expected [{string.Join(", ", expected)}] but found [{string.Join(", ", found)}]");
        }
        Assert.Empty(failures);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_private_project_is_searched_by_its_readers_only(DatabaseProvider provider)
    {
        await using var world = await SearchWorld.CreateAsync(provider);
        await BuildAsync(world);
        var outsider = world.User("outsider");
        await world.SaveAsync();

        Assert.Equal(["cat"], await world.TitlesAsync("want: [has_object: [Cat]]"));
        Assert.Equal(["cat"], await world.TitlesAsync("want: [has_object: [Cat]]", Caller.ForUser(outsider.Id)));
        Assert.Equal(["cat", "secret"], await world.TitlesAsync("want: [has_object: [Cat]]", Caller.ForUser(world.Owner.Id)));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Orderings_page_through_every_match_once(DatabaseProvider provider)
    {
        await using var world = await SearchWorld.CreateAsync(provider);
        await BuildAsync(world);
        Assert.Equal(["in gallery", "new", "rated low", "Éclair TITLE", "plain", "animal", "dog", "cat"],
            await world.TitlesAsync("", ordering: DatasetOrdering.DateDesc));
        // Code-point order on both databases: capitals before small letters, É after both.
        Assert.Equal(["animal", "cat", "dog", "in gallery", "new", "plain", "rated low", "Éclair TITLE"],
            await world.TitlesAsync("", ordering: DatasetOrdering.TitleAsc));
        Assert.Equal(["Éclair TITLE", "rated low", "plain", "new", "in gallery", "dog", "cat", "animal"],
            await world.TitlesAsync("", ordering: DatasetOrdering.TitleDesc));
        // 3 regions, 2, then 1 each (ties by newest id first), then none.
        Assert.Equal(["Éclair TITLE", "dog", "rated low", "animal", "cat", "in gallery", "new", "plain"],
            await world.TitlesAsync("", ordering: DatasetOrdering.NumberRegionsDesc));
        Assert.Equal(["plain", "new", "in gallery", "cat", "animal", "rated low", "dog", "Éclair TITLE"],
            await world.TitlesAsync("", ordering: DatasetOrdering.NumberRegionsAsc));

        // Random draws a new order per request, so it is checked whole; the others page without overlap or gap.
        var shuffled = await world.TitlesAsync("", ordering: DatasetOrdering.Random);
        Assert.Equal(["animal", "cat", "dog", "in gallery", "new", "plain", "rated low", "Éclair TITLE"],
            shuffled.Order(StringComparer.Ordinal));
        foreach (var ordering in Enum.GetValues<DatasetOrdering>().Where(o => o != DatasetOrdering.Random))
        {
            var whole = await world.TitlesAsync("", ordering: ordering);
            var pages = new List<string>();
            for (var offset = 0; offset < 10; offset += 3)
            {
                var page = await world.SearchAsync("", ordering: ordering, offset: offset, limit: 3, withTotal: true);
                Assert.Equal(8, page.Total);
                pages.AddRange(page.Pictures.Select(p => p.Title));
            }
            Assert.Equal(whole, pages);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Offset_and_limit_out_of_bounds_are_refused_by_name(DatabaseProvider provider)
    {
        await using var world = await SearchWorld.CreateAsync(provider);
        var tooMany = await Assert.ThrowsAsync<MementoException>(() => world.SearchAsync("", limit: DatasetSearchService.MaxLimit + 1));
        Assert.Equal(("limit", "The limit must be between 1 and 100."), (tooMany.Field, tooMany.Message));
        var none = await Assert.ThrowsAsync<MementoException>(() => world.SearchAsync("", limit: 0));
        Assert.Equal("limit", none.Field);
        var negative = await Assert.ThrowsAsync<MementoException>(() => world.SearchAsync("", offset: -1));
        Assert.Equal(("offset", "The offset must be 0 or more."), (negative.Field, negative.Message));
    }

    private static async Task<Ids> BuildAsync(SearchWorld world)
    {
        await world.TypesAsync(("Animal", []), ("Mammal", ["Animal"]), ("Pet", []), ("Cat", ["Mammal", "Pet"]),
            ("Dog", ["Mammal", "Pet"]), ("Grass", []), ("Flower", []));
        var bob = world.User("bob");
        var cat = world.Image("cat", 0, configure: i =>
        {
            i.Width = 1000; i.Height = 800; i.NatureId = "photo"; i.OriginUrl = "https://commons.wikimedia.org/wiki/Cat";
        });
        world.Regions(cat, ["Cat"]);
        world.Licences(cat, "CC-BY-4.0");
        var dog = world.Image("dog", 1, configure: i =>
        {
            i.Width = 640; i.Height = 480; i.NatureId = "drawing"; i.OriginUrl = "http://example.org/dog"; i.Uploader = bob;
        });
        world.Regions(dog, ["Dog", "Grass"]);
        world.Licences(dog, "MIT", "CC0-1.0");
        var animal = world.Image("animal", 2, configure: i => { i.Width = 2000; i.Height = 1500; i.OriginUrl = "commons.wikimedia.org/x"; });
        world.Regions(animal, ["Animal"]);
        world.Image("plain", 3, configure: i => { i.Width = null; i.Height = null; i.Description = "Élan vital 100% _sure_"; });
        var eclair = world.Image("Éclair TITLE", 5);
        world.Regions(eclair, ["Flower", "Flower", "Flower"], imageLayers: 2);
        world.Rate(eclair, 5, 4);
        var low = world.Image("rated low", 6);
        world.Regions(low, ["Grass"]);
        world.Rate(low, 1, 2);
        var old = world.Image("old", 7);
        world.Regions(old, ["Cat"]);
        await world.SaveAsync();
        world.Image("new", 8, configure: i => { i.Replaces = old; i.CopiedFrom = cat; });
        var inGallery = world.Image("in gallery", 9);
        var gallery = world.Gallery(inGallery);
        var secret = world.Image("secret", 10, inPrivate: true);
        world.Regions(secret, ["Cat"]);
        await world.SaveAsync();
        return new Ids(gallery.Id, cat.Id);
    }
}
