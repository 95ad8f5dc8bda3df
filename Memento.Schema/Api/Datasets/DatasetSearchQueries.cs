using Memento.Domain.Datasets;
using Memento.Domain.Datasets.Search;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;

namespace Memento.Schema.Api.Datasets;

public sealed class DatasetSearchQueries
{
    /// <summary>
    /// Pictures matching a dataset query (the YAML want/exclude language, see docs/datasets.md), among those the
    /// caller may search: public projects' to anyone, signed in or not, and those of projects the caller reads whole.
    /// ordering: date-desc, date-asc, title-asc, title-desc, number-regions-desc, number-regions-asc or random;
    /// limit 1 to 100. A bad query is a BAD_QUERY error with extensions.line and extensions.column.
    /// </summary>
    public async Task<PictureSearchResult> SearchPictures(string query, IResolveContext context, DatasetSearchService search,
        string ordering = "date-desc", int offset = 0, int limit = 20, bool withTotal = false)
    {
        // A DatasetQueryException becomes BAD_QUERY with its line and column (Errors/DatasetQueryErrors).
        var result = await search.SearchAsync(ApiCaller.Of(context), query, DatasetOrderings.Parse(ordering), offset,
            limit, withTotal, context.CancellationToken);
        return new PictureSearchResult(result.Pictures.ToList(), result.Total);
    }
}

/// <summary>One page of a picture search; total counts every match when withTotal was asked for.</summary>
public sealed record PictureSearchResult(List<Picture> Pictures, int? Total);
