using System.Diagnostics;

namespace DatasetBench;

/// <summary>
/// A synthetic dataset shaped like the product's: N images in 10 projects (8 public), each shown by one annotation with
/// an image layer and a drawing layer holding about 5 regions; 2,130 object types in a 5-level hierarchy where one in
/// ten has a second parent (plus the document's example objects); licences, natures, N/10 ratings, 1,000 galleries of 50
/// images; 1% of images replace an older one, 1% are copies. Seeded, so two runs build the same world. Licences and
/// natures the migrations already seeded (<paramref name="seeded"/>) are kept as they are.
/// </summary>
internal sealed class Generator(BulkWriter writer, int images, ISet<string> seeded, int seed = 15)
{
    public const int Projects = 10, PublicProjects = 8, Users = 1000, Galleries = 1000, ImagesPerGallery = 50;
    public const long BenchUserId = Users + 1; // provie on one private project; the searches run as this user
    public static readonly DateTimeOffset Epoch = new(2015, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly string[] LicenceIds =
    [
        "CC-BY-1.0", "CC-BY-2.0", "CC-BY-3.0", "CC-BY-4.0", "CC0-1.0", "Unlicense", "WTFPL", "MIT", "BSD-2-Clause",
        "BSD-3-Clause", "Apache-2.0", "CC-BY-SA-4.0", "CC-BY-NC-4.0", "CC-BY-ND-4.0", "GPL-3.0-only",
        "X-informal-attribution", "X-informal-do-anything", "X-public-domain-old", "X-public-domain", "X-all-rights-reserved",
    ];
    public static readonly string[] NatureIds =
        ["photo", "computer-3d-art", "drawing", "microscopy-fluorescence", "microscopy-brightfield", "whole-slide-scan"];
    public static readonly string[] Words =
    [
        "cat", "dog", "kidney", "nucleus", "mitosis", "garden", "flower", "grass", "tissue", "stain", "section", "field",
        "night", "river", "cortex", "liver", "neuron", "spindle", "membrane", "forest", "street", "portrait", "slide",
    ];

    private readonly Random rng = new(seed);
    private readonly DateTimeOffset now = Epoch.AddYears(10);
    public List<string> ObjectTypes { get; } = [];

    public async Task RunAsync()
    {
        await Step("users, projects, vocabulary", async () =>
        {
            await writer.WriteAsync("Users", ["Id", "UserName", "NormalizedUserName", "IsSysAdmin", "IsDisabled", "CreatedAt",
                    "FailedLoginCount", "SecurityStamp", "IsProAdm"],
                Enumerable.Range(1, Users + 1).Select(u => new object?[]
                    { (long)u, Name(u), Name(u).ToUpperInvariant(), false, false, Epoch, 0, "s" + u, false }));
            await writer.WriteAsync("Projects", ["Id", "Name", "OwnerId", "Settings", "Visibility", "CreatedAt"],
                Enumerable.Range(1, Projects).Select(p => new object?[]
                    { (long)p, "Project " + p, 1L, "", p <= PublicProjects ? "Public" : "Private", Epoch }));
            await writer.WriteAsync("Permissions", ["Id", "UserId", "Role", "ScopeId", "GrantedAt"],
                [[1L, BenchUserId, "provie", (long)Projects, Epoch]]);
            await writer.WriteAsync("Categories", ["Id", "ProjectId", "Name", "Settings", "CreatedAt"],
                Enumerable.Range(1, Projects).Select(p => new object?[] { (long)p, (long)p, "Uploads", "", Epoch }));
            await writer.WriteAsync("Licences", ["Id", "Title", "Description", "IsFree", "IsPinned"],
                LicenceIds.Select((l, i) => new object?[] { l, l, "", i < 12, i < 5 }).Where(r => !seeded.Contains((string)r[0]!)));
            await writer.WriteAsync("Natures", ["Id", "Description"], NatureIds.Where(n => !seeded.Contains(n)).Select(n => new object?[] { n, n }));
            await WriteVocabularyAsync();
        });
        await Step("images and licences", async () =>
        {
            await writer.WriteAsync("Images", ["Id", "ProjectId", "Name", "Type", "FormatCode", "Width", "Height", "MimeType",
                    "State", "ProgressPercent", "UploaderId", "UploadedAt", "Title", "Description", "OriginUrl", "NatureId",
                    "ReplacesId", "CopiedFromId"],
                Enumerable.Range(1, images).Select(ImageRow));
            var extra = new Random(seed + 1);
            await writer.WriteAsync("ImageLicences", ["ImageId", "LicenceId"],
                Enumerable.Range(1, images).SelectMany(i =>
                {
                    var first = Skewed(extra, LicenceIds.Length);
                    var second = extra.NextDouble() < 0.2 ? (first + 1 + extra.Next(LicenceIds.Length - 1)) % LicenceIds.Length : -1;
                    return second < 0
                        ? new[] { new object?[] { (long)i, LicenceIds[first] } }
                        : [[(long)i, LicenceIds[first]], [(long)i, LicenceIds[second]]];
                }));
        });
        await Step("annotations and layers", async () =>
        {
            await writer.WriteAsync("Annotations", ["Id", "CategoryId", "Name", "Status", "CreatedAt", "Version"],
                Enumerable.Range(1, images).Select(i => new object?[] { (long)i, (long)Project(i), "Picture " + i, "N", Epoch, 0 }));
            await writer.WriteAsync("Layers", ["Id", "AnnotationId", "ImageId", "Name", "Settings", "Sequence", "Kind", "OwnerId",
                    "CreatedAt", "Version"],
                Enumerable.Range(1, images).SelectMany(i => new[]
                {
                    new object?[] { 2L * i - 1, (long)i, (long)i, "image", "", 0, "Image", null, Epoch, 0 },
                    [2L * i, (long)i, null, "regions", "", 1, "Drawing", (long)Uploader(i), Epoch, 0],
                }));
        });
        await Step("regions", () => writer.WriteAsync("Regions", ["Id", "LayerId", "Shape", "GeometryJson", "ObjectTypeId", "CreatedAt"],
            RegionRows()));
        await Step("ratings and galleries", async () =>
        {
            var r = new Random(seed + 2);
            var seen = new HashSet<(int, int)>();
            var ratings = new List<object?[]>();
            while (ratings.Count < images / 10)
            {
                var (u, i) = (1 + r.Next(Users), 1 + r.Next(images));
                if (seen.Add((u, i))) ratings.Add([(long)ratings.Count + 1, (long)u, (long)i, 1 + Skewed(r, 5), now]);
            }
            await writer.WriteAsync("Ratings", ["Id", "UserId", "ImageId", "Stars", "RatedAt"], ratings);
            await writer.WriteAsync("Galleries", ["Id", "OwnerId", "Title", "Description", "CreatedAt"],
                Enumerable.Range(1, Galleries).Select(g => new object?[] { (long)g, (long)(1 + g % Users), "Gallery " + g, "", Epoch }));
            await writer.WriteAsync("GalleryImages", ["GalleryId", "ImageId"],
                Enumerable.Range(1, Galleries).SelectMany(g => Enumerable.Range(0, ImagesPerGallery)
                    .Select(k => 1 + (int)(((long)g * 7919 + k * 104729L) % images)).Distinct()
                    .Select(i => new object?[] { (long)g, (long)i })));
        });
    }

    private static string Name(int u) => u == Users + 1 ? "bench" : "user" + u;
    private static int Project(int image) => 1 + image % Projects;
    private static int Uploader(int image) => 1 + image % Users;

    private object?[] ImageRow(int i)
    {
        var w = 200 + rng.Next(5800);
        var h = 200 + rng.Next(4800);
        var at = Epoch.AddSeconds((long)((now - Epoch).TotalSeconds * (i / (double)images)) + rng.Next(3600));
        var title = $"{Words[rng.Next(Words.Length)]} {Words[rng.Next(Words.Length)]} {i}";
        var origin = rng.NextDouble() switch
        {
            < 0.3 => $"https://commons.wikimedia.org/wiki/File:{Words[rng.Next(Words.Length)]}_{i}.jpg",
            < 0.5 => $"http://example.org/{Words[rng.Next(Words.Length)]}/{i}",
            _ => null,
        };
        // 1% replace an image uploaded 1,000 earlier (each at most once), 1% are copies of one 500 earlier.
        long? replaces = i % 100 == 0 && i > 1000 ? i - 1000 : null;
        long? copied = i % 100 == 50 && i > 500 ? i - 500 : null;
        return [(long)i, (long)Project(i), "image-" + i, "", 1, w, h, i % 3 == 0 ? "image/png" : "image/jpeg", "Ready", 100,
            (long)Uploader(i), at, title, $"A {Words[rng.Next(Words.Length)]} seen in {Words[rng.Next(Words.Length)]}.",
            origin, NatureIds[Skewed(rng, NatureIds.Length)], replaces, copied];
    }

    private IEnumerable<object?[]> RegionRows()
    {
        var r = new Random(seed + 3);
        long id = 0;
        for (var i = 1; i <= images; i++)
        {
            var count = r.Next(11); // 0-10, 5 on average
            for (var k = 0; k < count; k++)
            {
                var type = ObjectTypes[Skewed(r, ObjectTypes.Count)];
                var x = r.Next(1000);
                var y = r.Next(1000);
                yield return [++id, 2L * i, "Rectangle", $"{{\"x\":{x},\"y\":{y},\"w\":40,\"h\":30}}", type, Epoch];
            }
        }
    }

    /// <summary>A Zipf-like pick in [0, n): low indexes far more often, as real vocabularies are used.</summary>
    private static int Skewed(Random r, int n) => Math.Min(n - 1, (int)(n * Math.Pow(r.NextDouble(), 2.5)));

    private async Task WriteVocabularyAsync()
    {
        // Five levels: 5 roots, then ×4, ×5, ×4, ×4 → 2,125 generated types; every tenth gets a second parent
        // from the level above. The document's example objects hang under "Animal" and "Plant".
        var levels = new List<List<string>> { new() { "Animal", "Plant", "Cell", "Tissue", "Artefact" } };
        int[] fanout = [4, 5, 4, 4];
        var edges = new List<(string Child, string Parent)>();
        foreach (var f in fanout)
        {
            var next = new List<string>();
            foreach (var parent in levels[^1])
                for (var k = 0; k < f; k++)
                {
                    var child = $"{parent.Split(' ')[0]} L{levels.Count}-{next.Count:D4}";
                    next.Add(child);
                    edges.Add((child, parent));
                    if (next.Count % 10 == 0)
                    {
                        var other = levels[^1][(levels[^1].IndexOf(parent) + 1) % levels[^1].Count];
                        if (other != parent) edges.Add((child, other));
                    }
                }
            levels.Add(next);
        }
        string[] animals = ["Cat (Felis catus)", "Dog (Canis lupus familiaris)", "Human"], plants = ["Grass", "Flower"];
        edges.AddRange(animals.Select(a => (a, "Animal")));
        edges.AddRange(plants.Select(p => (p, "Plant")));
        // The named ones first: Skewed() picks them often, so the document's example query finds images.
        ObjectTypes.AddRange(animals.Concat(plants).Concat(levels.SelectMany(l => l).Reverse()));
        await writer.WriteAsync("ObjectTypes", ["Id", "Description"], ObjectTypes.Select(t => new object?[] { t, "" }));
        await writer.WriteAsync("ObjectTypeParents", ["ChildId", "ParentId"], edges.Select(e => new object?[] { e.Child, e.Parent }));
        var parents = edges.ToLookup(e => e.Child, e => e.Parent);
        var closure = new List<object?[]>();
        foreach (var t in ObjectTypes)
        {
            var seen = new HashSet<string>();
            var stack = new Stack<string>([t]);
            while (stack.Count > 0)
            {
                var at = stack.Pop();
                if (!seen.Add(at)) continue;
                closure.Add([t, at]);
                foreach (var p in parents[at]) stack.Push(p);
            }
        }
        await writer.WriteAsync("ObjectTypeAncestors", ["ObjectTypeId", "AncestorId"], closure);
    }

    private static async Task Step(string name, Func<Task> work)
    {
        var watch = Stopwatch.StartNew();
        await work();
        Console.WriteLine($"  generated {name} in {watch.Elapsed.TotalSeconds:F1} s");
    }
}
