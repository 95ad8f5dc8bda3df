using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Memento.Imaging.Tiles;

/// <summary>
/// Serves the files of a ready image under a signed prefix: Deep Zoom descriptor and tiles, IIIF info.json and
/// tiles, thumbnail, display copy and statistics. Files never change once an image is ready (ingest renames a
/// complete directory into place), so they get strong ETags from length and modification time, and an immutable,
/// private one-year cache lifetime. The signature is checked before anything touches the disk, so a bad or expired
/// URL gets the same 403 whether the image exists or not.
/// </summary>
public sealed partial class TileRequestHandler(TileUrlSigner signer, ITileDirectoryResolver directories, TileFileCache? cache = null)
{
    private readonly TileFileCache _cache = cache ?? new TileFileCache(0);

    public const string CacheControl = "private, max-age=31536000, immutable";
    private const string IiifContentType = "application/ld+json;profile=\"http://iiif.io/api/image/3/context.json\"";

    public async Task HandleAsync(HttpContext ctx, long imageId, string version, long expiry, string signature, string path)
    {
        var response = ctx.Response;
        if (!signer.IsValid(imageId, version, expiry, signature))
        {
            response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        if (!AllowedPath().IsMatch(path) || await directories.ResolveAsync(imageId, version, ctx.RequestAborted) is not { } dir)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        if (path.StartsWith("iiif/", StringComparison.Ordinal) && !path.StartsWith("iiif/full/", StringComparison.Ordinal)
            && path != "iiif/info.json")
        {
            var parts = path.Split('/'); // iiif, region, size, 0, default.ext
            if (await GeometryAsync(dir, ctx.RequestAborted) is not { } g
                || IiifTileMap.ToDeepZoom(g, parts[1], parts[2], Path.GetExtension(parts[4])[1..]) is not { } mapped)
            {
                response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            path = mapped;
        }
        var fullPath = Path.Combine(dir, path);
        var isInfo = path == "iiif/info.json";
        var cached = isInfo ? null : _cache.Get(fullPath);
        FileInfo? file = null;
        string etag;
        if (cached is not null) etag = cached.ETag;
        else
        {
            file = new FileInfo(fullPath);
            if (!file.Exists)
            {
                response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            etag = $"\"{file.Length:x}-{file.LastWriteTimeUtc.Ticks:x}\"";
            if (!isInfo && file.Length <= _cache.MaxFileBytes && _cache.BudgetBytes > 0)
                cached = _cache.Add(fullPath, await File.ReadAllBytesAsync(fullPath, ctx.RequestAborted), etag);
        }

        string? body = null;
        if (isInfo)
        {
            // The IIIF id must be the URL this very client used (host, signed prefix), so it is filled in here.
            var id = $"{ctx.Request.Scheme}://{ctx.Request.Host}{ctx.Request.PathBase}/tiles/{imageId}/{version}/{expiry}/{signature}/iiif";
            body = (await File.ReadAllTextAsync(fullPath, ctx.RequestAborted)).Replace(IiifLayoutWriter.IdPlaceholder, id);
            etag = etag[..^1] + $"-{(uint)StringComparer.Ordinal.GetHashCode(id) ^ (uint)id.Length:x}\"";
        }

        var headers = response.Headers;
        headers.ETag = etag;
        headers.CacheControl = CacheControl;
        // Signed URLs are capabilities: any IIIF viewer the holder chooses may fetch them.
        headers.AccessControlAllowOrigin = "*";
        if (ctx.Request.Headers.IfNoneMatch is { Count: > 0 } inm && Matches(inm.ToString(), etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.ContentType = isInfo ? IiifContentType : ContentTypeOf(path);
        if (body is not null)
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(body);
            response.ContentLength = bytes.Length;
            if (!HttpMethods.IsHead(ctx.Request.Method)) await response.Body.WriteAsync(bytes, ctx.RequestAborted);
            return;
        }
        if (cached is not null)
        {
            response.ContentLength = cached.Bytes.Length;
            if (!HttpMethods.IsHead(ctx.Request.Method)) await response.Body.WriteAsync(cached.Bytes, ctx.RequestAborted);
            return;
        }
        response.ContentLength = file!.Length;
        if (!HttpMethods.IsHead(ctx.Request.Method))
            await response.SendFileAsync(file.FullName, 0, file.Length, ctx.RequestAborted);
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DeepZoomGeometry> _geometry = new();

    /// <summary>Image size from the image's <c>image.json</c>, read once per image directory (it never changes).</summary>
    private async ValueTask<DeepZoomGeometry?> GeometryAsync(string dir, CancellationToken ct)
    {
        if (_geometry.TryGetValue(dir, out var g)) return g;
        var manifest = Path.Combine(dir, "image.json");
        if (!File.Exists(manifest)) return null;
        await using var stream = File.OpenRead(manifest);
        using var json = await System.Text.Json.JsonDocument.ParseAsync(stream, cancellationToken: ct);
        g = new DeepZoomGeometry(json.RootElement.GetProperty("width").GetInt32(), json.RootElement.GetProperty("height").GetInt32());
        if (_geometry.Count > 100_000) _geometry.Clear();
        _geometry[dir] = g;
        return g;
    }

    private static bool Matches(string ifNoneMatch, string etag)
    {
        if (ifNoneMatch.Trim() == "*") return true;
        foreach (var candidate in ifNoneMatch.Split(',', StringSplitOptions.TrimEntries))
            if (candidate == etag || candidate == "W/" + etag) return true;
        return false;
    }

    private static string ContentTypeOf(string path) => Path.GetExtension(path) switch
    {
        ".jpg" => "image/jpeg",
        ".png" => "image/png",
        ".dzi" => "application/xml",
        _ => "application/json",
    };

    // Exactly the files ingest writes; anything else (the original upload, "..", other names) is not served.
    [GeneratedRegex(@"^(image\.dzi|image_files/\d{1,2}/\d{1,7}_\d{1,7}\.(jpg|png)|(thumbnail|display)\.(jpg|png)|stats\.json|iiif/info\.json|iiif/(full|\d{1,10},\d{1,10},\d{1,10},\d{1,10})/(max|\d{1,6},|\d{1,6},\d{1,6})/0/default\.(jpg|png))$", RegexOptions.CultureInvariant)]
    private static partial Regex AllowedPath();
}
