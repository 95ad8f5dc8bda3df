using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Memento.Domain.Datasets.Query;
using Memento.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace Memento.Domain.Datasets.Search;

/// <summary>
/// The dataset search: parses the YAML query, compiles it over the images the caller may search
/// (<see cref="AccessPolicy.SearchableImages"/>), and reads one page in the chosen order — one SQL query for the
/// page's ids (plus one COUNT when the total is asked for), then <see cref="PictureReader"/> for the pictures.
/// </summary>
public sealed class DatasetSearchService(MementoDbContext db, AccessPolicy policy, PictureReader reader)
{
    /// <summary>The largest page; a larger limit is refused, never cut.</summary>
    public const int MaxLimit = 100;

    public async Task<DatasetSearchResult> SearchAsync(Caller caller, string yaml, DatasetOrdering ordering, int offset,
        int limit, bool withTotal, CancellationToken ct = default)
    {
        if (offset < 0) throw MementoException.Validation("offset", "The offset must be 0 or more.");
        if (limit < 1 || limit > MaxLimit)
            throw MementoException.Validation("limit", $"The limit must be between 1 and {MaxLimit}.");
        var query = DatasetQueryParser.Parse(yaml);
        var compiler = new DatasetQueryCompiler(db);
        var matches = await compiler.ApplyAsync(policy.SearchableImages(caller).AsNoTracking(), query, ct);
        var ids = await Order(matches, ordering, compiler).Skip(offset).Take(limit).Select(i => i.Id).ToListAsync(ct);
        int? total = withTotal ? await matches.CountAsync(ct) : null;
        return new DatasetSearchResult(await reader.ReadAsync(ids, ct), total);
    }

    private IQueryable<Image> Order(IQueryable<Image> images, DatasetOrdering ordering, DatasetQueryCompiler compiler)
    {
        switch (ordering)
        {
            case DatasetOrdering.DateAsc: return images.OrderBy(i => i.UploadedAt).ThenBy(i => i.Id);
            case DatasetOrdering.TitleAsc:
                return TitleKey(images, descending: false).ThenBy(i => i.Id);
            case DatasetOrdering.TitleDesc:
                return TitleKey(images, descending: true).ThenByDescending(i => i.Id);
            case DatasetOrdering.NumberRegionsDesc:
                return images.OrderByDescending(compiler.RegionCount()).ThenByDescending(i => i.Id);
            case DatasetOrdering.NumberRegionsAsc:
                return images.OrderBy(compiler.RegionCount()).ThenBy(i => i.Id);
            case DatasetOrdering.Random:
            {
                // A fresh permutation per request: (id × a + b) mod p, p prime, a ≠ 0; ties (ids p apart) by id.
                const long p = 1_000_003;
                long a = Random.Shared.NextInt64(1, p), b = Random.Shared.NextInt64(0, p);
                return images.OrderBy(i => (i.Id % p * a + b) % p).ThenBy(i => i.Id);
            }
            default: return images.OrderByDescending(i => i.UploadedAt).ThenByDescending(i => i.Id);
        }
    }

    /// <summary>
    /// Titles in code-point order on both databases: PostgreSQL's default collation depends on the server's locale,
    /// so it is pinned to "C" (SQLite compares bytes already).
    /// </summary>
    private IOrderedQueryable<Image> TitleKey(IQueryable<Image> images, bool descending)
    {
        if (db.Provider == DatabaseProvider.Postgres)
            return descending
                ? images.OrderByDescending(i => EF.Functions.Collate(i.Title, "C"))
                : images.OrderBy(i => EF.Functions.Collate(i.Title, "C"));
        return descending ? images.OrderByDescending(i => i.Title) : images.OrderBy(i => i.Title);
    }
}
