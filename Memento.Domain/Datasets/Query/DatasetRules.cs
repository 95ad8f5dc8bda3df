namespace Memento.Domain.Datasets.Query;

/// <summary>What each rule is called in YAML and what value it takes (the wording of the type errors).</summary>
public static class DatasetRules
{
    public enum ValueShape { Names, Ids, Text, Pixels, Timestamp, Stars, Count }

    public sealed record Definition(string Name, RuleKind Kind, ValueShape Shape, string Expects);

    public static IReadOnlyList<Definition> All { get; } =
    [
        new("has", RuleKind.Has, ValueShape.Names, "a list of object type ids"),
        new("has_object", RuleKind.HasObject, ValueShape.Names, "a list of object type ids"),
        new("nature", RuleKind.Nature, ValueShape.Names, "a list of nature ids"),
        new("licence", RuleKind.Licence, ValueShape.Names, "a list of licence ids"),
        new("author", RuleKind.Author, ValueShape.Names, "a list of user names"),
        new("title", RuleKind.Title, ValueShape.Text, "a text to search for"),
        new("description", RuleKind.Description, ValueShape.Text, "a text to search for"),
        new("origin_url", RuleKind.OriginUrl, ValueShape.Text, "the beginning of a URL, like commons.wikimedia.org"),
        new("above_width", RuleKind.AboveWidth, ValueShape.Pixels, "a whole number of pixels"),
        new("above_height", RuleKind.AboveHeight, ValueShape.Pixels, "a whole number of pixels"),
        new("below_width", RuleKind.BelowWidth, ValueShape.Pixels, "a whole number of pixels"),
        new("below_height", RuleKind.BelowHeight, ValueShape.Pixels, "a whole number of pixels"),
        new("before_date", RuleKind.BeforeDate, ValueShape.Timestamp, "a Unix timestamp in whole seconds"),
        new("after_date", RuleKind.AfterDate, ValueShape.Timestamp, "a Unix timestamp in whole seconds"),
        new("in_gallery", RuleKind.InGallery, ValueShape.Ids, "a list of gallery ids"),
        new("above_rating", RuleKind.AboveRating, ValueShape.Stars, "a number of stars from 1 to 5"),
        new("below_rating", RuleKind.BelowRating, ValueShape.Stars, "a number of stars from 1 to 5"),
        new("above_rating_count", RuleKind.AboveRatingCount, ValueShape.Count, "a whole number of ratings"),
        new("below_rating_count", RuleKind.BelowRatingCount, ValueShape.Count, "a whole number of ratings"),
        new("above_region_count", RuleKind.AboveRegionCount, ValueShape.Count, "a whole number of regions"),
        new("below_region_count", RuleKind.BelowRegionCount, ValueShape.Count, "a whole number of regions"),
        new("copied_from", RuleKind.CopiedFrom, ValueShape.Ids, "a list of picture ids"),
    ];

    public static IReadOnlyDictionary<string, Definition> ByName { get; } =
        All.ToDictionary(d => d.Name, StringComparer.Ordinal);

    public static string NameOf(RuleKind kind) => All.First(d => d.Kind == kind).Name;

    /// <summary>The accepted rule names, for error messages.</summary>
    public static string AcceptedNames { get; } = string.Join(", ", All.Select(d => d.Name));
}
