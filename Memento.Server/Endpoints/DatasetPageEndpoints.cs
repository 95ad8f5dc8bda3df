using Memento.Domain.Authorization;
using Memento.Domain.Datasets;
using Memento.Domain.Services.Galleries;
using Memento.Domain.Services.Licences;
using Memento.Domain.Services.Natures;
using Memento.Domain.Services.ObjectTypes;
using Memento.Server.Auth;
using Memento.Domain.Services.Pictures;
using Memento.Domain.Services.Ratings;
using Microsoft.AspNetCore.Mvc;
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
        pages.MapGet("/datasets/vocabulary", VocabularyAsync);
        pages.MapGet("/pictures/{id:long}", PictureAsync);
        pages.MapPost("/pictures/{id:long}/rating", RateAsync);
        pages.MapPost("/pictures/{id:long}/galleries", AddToGalleryAsync);
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

    /// <summary>At most this many ids of each kind are offered for completion.</summary>
    public const int MaxCompletions = 5_000;

    /// <summary>The ids the query editor completes inside has/has_object, licence and nature lists (readable by anyone).</summary>
    private static async Task<IResult> VocabularyAsync(HttpContext http, ObjectTypeService objects, LicenceService licences,
        NatureService natures)
    {
        var ct = http.RequestAborted;
        var caller = CallerFromPrincipal.From(http.User);
        return Results.Json(new
        {
            objects = (await objects.ListAsync(caller, ct)).Select(o => o.Id).Take(MaxCompletions),
            licences = (await licences.ListAsync(ct)).Select(l => l.Id).Take(MaxCompletions),
            natures = (await natures.ListAsync(ct)).Select(n => n.Id).Take(MaxCompletions),
        });
    }

    private static async Task<IResult> PictureAsync(long id, HttpContext http, PictureService pictures,
        RatingService ratings, GalleryService galleries, PictureReader reader, DatasetImages images)
    {
        var session = await PageSessions.ForAsync(http);
        var view = await LoadPictureAsync(session, id, pictures, ratings, galleries, reader, images, http.RequestAborted);
        return Html.Page<PicturePage>(new { Session = session, View = view });
    }

    public sealed class RatingForm { public int? Stars { get; set; } }

    public sealed class GalleryForm { public long? GalleryId { get; set; } }

    /// <summary>Five stars by click; 0 removes the caller's rating. htmx gets the rating section, a plain form the page.</summary>
    private static async Task<IResult> RateAsync(long id, HttpContext http, PictureService pictures, RatingService ratings,
        GalleryService galleries, PictureReader reader, DatasetImages images, [FromForm] RatingForm form)
    {
        var session = await PageSessions.ForAsync(http);
        var ct = http.RequestAborted;
        string? error = null;
        try
        {
            if (form.Stars is 0) await ratings.RemoveAsync(session.Caller, id, ct);
            else await ratings.RateAsync(session.Caller, id, form.Stars ?? -1, ct);
        }
        catch (MementoException e) when (e.Code == ErrorCode.Validation)
        {
            error = e.Message;
        }
        if (error is null && !session.WantsFragment) return Htmx.SeeOther(http, PictureUrls.Page(id));
        var view = await LoadPictureAsync(session, id, pictures, ratings, galleries, reader, images, ct) with { Error = error };
        return Answer<PictureRating>(http, session, view, error);
    }

    /// <summary>Adds the picture to a gallery the caller may add to.</summary>
    private static async Task<IResult> AddToGalleryAsync(long id, HttpContext http, PictureService pictures,
        RatingService ratings, GalleryService galleries, PictureReader reader, DatasetImages images, [FromForm] GalleryForm form)
    {
        var session = await PageSessions.ForAsync(http);
        var ct = http.RequestAborted;
        string? error = null, message = null;
        try
        {
            if (form.GalleryId is not { } galleryId)
                throw MementoException.Validation("galleryId", "Choose a gallery.");
            await galleries.AddPictureAsync(session.Caller, galleryId, id, ct);
            message = $"Added to “{(await galleries.GetAsync(session.Caller, galleryId, ct)).Title}”.";
        }
        catch (MementoException e) when (e.Code == ErrorCode.Validation)
        {
            error = e.Message;
        }
        if (error is null && !session.WantsFragment) return Htmx.SeeOther(http, PictureUrls.Page(id));
        var view = await LoadPictureAsync(session, id, pictures, ratings, galleries, reader, images, ct) with { Message = message, Error = error };
        return Answer<PictureGalleries>(http, session, view, error);
    }

    // htmx: just the section; a plain post with an error: the whole page with the message next to the form.
    private static IResult Answer<TSection>(HttpContext http, PageSession session, PictureView view, string? error)
        where TSection : Microsoft.AspNetCore.Components.IComponent =>
        Htmx.PageOrFragment<PicturePage, TSection>(http, new { Session = session, View = view },
            error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);

    /// <summary>The picture page's content; NOT_FOUND alike for a missing picture and one the caller may not read.</summary>
    private static async Task<PictureView> LoadPictureAsync(PageSession session, long id, PictureService pictures,
        RatingService ratings, GalleryService galleries, PictureReader reader, DatasetImages images, CancellationToken ct)
    {
        var caller = session.Caller;
        var picture = await pictures.GetAsync(caller, id, ct);
        var infos = await images.InfosAsync([id], ct);
        var imageUrl = infos.TryGetValue(id, out var info) ? images.Largest(info, caller) : null;
        static GalleryLink Link(GalleryInfo g) => new(g.Id, g.Title);
        return new PictureView(picture, imageUrl, RegionShapes.For(picture), await reader.RatingsAsync(id, ct),
            CanRate: session.SignedIn, MyRating: await ratings.MineAsync(caller, id, ct),
            Galleries: (await galleries.ForPictureAsync(caller, id, ct)).Select(Link).ToList(),
            Writable: (await galleries.WritableAsync(caller, ct)).Select(Link).ToList());
    }
}
