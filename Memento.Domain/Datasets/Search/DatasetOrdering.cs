namespace Memento.Domain.Datasets.Search;

/// <summary>The orderings of the dataset document; every one breaks ties by id so pages never overlap.</summary>
public enum DatasetOrdering { DateDesc, DateAsc, TitleAsc, TitleDesc, NumberRegionsDesc, NumberRegionsAsc, Random }

public static class DatasetOrderings
{
    private static readonly (DatasetOrdering Ordering, string Name)[] Table =
    [
        (DatasetOrdering.DateDesc, "date-desc"), (DatasetOrdering.DateAsc, "date-asc"),
        (DatasetOrdering.TitleAsc, "title-asc"), (DatasetOrdering.TitleDesc, "title-desc"),
        (DatasetOrdering.NumberRegionsDesc, "number-regions-desc"), (DatasetOrdering.NumberRegionsAsc, "number-regions-asc"),
        (DatasetOrdering.Random, "random"),
    ];

    /// <summary>The document's names, in its order.</summary>
    public static IReadOnlyList<string> Names { get; } = Table.Select(t => t.Name).ToList();

    /// <summary>null or "" is the default, date-desc; an unknown name is a <see cref="DatasetQueryException"/>.</summary>
    public static DatasetOrdering Parse(string? text)
    {
        if (string.IsNullOrEmpty(text)) return DatasetOrdering.DateDesc;
        foreach (var (ordering, name) in Table)
            if (name == text) return ordering;
        throw new DatasetQueryException(
            $"Unknown ordering '{text}': the accepted ones are {string.Join(", ", Names)}.", null, null);
    }

    public static string Name(DatasetOrdering ordering) => Table.First(t => t.Ordering == ordering).Name;
}
