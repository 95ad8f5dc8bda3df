using Memento.Domain.Authorization;
using Memento.Domain.Datasets;
using Microsoft.EntityFrameworkCore;
using Memento.Domain.Datasets.Search;
using Memento.Server.Pages.Datasets;
using Memento.Server.Pages.Shell;

namespace Memento.Server.Endpoints;

/// <summary>
/// The dataset pages: the search (<c>/datasets</c>, anyone, also signed out) and a picture's page
/// (<c>/pictures/{id}</c>). Both read through the dataset services, so they show exactly what the API would.
/// </summary>
public static class DatasetPageEndpoints
{
    /// <summary>A query longer than this is refused before parsing (the search service bounds it too).</summary>
    public const int MaxQueryLength = 20_000;

    public static IServiceCollection AddDatasetPages(this IServiceCollection services) =>
        services.AddScoped<DatasetImages>();

    public static IEndpointRouteBuilder MapDatasetPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").WithPageFailures();
        pages.MapGet("/datasets", SearchAsync);
        pages.MapGet("/pictures/{id:long}", PictureAsync);
        return app;
    }

    private static async Task<IResult> SearchAsync(HttpContext http, DatasetSearchService search, DatasetImages images,
        string? query, string? ordering, int? offset, int? limit)
    {
        var session = await PageSessions.ForAsync(http);
        var text = query ?? "";
        var from = Math.Max(0, offset ?? 0);
        var size = limit ?? DatasetSearchView.DefaultLimit;
        var orderingName = string.IsNullOrEmpty(ordering) ? DatasetOrderings.Name(DatasetOrdering.DateDesc) : ordering;
        DatasetSearchView View(IReadOnlyList<PictureCard> cards, int? total, string? error = null, int? line = null, int? column = null) =>
            new(text, orderingName, from, size, cards, total, error, line, column);

        DatasetSearchView view;
        var status = StatusCodes.Status200OK;
        try
        {
            if (text.Length > MaxQueryLength)
                throw new DatasetQueryException($"The query is {text.Length} characters long; at most {MaxQueryLength} are accepted.", null, null);
            if (size is < 1 or > DatasetSearchService.MaxLimit)
                throw new DatasetQueryException($"limit must be between 1 and {DatasetSearchService.MaxLimit}.", null, null);
            var order = DatasetOrderings.Parse(ordering);
            var result = await search.SearchAsync(session.Caller, text, order, from, size, withTotal: true, http.RequestAborted);
            var infos = await images.InfosAsync(result.Pictures.Select(p => p.Id).ToList(), http.RequestAborted);
            var cards = result.Pictures
                .Select(p => new PictureCard(p, infos.TryGetValue(p.Id, out var info) ? images.Thumbnail(info, session.Caller) : null))
                .ToList();
            view = View(cards, result.Total);
        }
        catch (DatasetQueryException e)
        {
            view = View([], null, e.Message, e.Line, e.Column);
            status = StatusCodes.Status400BadRequest;
        }
        catch (MementoException e) when (e.Code == ErrorCode.Validation)
        {
            view = View([], null, e.Message);
            status = StatusCodes.Status400BadRequest;
        }
        return Htmx.PageOrFragment<DatasetSearchPage, DatasetResults>(http, new { Session = session, View = view }, status);
    }

    private static async Task<IResult> PictureAsync(long id, HttpContext http, AccessPolicy policy, PictureReader reader,
        DatasetImages images)
    {
        var session = await PageSessions.ForAsync(http);
        var view = await LoadPictureAsync(session, id, policy, reader, images, http.RequestAborted);
        return Html.Page<PicturePage>(new { Session = session, View = view });
    }

    /// <summary>The picture page's content; NOT_FOUND alike for a missing picture and one the caller may not read.</summary>
    private static async Task<PictureView> LoadPictureAsync(PageSession session, long id, AccessPolicy policy,
        PictureReader reader, DatasetImages images, CancellationToken ct)
    {
        var caller = session.Caller;
        if (!await policy.SearchableImages(caller).AnyAsync(i => i.Id == id, ct))
            throw MementoException.NotFound("Picture", id);
        var picture = (await reader.ReadAsync([id], ct)).Single();
        var infos = await images.InfosAsync([id], ct);
        var imageUrl = infos.TryGetValue(id, out var info) ? images.Largest(info, caller) : null;
        var ratings = await reader.RatingsAsync(id, ct);
        return new PictureView(picture, imageUrl, RegionShapes.For(picture), ratings, CanRate: false, MyRating: null,
            Galleries: [], Writable: []);
    }
}
