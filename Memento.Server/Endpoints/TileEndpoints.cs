using System.Globalization;
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
    private const string Pattern = "/tiles/{imageId:long}/{version}/{expiry:long}/{signature}/{**path}";

    public static IEndpointRouteBuilder MapTileEndpoints(this IEndpointRouteBuilder app)
    {
        // The handler is a singleton taken once: a plain request delegate resolves nothing per tile, so no request
        // service scope is created, and skips the parameter binding a route handler would generate.
        var handler = app.ServiceProvider.GetRequiredService<TileRequestHandler>();
        app.MapMethods(Pattern, [HttpMethods.Get, HttpMethods.Head], ctx => ServeTile(ctx, handler))
            .ExcludeFromDescription()
            // A signed URL is the whole authorisation: skip static files, authentication, rate limiting and antiforgery,
            // which cost every tile request and decide nothing for it.
            .ShortCircuit();
        return app;
    }

    private static Task ServeTile(HttpContext ctx, TileRequestHandler handler)
    {
        // The route's long constraints have already checked both numbers.
        var values = ctx.Request.RouteValues;
        return handler.HandleAsync(ctx,
            long.Parse((string)values["imageId"]!, CultureInfo.InvariantCulture),
            (string)values["version"]!,
            long.Parse((string)values["expiry"]!, CultureInfo.InvariantCulture),
            (string)values["signature"]!,
            values["path"] as string ?? "");
    }
}
