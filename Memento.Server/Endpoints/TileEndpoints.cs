using System.Globalization;
using Memento.Imaging.Tiles;
using Microsoft.Extensions.Primitives;

namespace Memento.Server.Endpoints;

/// <summary>
/// Image files for viewers: <c>/tiles/{imageId}/{version}/{expiry}/{signature}/{file}</c>, where the prefix comes from
/// <see cref="TileUrlSigner.Sign"/> (handed out by the API with the image data) and the file is one ingest wrote
/// (<c>image.dzi</c>, <c>image_files/…</c>, <c>iiif/…</c>, <c>thumbnail.*</c>, …). No session or database is
/// consulted per request: <see cref="TileLookup"/> checks the signature and finds the file, this endpoint writes the
/// HTTP response (status, caching headers, conditional requests, body).
/// </summary>
public static class TileEndpoints
{
    private const string Pattern = "/tiles/{imageId:long}/{version}/{expiry:long}/{signature}/{**path}";

    // Private: a signed URL is one person's capability, so shared caches must not keep it; immutable: the files of a
    // version never change, so browsers need not even revalidate.
    private static readonly string CacheControl =
        string.Create(CultureInfo.InvariantCulture, $"private, max-age={(long)TileLookup.Lifetime.TotalSeconds}, immutable");

    public static IEndpointRouteBuilder MapTileEndpoints(this IEndpointRouteBuilder app)
    {
        // The lookup is a singleton taken once: a plain request delegate resolves nothing per tile, so no request
        // service scope is created, and skips the parameter binding a route handler would generate.
        var lookup = app.ServiceProvider.GetRequiredService<TileLookup>();
        app.MapMethods(Pattern, [HttpMethods.Get, HttpMethods.Head], ctx => ServeTile(ctx, lookup))
            .ExcludeFromDescription()
            // A signed URL is the whole authorisation: skip static files, authentication, rate limiting and antiforgery,
            // which cost every tile request and decide nothing for it.
            .ShortCircuit();
        return app;
    }

    private static async Task ServeTile(HttpContext ctx, TileLookup lookup)
    {
        var request = ctx.Request;
        var response = ctx.Response;
        var ct = ctx.RequestAborted;
        // The route's long constraints have already checked both numbers.
        var values = request.RouteValues;
        var imageId = long.Parse((string)values["imageId"]!, CultureInfo.InvariantCulture);
        var version = (string)values["version"]!;
        var expiry = long.Parse((string)values["expiry"]!, CultureInfo.InvariantCulture);
        var signature = (string)values["signature"]!;

        var file = await lookup.FindAsync(imageId, version, expiry, signature, values["path"] as string ?? "", ct);
        if (file.Status != TileStatus.Found)
        {
            response.StatusCode = file.Status == TileStatus.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status404NotFound;
            return;
        }
        if (file.NeedsPublicId)
        {
            // The IIIF id must be the URL this very client used (host, signed prefix), which only the request knows.
            var id = $"{request.Scheme}://{request.Host}{request.PathBase}/tiles/{imageId}/{version}/{expiry}/{signature}/iiif";
            file = await TileLookup.WithPublicIdAsync(file, id, ct);
        }

        var headers = response.Headers;
        headers.ETag = file.ETag;
        headers.CacheControl = CacheControl;
        // Signed URLs are capabilities: any IIIF viewer the holder chooses may fetch them.
        headers.AccessControlAllowOrigin = "*";
        if (request.Headers.IfNoneMatch is { Count: > 0 } ifNoneMatch && Matches(ifNoneMatch, file.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.ContentType = file.ContentType;
        response.ContentLength = file.Length;
        if (HttpMethods.IsHead(request.Method)) return;
        if (file.Bytes is { } bytes) await response.Body.WriteAsync(bytes, ct);
        else await response.SendFileAsync(file.FilePath!, 0, file.Length, ct);
    }

    /// <summary>If-None-Match by weak comparison (RFC 9110 §13.1.2): <c>*</c>, or any listed tag, W/ or not.</summary>
    private static bool Matches(StringValues ifNoneMatch, string etag)
    {
        foreach (var header in ifNoneMatch)
        {
            var value = (header ?? "").AsSpan();
            foreach (var range in value.Split(','))
            {
                var candidate = value[range].Trim();
                if (candidate is "*") return true;
                if (candidate.StartsWith("W/")) candidate = candidate[2..];
                if (candidate.SequenceEqual(etag)) return true;
            }
        }
        return false;
    }
}
