namespace Memento.Domain.Datasets.Query;

/// <summary>
/// A parsed dataset query: every <see cref="Want"/> rule must hold, no <see cref="Exclude"/> rule may hold, and
/// images that have a replacement are left out unless <see cref="IncludeObsolete"/>.
/// </summary>
public sealed record DatasetQuery(IReadOnlyList<DatasetRule> Want, IReadOnlyList<DatasetRule> Exclude, bool IncludeObsolete)
{
    public static DatasetQuery Empty { get; } = new([], [], false);
}

/// <summary>The rules of the query language, one per YAML key (see <see cref="DatasetRules"/> for their names).</summary>
public enum RuleKind
{
    Has, HasObject, Nature, Licence, Author, Title, Description, OriginUrl,
    AboveWidth, AboveHeight, BelowWidth, BelowHeight, BeforeDate, AfterDate, InGallery,
    AboveRating, BelowRating, AboveRatingCount, BelowRatingCount, AboveRegionCount, BelowRegionCount, CopiedFrom,
}

/// <summary>One list item of a rule, with its place in the query so an unknown name can be pointed at.</summary>
public sealed record QueryItem(string Text, int Line, int Column);

/// <summary>
/// One rule and its value; which property holds the value depends on <see cref="Kind"/>: <see cref="Items"/> for
/// has, has_object, nature, licence and author; <see cref="Ids"/> for in_gallery and copied_from; <see cref="Text"/>
/// for title, description and origin_url; <see cref="Number"/> for sizes, dates and counts; <see cref="Stars"/> for
/// ratings.
/// </summary>
public sealed record DatasetRule(RuleKind Kind, int Line, int Column)
{
    public IReadOnlyList<QueryItem> Items { get; init; } = [];
    public IReadOnlyList<long> Ids { get; init; } = [];
    public string Text { get; init; } = "";
    public long Number { get; init; }
    public double Stars { get; init; }
}
