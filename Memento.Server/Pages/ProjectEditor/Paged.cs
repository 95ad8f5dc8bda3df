using Microsoft.EntityFrameworkCore;

namespace Memento.Server.Pages.ProjectEditor;

/// <summary>
/// One page of a list read in the database (a project may hold 10,000 images): the rows and whether there are
/// pages before and after, for "previous / next" links that work without JavaScript.
/// </summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, bool HasNext)
{
    /// <summary>Rows per page: enough for most projects on one page, few enough to render fast.</summary>
    public const int Size = 50;

    public bool HasPrevious => Page > 1;

    /// <summary>Reads page <paramref name="page"/> (1-based; out-of-range numbers are clamped) of an ordered query.</summary>
    public static async Task<Paged<T>> ReadAsync(IQueryable<T> ordered, int page, CancellationToken ct)
    {
        // Bounded so Skip never overflows on a hand-edited URL.
        page = Math.Clamp(page, 1, 100_000);
        // One row more than shown says whether a next page exists, without a COUNT over the whole table.
        var rows = await ordered.Skip((page - 1) * Size).Take(Size + 1).ToListAsync(ct);
        return new Paged<T>(rows.Take(Size).ToList(), page, rows.Count > Size);
    }
}
