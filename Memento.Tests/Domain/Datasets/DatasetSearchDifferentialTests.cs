using System.Globalization;
using System.Text;
using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Memento.Domain.Datasets.Query;
using Memento.Domain.Datasets.Search;
using Memento.Domain.Model;
using Memento.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Memento.Tests.Domain.Datasets;

/// <summary>
/// The compiled SQL against a plain in-memory reading of the same query: a generated world (2,000 images, a
/// multi-parent type hierarchy, annotations showing one or two images, ratings, galleries, copies, replacements)
/// and 300 random queries; every answer must be the same set of ids, and sampled pages the same order.
/// </summary>
public sealed class DatasetSearchDifferentialTests
{
    private const int Images = 2000, Queries = 300;
    private static readonly string[] Hosts = ["commons.wikimedia.org", "example.org", "Example.org/path", "images.test"];
    private static readonly string[] Protocols = ["http://", "https://", ""];
    private static readonly string[] Syllables = ["ca", "do", "Mi", "cro", "É", "é", "sco", "pe", "%", "_", "li", "ne", " "];
    private static readonly string[] NatureIds = ["photo", "drawing", "scan", "computer-3d-art"];
    private static readonly string[] LicenceIds = ["MIT", "CC0-1.0", "CC-BY-4.0", "X-public-domain", "Apache-2.0"];

