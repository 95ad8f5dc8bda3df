using Memento.Domain.Datasets;
using Memento.Domain.Datasets.Search;

namespace Memento.Server.Pages.Datasets;

/// <summary>What the search page shows: the request as typed (kept whatever happens, so nothing is lost), then either
/// the error (with its line and column, for the editor's marker) or one page of results.</summary>
public sealed record DatasetSearchView(
    string Query,
    string Ordering,
    int Offset,
    int Limit,
    IReadOnlyList<PictureCard> Cards,
    int? Total,
    string? Error,
    int? ErrorLine,
    int? ErrorColumn)
{
    public const int DefaultLimit = 24;

    public bool HasMore => Total is { } total ? Offset + Cards.Count < total : Cards.Count == Limit;

    /// <summary>This search at another offset: a shareable link (GET, the same parameters as the form).</summary>
    public string Link(int offset) => DatasetLinks.Search(Query, Ordering, offset, Limit);

    public static IReadOnlyList<(string Value, string Label)> Orderings { get; } =
    [
        (DatasetOrderings.Name(DatasetOrdering.DateDesc), "Newest first"),
        (DatasetOrderings.Name(DatasetOrdering.DateAsc), "Oldest first"),
        (DatasetOrderings.Name(DatasetOrdering.TitleAsc), "Title A–Z"),
        (DatasetOrderings.Name(DatasetOrdering.TitleDesc), "Title Z–A"),
        (DatasetOrderings.Name(DatasetOrdering.NumberRegionsDesc), "Most regions"),
        (DatasetOrderings.Name(DatasetOrdering.NumberRegionsAsc), "Fewest regions"),
        (DatasetOrderings.Name(DatasetOrdering.Random), "Random"),
    ];
}

/// <summary>One result in the grid: the picture and its preview (null while the image is not ready, or external).</summary>
public sealed record PictureCard(Picture Picture, string? ThumbnailUrl);

public static class DatasetLinks
{
    public static string Search(string query, string ordering, int offset, int limit)
    {
        var parts = new List<string>();
        if (query.Length > 0) parts.Add("query=" + Uri.EscapeDataString(query));
        parts.Add("ordering=" + Uri.EscapeDataString(ordering));
        if (offset > 0) parts.Add("offset=" + offset);
        if (limit != DatasetSearchView.DefaultLimit) parts.Add("limit=" + limit);
        return "/datasets?" + string.Join("&", parts);
    }

    /// <summary>"1920 × 1080" or "size unknown".</summary>
    public static string Size(Picture p) => p.Width is { } w && p.Height is { } h ? $"{w} × {h}" : "size unknown";
}
