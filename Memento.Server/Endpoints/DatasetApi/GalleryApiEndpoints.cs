using Memento.Domain.Authorization;
using Memento.Domain.Services.Galleries;

namespace Memento.Server.Endpoints.DatasetApi;

/// <summary>
/// The document's gallery endpoints. <c>GET /api/gallery/&lt;id&gt;</c> answers the public metadata
/// <c>{id, title, description, owner, users}</c> (users: the trusted users' names); the pictures are found with a
/// query (<c>in_gallery</c>). Writes: <c>/api/new-gallery</c> and <c>/api/gallery/&lt;id&gt;/edit</c> take
/// <c>{title, description}</c>; <c>/add-picture</c> and <c>/remove-picture</c> take <c>{"picture_id": n}</c> (the
/// document names add-picture twice, a typo for the reverse); <c>/users/add</c> and <c>/users/remove</c> take
/// <c>{"username": …}</c>. Paths answer with and without the trailing slash.
/// </summary>
public static class GalleryApiEndpoints
{
    public static RouteGroupBuilder MapGalleryApi(this RouteGroupBuilder api)
    {
        // Routing matches these with a trailing slash too.
        api.MapGet("/gallery/{id:long}", GetAsync);
        api.MapPost("/new-gallery", CreateAsync);
        api.MapPost("/gallery/{id:long}/edit", EditAsync);
        api.MapPost("/gallery/{id:long}/delete", DeleteAsync);
        api.MapPost("/gallery/{id:long}/add-picture", AddPictureAsync);
        api.MapPost("/gallery/{id:long}/remove-picture", RemovePictureAsync);
        api.MapPost("/gallery/{id:long}/users/add", TrustAsync);
        api.MapPost("/gallery/{id:long}/users/remove", UntrustAsync);
        return api;
    }

    private static async Task<IResult> GetAsync(HttpContext http, long id, GalleryService galleries) =>
        Json(await galleries.GetAsync(http.Caller(), id, http.RequestAborted));

    private static async Task<IResult> CreateAsync(HttpContext http, GalleryService galleries)
    {
        http.Caller().RequireUserId();
        var body = await ApiJson.ReadObjectAsync(http.Request);
        var gallery = await galleries.CreateAsync(http.Caller(), ApiJson.String(body, "title") ?? "",
            ApiJson.String(body, "description") ?? "", http.RequestAborted);
        return TypedResults.Json(new Dictionary<string, object?> { ["id"] = gallery.Id });
    }

    private static async Task<IResult> EditAsync(HttpContext http, long id, GalleryService galleries)
    {
        http.Caller().RequireUserId();
        var body = await ApiJson.ReadObjectAsync(http.Request);
        var current = await galleries.GetAsync(http.Caller(), id, http.RequestAborted);
        // A key left out keeps its value, so a script may change the description alone.
        return Json(await galleries.EditAsync(http.Caller(), id, ApiJson.String(body, "title") ?? current.Title,
            ApiJson.String(body, "description") ?? current.Description, http.RequestAborted));
    }

    private static async Task<IResult> DeleteAsync(HttpContext http, long id, GalleryService galleries)
    {
        await galleries.DeleteAsync(http.Caller(), id, http.RequestAborted);
        return TypedResults.Json(new Dictionary<string, object?> { ["ok"] = true });
    }

    private static async Task<IResult> AddPictureAsync(HttpContext http, long id, GalleryService galleries)
    {
        http.Caller().RequireUserId();
        await galleries.AddPictureAsync(http.Caller(), id, await PictureIdAsync(http), http.RequestAborted);
        return TypedResults.Json(new Dictionary<string, object?> { ["ok"] = true });
    }

    private static async Task<IResult> RemovePictureAsync(HttpContext http, long id, GalleryService galleries)
    {
        http.Caller().RequireUserId();
        await galleries.RemovePictureAsync(http.Caller(), id, await PictureIdAsync(http), http.RequestAborted);
        return TypedResults.Json(new Dictionary<string, object?> { ["ok"] = true });
    }

    private static async Task<IResult> TrustAsync(HttpContext http, long id, GalleryService galleries)
    {
        http.Caller().RequireUserId();
        return Json(await galleries.TrustAsync(http.Caller(), id, await UserNameAsync(http), http.RequestAborted));
    }

    private static async Task<IResult> UntrustAsync(HttpContext http, long id, GalleryService galleries)
    {
        http.Caller().RequireUserId();
        return Json(await galleries.UntrustAsync(http.Caller(), id, await UserNameAsync(http), http.RequestAborted));
    }

    private static async Task<long> PictureIdAsync(HttpContext http)
    {
        var body = await ApiJson.ReadObjectAsync(http.Request);
        return body.TryGetProperty("picture_id", out var v) && v.ValueKind == System.Text.Json.JsonValueKind.Number
            && v.TryGetInt64(out var id) ? id
            : throw MementoException.Validation("picture_id", "'picture_id' must be the picture's numeric id.");
    }

    private static async Task<string> UserNameAsync(HttpContext http) =>
        ApiJson.String(await ApiJson.ReadObjectAsync(http.Request), "username")
        ?? throw MementoException.Validation("username", "'username' must name a user.");

    private static IResult Json(GalleryInfo g) => TypedResults.Json(new Dictionary<string, object?>
    {
        ["id"] = g.Id, ["title"] = g.Title, ["description"] = g.Description, ["owner"] = g.Owner,
        ["users"] = g.TrustedUsers,
    });
}
