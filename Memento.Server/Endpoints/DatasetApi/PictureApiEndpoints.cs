using System.Text.Json;
using Memento.Domain.Datasets;
using Memento.Domain.Services.Pictures;
using Memento.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Memento.Server.Endpoints.DatasetApi;

/// <summary>
/// The document's picture endpoints, thin adapters over <see cref="PictureService"/>: upload (multipart <c>json</c> +
/// <c>file</c> → <c>{"id": n}</c>), read (the document's keys plus ratings), update, delete, put-file, and
/// <c>/regions</c> (the raw region list as the body: replaces the caller's regions). Paths answer with and without
/// the trailing slash.
/// </summary>
public static class PictureApiEndpoints
{
    public static RouteGroupBuilder MapPictureApi(this RouteGroupBuilder api)
    {
        api.MapPost("/upload", UploadAsync);
        api.MapGet("/picture/{id:long}", GetAsync);
        api.MapPost("/picture/{id:long}/update", UpdateAsync);
        api.MapPost("/picture/{id:long}/delete", DeleteAsync);
        api.MapPost("/picture/{id:long}/put-file", PutFileAsync);
        api.MapPost("/picture/{id:long}/regions", SetRegionsAsync);
        return api;
    }

    private static async Task<IResult> UploadAsync(HttpContext http, PictureService pictures,
        IOptions<DatasetOptions> dataset, IOptions<MementoOptions> memento)
    {
        // Refused before a byte of the file is stored.
        http.Caller().RequireUserId();
        await using var form = await ApiMultipart.ReadAsync(http, Incoming(memento), dataset.Value.MaxUploadBytes);
        if (!form.Fields.TryGetValue("json", out var text))
            throw Domain.Authorization.MementoException.Validation("json", "Send the picture's metadata as the form's 'json' field.");
        var json = ApiJson.Parse(System.Text.Encoding.UTF8.GetBytes(text), "json");
        var metadata = new PictureMetadata(ApiJson.String(json, "title"), ApiJson.String(json, "description"),
            ApiJson.String(json, "origin_url"), ApiJson.StringList(json, "licence"), ApiJson.String(json, "nature"));
        var picture = await pictures.UploadAsync(http.Caller(), metadata, form.RequireFile(),
            ApiJson.RegionsIn(json, "annotations"), http.RequestAborted);
        return TypedResults.Json(new Dictionary<string, object?> { ["id"] = picture.Id });
    }

    private static async Task<IResult> GetAsync(HttpContext http, long id, PictureService pictures, PictureReader reader)
    {
        var picture = await pictures.GetAsync(http.Caller(), id, http.RequestAborted);
        return PictureJson.Json(PictureJson.WithRatings(PictureJson.Of(picture, PictureJson.Origin(http)),
            await reader.RatingsAsync(id, http.RequestAborted)));
    }

    private static async Task<IResult> UpdateAsync(HttpContext http, long id, PictureService pictures)
    {
        var body = await ApiJson.ReadObjectAsync(http.Request);
        var picture = await pictures.UpdateAsync(http.Caller(), id, new PictureMetadata(ApiJson.String(body, "title"),
            ApiJson.String(body, "description"), ApiJson.String(body, "origin_url"), ApiJson.StringList(body, "licence_ids"),
            ApiJson.String(body, "nature_id")), http.RequestAborted);
        return PictureJson.Json(PictureJson.Of(picture, PictureJson.Origin(http)));
    }

    private static async Task<IResult> DeleteAsync(HttpContext http, long id, PictureService pictures)
    {
        await pictures.DeleteAsync(http.Caller(), id, http.RequestAborted);
        return TypedResults.Json(new Dictionary<string, object?> { ["id"] = id, ["deleted"] = true });
    }

    private static async Task<IResult> PutFileAsync(HttpContext http, long id, PictureService pictures,
        IOptions<DatasetOptions> dataset, IOptions<MementoOptions> memento)
    {
        http.Caller().RequireUserId();
        await using var form = await ApiMultipart.ReadAsync(http, Incoming(memento), dataset.Value.MaxUploadBytes);
        var picture = await pictures.PutFileAsync(http.Caller(), id, form.RequireFile(), http.RequestAborted);
        return TypedResults.Json(new Dictionary<string, object?> { ["id"] = picture.Id });
    }

    private static async Task<IResult> SetRegionsAsync(HttpContext http, long id, PictureService pictures)
    {
        var body = await ApiJson.ReadAsync(http.Request);
        var regions = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("regions", out var list)
            ? ApiJson.Regions(list, "regions") : ApiJson.Regions(body, "regions");
        var picture = await pictures.SetRegionsAsync(http.Caller(), id, regions, http.RequestAborted);
        return PictureJson.Json(PictureJson.Of(picture, PictureJson.Origin(http)));
    }

    private static string Incoming(IOptions<MementoOptions> memento) => Path.Combine(memento.Value.DataPath, "uploads", "incoming");
}
