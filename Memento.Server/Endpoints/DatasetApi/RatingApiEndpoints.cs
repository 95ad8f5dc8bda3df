using System.Text.Json;
using System.Text.Json.Nodes;
using Memento.Domain.Authorization;
using Memento.Domain.Services.Ratings;

namespace Memento.Server.Endpoints.DatasetApi;

/// <summary>
/// The document's <c>POST /api/picture/&lt;id&gt;/rate</c>: <c>{"rating": 1-5}</c> puts (or replaces) the caller's
/// stars, <c>{"rating": false}</c> deletes them. Answers the picture's ratings after the change in the keys of
/// <c>/api/picture/&lt;id&gt;</c> (<c>rating_average</c>, <c>rating_count</c>) plus the caller's own <c>rating</c>.
/// </summary>
public static class RatingApiEndpoints
{
    public static RouteGroupBuilder MapRatingApi(this RouteGroupBuilder api)
    {
        api.MapPost("/picture/{id:long}/rate", RateAsync); // routing matches a trailing slash too
        return api;
    }

    private static async Task<IResult> RateAsync(HttpContext http, long id, RatingService ratings)
    {
        var caller = http.Caller();
        caller.RequireUserId();
        var body = await ApiJson.ReadObjectAsync(http.Request);
        int? stars = body.TryGetProperty("rating", out var value) ? value.ValueKind switch
        {
            JsonValueKind.False => null,
            // The document's key is "rating": range errors name it, not the GraphQL input's "stars".
            JsonValueKind.Number when value.TryGetInt32(out var n) && n is >= RatingService.MinStars and <= RatingService.MaxStars => n,
            _ => throw Invalid(),
        } : throw Invalid();
        var after = stars is { } s
            ? await ratings.RateAsync(caller, id, s, http.RequestAborted)
            : await ratings.RemoveAsync(caller, id, http.RequestAborted);
        return PictureJson.Json(PictureJson.WithRatings(new JsonObject { ["id"] = id, ["rating"] = stars }, after));
    }

    private static MementoException Invalid() =>
        MementoException.Validation("rating", "'rating' must be a whole number of stars from 1 to 5, or false to delete your rating.");
}
