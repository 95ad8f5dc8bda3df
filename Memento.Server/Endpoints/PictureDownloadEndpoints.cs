using Memento.Domain.Datasets;
using Memento.Domain.Model;
using Memento.Domain.Services.Images;
using Memento.Domain.Services.Pictures;
using Memento.Server.Endpoints.DatasetApi;

namespace Memento.Server.Endpoints;

/// <summary>
/// <c>/pictures/{id}/download</c> (<see cref="PictureUrls.Download"/>): the original file as uploaded (ingest keeps it
/// as <c>original.&lt;ext&gt;</c> in the image's directory) with its MIME type, to whoever may search the picture —
/// anyone for a public project. An external image redirects to its URL.
/// </summary>
public static class PictureDownloadEndpoints
{
    public static IEndpointRouteBuilder MapPictureDownload(this IEndpointRouteBuilder app)
    {
        app.MapGet("/pictures/{id:long}/download", DownloadAsync).AllowAnonymous().WithApiErrors();
        return app;
    }

    private static async Task<IResult> DownloadAsync(HttpContext http, long id, PictureService pictures, ImageDirectories directories)
    {
        var file = await pictures.FileAsync(http.Caller(), id, http.RequestAborted);
        if (file.Type == ImageType.External) return TypedResults.Redirect(file.ExternalUrl!);
        var directory = directories.Full(file.StorageDirectory!);
        var original = Directory.Exists(directory) ? Directory.EnumerateFiles(directory, "original.*").FirstOrDefault() : null;
        if (original is null) return ApiErrors.Error(StatusCodes.Status404NotFound, $"Picture {id} has no stored file.");
        var name = Path.GetFileNameWithoutExtension(file.OriginalFileName ?? "") is { Length: > 0 } stem
            ? stem + Path.GetExtension(original) : $"picture-{id}{Path.GetExtension(original)}";
        return TypedResults.PhysicalFile(original, file.MimeType ?? "application/octet-stream", name, enableRangeProcessing: true);
    }
}
