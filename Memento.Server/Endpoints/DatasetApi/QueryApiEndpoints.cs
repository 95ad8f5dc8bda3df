using System.Text;
using System.Text.Json.Nodes;
using Memento.Domain.Datasets.Query;
using Memento.Domain.Datasets.Search;

namespace Memento.Server.Endpoints.DatasetApi;

/// <summary>
/// The query endpoint the document describes but does not name: <c>POST /api/query</c> with the YAML query as the
/// body and <c>ordering</c>, <c>offset</c>, <c>limit</c> in the URL, answering the documented list of dictionaries
/// (no ratings: the document keeps those to <c>/api/picture/&lt;id&gt;/</c>). A bad query is 400 with the parser's
/// message and, where it has one, its line and column.
/// </summary>
public static class QueryApiEndpoints
{
    public static RouteGroupBuilder MapQueryApi(this RouteGroupBuilder api)
    {
        api.MapPost("/query", QueryAsync);
        return api;
    }

    private static async Task<IResult> QueryAsync(HttpContext http, DatasetSearchService search,
        string? ordering, int? offset, int? limit)
    {
        // Bounded before the parser sees it: a query larger than the language allows is refused unread.
        if (http.Request.ContentLength > DatasetQueryLimits.MaxBytes)
            return ApiErrors.Error(StatusCodes.Status413PayloadTooLarge,
                $"A query is at most {DatasetQueryLimits.MaxBytes / 1024} KiB of YAML.");
        var text = await ReadBoundedAsync(http);
        if (text is null)
            return ApiErrors.Error(StatusCodes.Status413PayloadTooLarge,
                $"A query is at most {DatasetQueryLimits.MaxBytes / 1024} KiB of YAML.");
        try
        {
            var result = await search.SearchAsync(http.Caller(), text, DatasetOrderings.Parse(ordering), offset ?? 0,
                limit ?? 20, withTotal: false, http.RequestAborted);
            var origin = PictureJson.Origin(http);
            return PictureJson.Json(new JsonArray(result.Pictures.Select(p => (JsonNode)PictureJson.Of(p, origin)).ToArray()));
        }
        catch (DatasetQueryException e)
        {
            var error = new JsonObject { ["error"] = e.Message };
            if (e.Line is { } line) error["line"] = line;
            if (e.Column is { } column) error["column"] = column;
            return TypedResults.Text(error.ToJsonString(), "application/json", statusCode: StatusCodes.Status400BadRequest);
        }
    }

    /// <summary>The body as UTF-8 text, or null once it grows past the query limit.</summary>
    private static async Task<string?> ReadBoundedAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > DatasetQueryLimits.MaxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return new UTF8Encoding(false, throwOnInvalidBytes: false).GetString(buffer.ToArray());
    }
}
