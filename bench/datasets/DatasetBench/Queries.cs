namespace DatasetBench;

/// <summary>The document's example query and 20 more: every rule at least once, every ordering, deep offsets.</summary>
internal static class Queries
{
    public sealed record Case(string Name, string Yaml, string Ordering, int Offset);

    public const string DocumentExample = """
        want:
        - has_object: ["Cat (Felis catus)"]
        - has_object: ["Dog (Canis lupus familiaris)"]
        - has_object: ["Grass", "Flower"]
        - nature: ["photo", "computer-3d-art"]
        - licence: ["CC-BY-1.0", "CC-BY-2.0", "CC-BY-3.0", "CC-BY-4.0", "CC0-1.0",
            "Unlicense", "WTFPL", "MIT", "BSD-2-Clause", "BSD-3-Clause",
            "Apache-2.0", "X-informal-attribution", "X-informal-do-anything",
            "X-public-domain-old", "X-public-domain"]
        exclude:
        - has_object: ["Human"]
        - before_date: 1546300800
        - below_width: 800
        - below_height: 600
        """;

    public static IReadOnlyList<Case> All(int images)
    {
        var early = Generator.Epoch.AddYears(3).ToUnixTimeSeconds();
        var late = Generator.Epoch.AddYears(4).ToUnixTimeSeconds();
        return
        [
            new("document example", DocumentExample, "date-desc", 0),
            new("has (hierarchy, root)", "want:\n- has: [Animal]", "date-desc", 0),
            new("has (mid level) by title", "want:\n- has: [\"Cell L1-0009\"]", "title-asc", 0),
            new("has_object minus has_object, most regions", "want:\n- has_object: [\"Cat (Felis catus)\"]\nexclude:\n- has_object: [Human]", "number-regions-desc", 0),
            new("nature, oldest first", "want:\n- nature: [photo, drawing]", "date-asc", 0),
            new("licence, title descending", "want:\n- licence: [CC0-1.0, X-public-domain]", "title-desc", 0),
            new("author", "want:\n- author: [user7, user42]", "date-desc", 0),
            new("title ilike", "want:\n- title: KIDNEY", "date-desc", 0),
            new("description ilike, offset 1,000", "want:\n- description: river", "date-desc", 1000),
            new("origin_url prefix", "want:\n- origin_url: commons.wikimedia.org", "date-desc", 0),
            new("large images, fewest regions", "want:\n- above_width: 4000\n- above_height: 3000", "number-regions-asc", 0),
            new("small images, random", "want:\n- below_width: 500\n- below_height: 500", "random", 0),
            new("date window", $"want:\n- after_date: {early}\n- before_date: {late}", "date-asc", 0),
            new("in_gallery", "want:\n- in_gallery: [1, 2, 3]", "date-desc", 0),
            new("well rated (rated only)", "want:\n- above_rating: 4\n- above_rating_count: 1", "date-desc", 0),
            new("poorly rated, by title", "want:\n- below_rating: 2", "title-asc", 0),
            new("crowded (8+ regions)", "want:\n- above_region_count: 8", "date-desc", 0),
            new("empty (no regions), few ratings", "want:\n- below_region_count: 0\n- below_rating_count: 0", "date-desc", 0),
            // The generator copies every image whose id ends in 50 (mod 100) once, into the one 500 later.
            new("copies of", $"want:\n- copied_from: [{images / 2 + 50}, {images / 2 + 150}, {images / 3 / 100 * 100 + 50}]", "date-desc", 0),
            new("everything incl. obsolete, offset 100,000", "include_obsolete: true", "date-desc", Math.Min(100_000, images / 2)),
            new("plants but no animals, title, offset 5,000", "want:\n- has: [Plant]\nexclude:\n- has: [Animal]", "title-asc", 5000),
        ];
    }
}
