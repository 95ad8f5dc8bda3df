namespace Memento.Server.Pages.Categories;

/// <summary>
/// Where the user is in a long list: the page number (from 1) and the search text. Forms carry it as hidden fields
/// so that after a post the user comes back to the same page of the list.
/// </summary>
public sealed record ListPosition(int Page = 1, string? Search = null)
{
    public const int PageSize = 50;

    public int Skip => (Math.Max(1, Page) - 1) * PageSize;

    public static ListPosition From(int? page, string? search) =>
        new(page is > 0 and < 1_000_000 ? page.Value : 1, string.IsNullOrWhiteSpace(search) ? null : search.Trim());

    /// <summary>The query string of this position ("" for the first page of the whole list).</summary>
    public string Query(string pageKey = "page", string searchKey = "q")
    {
        var parts = new List<string>();
        if (Page > 1) parts.Add($"{pageKey}={Page}");
        if (Search is not null) parts.Add($"{searchKey}={Uri.EscapeDataString(Search)}");
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }

    public ListPosition Next => this with { Page = Page + 1 };
    public ListPosition Previous => this with { Page = Math.Max(1, Page - 1) };
}