    /// <summary>What the in-memory evaluation knows of one image.</summary>
    private sealed class Row
    {
        public Image Image = null!;
        public string Uploader = "";
        public List<string> Licences = [];
        public HashSet<Region> Regions = [];
        public List<int> Stars = [];
        public HashSet<Gallery> Galleries = [];
        public bool Replaced;
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Random_queries_find_what_an_in_memory_reading_finds(DatabaseProvider provider)
    {
        var random = new Random(15);
        await using var world = await SearchWorld.CreateAsync(provider);
        var (rows, types, parents, galleries) = await BuildAsync(world, random);
        var ancestors = types.ToDictionary(t => t, t => Ancestors(t, parents));
        var uploaders = rows.Select(r => r.Uploader).Distinct().ToList();

        var failures = new List<string>();
        for (var n = 0; n < Queries && failures.Count < 5; n++)
        {
            var (yaml, query) = RandomQuery(random, types, uploaders, galleries.Select(g => g.Id).ToList(), rows);
            var expected = rows.Where(r => Matches(r, query, ancestors)).ToList();
            await using var db = world.Context();
            var compiled = await new DatasetQueryCompiler(db).ApplyAsync(
                new AccessPolicy(db, TimeProvider.System).SearchableImages(Caller.Anonymous), DatasetQueryParser.Parse(yaml));
            var found = await compiled.OrderBy(i => i.Id).Select(i => i.Id).ToListAsync();
            var wanted = expected.Select(r => r.Image.Id).Order().ToList();
            if (!found.SequenceEqual(wanted))
                failures.Add($"{yaml}\n  expected {wanted.Count} [{string.Join(",", wanted.Take(20))}]\n  found {found.Count} [{string.Join(",", found.Take(20))}]");

            if (n % 10 == 0)
            {
                // A page deep in the list, in each deterministic ordering, equals the in-memory order.
                var ordering = (DatasetOrdering)(n / 10 % 6);
                var page = await world.SearchAsync(yaml, ordering: ordering, offset: 3, limit: 7, withTotal: true);
                var order = Ordered(expected, ordering).Skip(3).Take(7).Select(r => r.Image.Id).ToList();
                if (!page.Pictures.Select(p => p.Id).SequenceEqual(order) || page.Total != expected.Count)
                    failures.Add($"{yaml} ({DatasetOrderings.Name(ordering)}): expected page [{string.Join(",", order)}] of {expected.Count}, found [{string.Join(",", page.Pictures.Select(p => p.Id))}] of {page.Total}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        // The generated world and queries exercise both outcomes: most queries match some but not all images.
        Assert.True(rows.Count(r => !r.Replaced) > Images * 0.9);
    }

    private static IEnumerable<Row> Ordered(List<Row> rows, DatasetOrdering ordering) => ordering switch
    {
        DatasetOrdering.DateAsc => rows.OrderBy(r => r.Image.UploadedAt).ThenBy(r => r.Image.Id),
        DatasetOrdering.TitleAsc => rows.OrderBy(r => r.Image.Title, StringComparer.Ordinal).ThenBy(r => r.Image.Id),
        DatasetOrdering.TitleDesc => rows.OrderByDescending(r => r.Image.Title, StringComparer.Ordinal).ThenByDescending(r => r.Image.Id),
        DatasetOrdering.NumberRegionsDesc => rows.OrderByDescending(r => r.Regions.Count).ThenByDescending(r => r.Image.Id),
        DatasetOrdering.NumberRegionsAsc => rows.OrderBy(r => r.Regions.Count).ThenBy(r => r.Image.Id),
        _ => rows.OrderByDescending(r => r.Image.UploadedAt).ThenByDescending(r => r.Image.Id),
    };

    private static HashSet<string> Ancestors(string type, ILookup<string, string> parents)
    {
        var seen = new HashSet<string>();
        var stack = new Stack<string>([type]);
        while (stack.Count > 0)
            if (seen.Add(stack.Peek())) foreach (var p in parents[stack.Pop()]) stack.Push(p);
            else stack.Pop();
        return seen;
    }

    // The document's semantics, read as plainly as possible.
    private static bool Matches(Row row, DatasetQuery query, Dictionary<string, HashSet<string>> ancestors) =>
        query.Want.All(rule => Holds(row, rule, ancestors)) && !query.Exclude.Any(rule => Holds(row, rule, ancestors))
        && (query.IncludeObsolete || !row.Replaced);

    private static bool Holds(Row row, DatasetRule rule, Dictionary<string, HashSet<string>> ancestors)
    {
        var image = row.Image;
        var names = rule.Items.Select(i => i.Text).ToList();
        var stars = row.Stars.Sum();
        return rule.Kind switch
        {
            RuleKind.Has => row.Regions.Any(r => r.ObjectTypeId != null && ancestors[r.ObjectTypeId].Overlaps(names)),
            RuleKind.HasObject => row.Regions.Any(r => r.ObjectTypeId != null && names.Contains(r.ObjectTypeId)),
            RuleKind.Nature => image.NatureId != null && names.Contains(image.NatureId),
            RuleKind.Licence => row.Licences.Any(names.Contains),
            RuleKind.Author => names.Any(n => string.Equals(n, row.Uploader, StringComparison.OrdinalIgnoreCase)),
            RuleKind.Title => image.Title.ToLowerInvariant().Contains(rule.Text.ToLowerInvariant(), StringComparison.Ordinal),
            RuleKind.Description => image.Description.ToLowerInvariant().Contains(rule.Text.ToLowerInvariant(), StringComparison.Ordinal),
            // The protocol is ignored on both sides: a query's own "https://" is dropped.
            RuleKind.OriginUrl => image.OriginUrl is { } url && new[] { "", "http://", "https://" }.Any(p =>
                url.ToLowerInvariant().StartsWith(p + WithoutProtocol(rule.Text).ToLowerInvariant(), StringComparison.Ordinal)),
            RuleKind.AboveWidth => image.Width >= rule.Number,
            RuleKind.BelowWidth => image.Width <= rule.Number,
            RuleKind.AboveHeight => image.Height >= rule.Number,
            RuleKind.BelowHeight => image.Height <= rule.Number,
            RuleKind.BeforeDate => image.UploadedAt.ToUnixTimeSeconds() < rule.Number,
            RuleKind.AfterDate => image.UploadedAt.ToUnixTimeSeconds() > rule.Number,
            RuleKind.InGallery => row.Galleries.Any(g => rule.Ids.Contains(g.Id)),
            RuleKind.CopiedFrom => image.CopiedFromId is { } from && rule.Ids.Contains(from),
            RuleKind.AboveRating => row.Stars.Count == 0 || stars >= rule.Stars * row.Stars.Count,
            RuleKind.BelowRating => row.Stars.Count > 0 && stars <= rule.Stars * row.Stars.Count,
            RuleKind.AboveRatingCount => row.Stars.Count >= rule.Number,
            RuleKind.BelowRatingCount => row.Stars.Count <= rule.Number,
            RuleKind.AboveRegionCount => row.Regions.Count >= rule.Number,
            RuleKind.BelowRegionCount => row.Regions.Count <= rule.Number,
            _ => throw new InvalidOperationException(rule.Kind.ToString()),
        };
    }

    private static string WithoutProtocol(string text) =>
        text.StartsWith("https://", StringComparison.Ordinal) ? text[8..] : text.StartsWith("http://", StringComparison.Ordinal) ? text[7..] : text;

    private static (string Yaml, DatasetQuery Query) RandomQuery(Random random, List<string> types, List<string> uploaders,
        List<long> galleries, List<Row> rows)
    {
        string Pick(IReadOnlyList<string> from) => from[random.Next(from.Count)];
        string Quote(string text) => "'" + text.Replace("'", "''") + "'";
        string List(IEnumerable<string> items) => "[" + string.Join(", ", items) + "]";
        string Some(IReadOnlyList<string> from) =>
            List(Enumerable.Range(0, random.Next(1, 4)).Select(_ => Quote(Pick(from))));
        string Rule()
        {
            var image = rows[random.Next(rows.Count)].Image;
            return random.Next(22) switch
            {
                0 => "has: " + Some(types),
                1 => "has_object: " + Some(types),
                2 => "nature: " + Some(NatureIds),
                3 => "licence: " + Some(LicenceIds),
                4 => "author: " + Some([.. uploaders, "Nobody", uploaders[0].ToUpperInvariant()]),
                5 => "title: " + Quote(Pick(Syllables) + (random.Next(2) == 0 ? Pick(Syllables) : "")),
                6 => "description: " + Quote(Pick(Syllables)),
                7 => "origin_url: " + Quote(Pick(Protocols) + Pick(Hosts)[..random.Next(3, 10)]),
                8 => $"above_width: {random.Next(0, 2100)}",
                9 => $"below_width: {random.Next(0, 2100)}",
                10 => $"above_height: {random.Next(0, 2100)}",
                11 => $"below_height: {random.Next(0, 2100)}",
                12 => $"before_date: {image.UploadedAt.ToUnixTimeSeconds() + random.Next(-1, 2)}",
                13 => $"after_date: {image.UploadedAt.ToUnixTimeSeconds() + random.Next(-1, 2)}",
                14 => "in_gallery: " + List(galleries.Where(_ => random.Next(3) == 0).Select(g => g.ToString()).Append("0")),
                15 => "copied_from: " + List(Enumerable.Range(0, 20).Select(_ => rows[random.Next(rows.Count)].Image.Id.ToString())),
                16 => $"above_rating: {random.Next(2, 11) / 2.0}".Replace(",", "."),
                17 => $"below_rating: {random.Next(2, 11) / 2.0}".Replace(",", "."),
                18 => $"above_rating_count: {random.Next(0, 4)}",
                19 => $"below_rating_count: {random.Next(0, 4)}",
                20 => $"above_region_count: {random.Next(0, 6)}",
                _ => $"below_region_count: {random.Next(0, 6)}",
            };
        }
        var yaml = new StringBuilder();
        var want = random.Next(0, 4);
        if (want > 0) yaml.Append("want:\n").Append(string.Concat(Enumerable.Range(0, want).Select(_ => "  - " + Rule() + "\n")));
        var exclude = random.Next(0, 3);
        if (exclude > 0) yaml.Append("exclude:\n").Append(string.Concat(Enumerable.Range(0, exclude).Select(_ => "  - " + Rule() + "\n")));
        if (random.Next(5) == 0) yaml.Append("include_obsolete: true\n");
        var text = yaml.ToString();
        return (text, DatasetQueryParser.Parse(text));
    }

    private static async Task<(List<Row>, List<string>, ILookup<string, string>, List<Gallery>)> BuildAsync(SearchWorld world, Random random)
    {
        // 40 types; each after the first few has up to two parents among the earlier ones (several parents each).
        var types = Enumerable.Range(0, 40).Select(n => $"T{n}").ToList();
        var edges = types.Skip(4).SelectMany((t, n) => types.Take(n + 4).Where(_ => random.Next(n + 4) < 2).Take(2)
            .Select(p => (Child: t, Parent: p))).ToList();
        await world.TypesAsync(types.Select(t => (t, edges.Where(e => e.Child == t).Select(e => e.Parent).ToArray())).ToArray());
        var uploaders = Enumerable.Range(0, 4).Select(n => world.User($"Uploader{n}")).ToList();
        var rows = new List<Row>();
        for (var n = 0; n < Images; n++)
        {
            var uploader = uploaders[random.Next(uploaders.Count)];
            var image = world.Image(string.Concat(Enumerable.Range(0, random.Next(1, 5)).Select(_ => Syllables[random.Next(Syllables.Length)])),
                random.Next(0, 500), configure: i =>
                {
                    i.Uploader = uploader;
                    i.Description = random.Next(3) == 0 ? "" : string.Concat(Enumerable.Range(0, 3).Select(_ => Syllables[random.Next(Syllables.Length)]));
                    i.OriginUrl = random.Next(4) == 0 ? null : Protocols[random.Next(3)] + Hosts[random.Next(Hosts.Length)] + "/" + n;
                    i.Width = random.Next(10) == 0 ? null : random.Next(1, 2000);
                    i.Height = random.Next(10) == 0 ? null : random.Next(1, 2000);
                    i.NatureId = random.Next(5) == 0 ? null : NatureIds[random.Next(NatureIds.Length)];
                    i.UploadedAt = i.UploadedAt.AddSeconds(random.Next(0, 3));
                });
            var row = new Row { Image = image, Uploader = uploader.UserName };
            row.Licences = LicenceIds.Where(_ => random.Next(4) == 0).ToList();
            world.Licences(image, [.. row.Licences]);
            rows.Add(row);
        }
        // Annotations: most show one image, some two (their regions count for both), a few show an image twice.
        for (var n = 0; n < Images * 6 / 5; n++)
        {
            var first = rows[random.Next(rows.Count)];
            var regionTypes = Enumerable.Range(0, random.Next(0, 5)).Select(_ => random.Next(8) == 0 ? null : types[random.Next(types.Count)]).ToArray();
            var annotation = world.Regions(first.Image, regionTypes, imageLayers: random.Next(20) == 0 ? 2 : 1);
            var shown = new List<Row> { first };
            if (random.Next(15) == 0)
            {
                var second = rows[random.Next(rows.Count)];
                annotation.Layers.Add(new Layer { Name = "second", Kind = LayerKind.Image, Image = second.Image, Sequence = 9, CreatedAt = first.Image.UploadedAt });
                shown.Add(second);
            }
            var regions = annotation.Layers.Where(l => l.Kind == LayerKind.Drawing).SelectMany(l => l.Regions).ToList();
            foreach (var row in shown) row.Regions.UnionWith(regions);
        }
        foreach (var row in rows.Where(_ => random.Next(5) == 0))
        {
            row.Stars = Enumerable.Range(0, random.Next(1, 5)).Select(_ => random.Next(1, 6)).ToList();
            world.Rate(row.Image, [.. row.Stars]);
        }
        var galleries = Enumerable.Range(0, 6).Select(_ =>
        {
            var members = rows.Where(_ => random.Next(20) == 0).ToList();
            var gallery = world.Gallery([.. members.Select(r => r.Image)]);
            foreach (var member in members) member.Galleries.Add(gallery);
            return gallery;
        }).ToList();
        await world.SaveAsync();
        // Copies and replacements refer to saved ids; an image is replaced at most once.
        foreach (var row in rows.Where(_ => random.Next(10) == 0)) row.Image.CopiedFromId = rows[random.Next(rows.Count)].Image.Id;
        var replaced = rows.Where(_ => random.Next(20) == 0).ToList();
        foreach (var old in replaced)
        {
            var replacement = rows[random.Next(rows.Count)];
            if (replacement == old || replacement.Image.ReplacesId != null) continue;
            replacement.Image.ReplacesId = old.Image.Id;
            old.Replaced = true;
        }
        await world.SaveAsync();
        return (rows, types, edges.ToLookup(e => e.Child, e => e.Parent), galleries);
    }
}
