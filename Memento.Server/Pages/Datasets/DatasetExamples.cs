namespace Memento.Server.Pages.Datasets;

/// <summary>The ready-made queries the search page offers: the dataset document's own example first, then a few
/// everyday ones. Each is a link that runs it (no JavaScript) or fills the editor (with it).</summary>
public static class DatasetExamples
{
    public sealed record Example(string Name, string Yaml);

    /// <summary>The document's example, word for word.</summary>
    public const string Document = """
        # Restrictions for queried images
        want:
        # This means that the image must contain both rules, so both a cat and a dog
        - has_object: ["Cat (Felis catus)"]
        - has_object: ["Dog (Canis lupus familiaris)"]
        # Or we can put them in a list to mean that the image can contain any of the
        # objects in the list
        - has_object: ["Grass", "Flower"]
        # So the image must contain a cat and a dog, as well as either grass or
        # a flower
        # The following rule restricts the images to those with a certain source,
        # like a camera or a drawing; omitting this rule means that the images can
        # be of any source
        - nature: ["photo", "computer-3d-art"]
        # The following rule restricts the images to those with a certain licence
        - licence: ["CC-BY-1.0", "CC-BY-2.0", "CC-BY-3.0", "CC-BY-4.0", "CC0-1.0",
        "Unlicense", "WTFPL", "MIT", "BSD-2-Clause", "BSD-3-Clause",
        "Apache-2.0", "X-informal-attribution", "X-informal-do-anything",
        "X-public-domain-old", "X-public-domain"]
        # Prohibitions for queried images
        exclude:
        # This means that the image must not contain any of the objects in the list
        - has_object: ["Human"]
        # This excludes images uploaded before the given date
        - before_date: 1546300800
        # This requires images to have a minimum resolution
        - below_width: 800
        - below_height: 600
        # In summary, we want images that contain both a cat and a dog, either a grass
        # or a flower, but not a human, taken after 2019-01-01, must be a photo or a
        # 3D render, must carry one of certain permissive licences and have a resolution
        # of at least 800x600 pixels.

        """;

    public static readonly IReadOnlyList<Example> All =
    [
        new("The document's example", Document),
        new("Contains a cell (or any kind of cell)", "want:\n- has: [cell]\n"),
        new("Free licences", "want:\n- licence: [\"CC0-1.0\", \"CC-BY-4.0\", \"CC-BY-SA-4.0\", \"MIT\", \"X-public-domain\"]\n"),
        new("Top rated", "want:\n- above_rating: 4\n- above_rating_count: 1\n"),
        new("Large images", "want:\n- above_width: 4000\n- above_height: 4000\n"),
        new("Annotated (at least 10 regions)", "want:\n- above_region_count: 10\n"),
        new("Including replaced images", "include_obsolete: true\n"),
    ];
}
