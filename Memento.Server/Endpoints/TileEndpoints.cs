using Memento.Imaging.Tiles;

namespace Memento.Server.Endpoints;

/// <summary>
/// Image files for viewers: <c>/tiles/{imageId}/{version}/{expiry}/{signature}/{file}</c>, where the prefix comes from
/// <see cref="TileUrlSigner.Sign"/> (handed out by the API with the image data) and the file is one ingest wrote
/// (<c>image.dzi</c>, <c>image_files/…</c>, <c>iiif/…</c>, <c>thumbnail.*</c>, …). No session or database is
/// consulted per request; see <see cref="TileRequestHandler"/>.
/// </summary>
public static class TileEndpoints
{
    public static IEndpointRouteBuilder MapTileEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/tiles");
        group.MapMethods("/{imageId:long}/{version}/{expiry:long}/{signature}/{**path}", [HttpMethods.Get, HttpMethods.Head], ServeTile)
            .ExcludeFromDescription()
            // A signed URL is the whole authorisation: skip static files, authentication, rate limiting and antiforgery,
            // which cost every tile request and decide nothing for it.
            .ShortCircuit();
        return app;
    }

    private static Task ServeTile(HttpContext ctx, long imageId, string version, long expiry, string signature, string path,
        TileRequestHandler handler) => handler.HandleAsync(ctx, imageId, version, expiry, signature, path);
}
