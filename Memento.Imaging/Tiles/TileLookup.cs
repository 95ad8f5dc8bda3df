using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Memento.Imaging.Tiles;

/// <summary>
/// Finds the files of a ready image under a signed prefix: Deep Zoom descriptor and tiles, IIIF info.json and
/// tiles, thumbnail, display copy and statistics. The signature is checked before anything touches the disk, so a
/// bad or expired URL gets the same answer whether the image exists or not. Files never change once an image is
/// ready (ingest renames a complete directory into place), so their ETags come from length and modification time
/// and they may be cached for <see cref="Lifetime"/>. Knows nothing of HTTP: the server's tile endpoint turns a
/// <see cref="TileFile"/> into a response.
/// </summary>
public sealed partial class TileLookup(TileUrlSigner signer, ITileDirectoryResolver directories, TileFileCache? cache = null)
{
    /// <summary>How long a client may keep a file: they are immutable, and a new file is a new version and URL.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

    private const string IiifContentType = "application/ld+json;profile=\"http://iiif.io/api/image/3/context.json\"";

    private readonly TileFileCache _cache = cache ?? new TileFileCache(0);
    private readonly ConcurrentDictionary<string, DeepZoomGeometry> _geometry = new(StringComparer.Ordinal);

    /// <summary>The file <paramref name="path"/> (relative to the image's directory) under a signed prefix.</summary>
    public async ValueTask<TileFile> FindAsync(long imageId, string version, long expiry, string signature, string path, CancellationToken ct)
    {
        if (!signer.IsValid(imageId, version, expiry, signature)) return TileFile.Forbidden;
        if (!AllowedPath().IsMatch(path) || await directories.ResolveAsync(imageId, version, ct) is not { } dir)
            return TileFile.NotFound;
        if (path == "iiif/info.json")
        {
            var info = new FileInfo(Path.Combine(dir, path));
            return info.Exists ? TileFile.OnDisk(info.FullName, info.Length, ETagOf(info), IiifContentType, needsPublicId: true) : TileFile.NotFound;
        }
        if (path.StartsWith("iiif/", StringComparison.Ordinal) && !path.StartsWith("iiif/full/", StringComparison.Ordinal))
        {
            var parts = path.Split('/'); // iiif, region, size, 0, default.ext
            if (await GeometryAsync(dir, ct) is not { } g
                || IiifTileMap.ToDeepZoom(g, parts[1], parts[2], Path.GetExtension(parts[4])[1..]) is not { } mapped)
                return TileFile.NotFound;
            path = mapped;
        }

        var fullPath = Path.Combine(dir, path);
        var contentType = ContentTypeOf(path);
        if (_cache.Get(fullPath) is { } cached) return TileFile.InMemory(cached.Bytes, cached.ETag, contentType);
        var file = new FileInfo(fullPath);
        if (!file.Exists) return TileFile.NotFound;
        var etag = ETagOf(file);
        if (file.Length > _cache.MaxFileBytes || _cache.BudgetBytes <= 0) return TileFile.OnDisk(file.FullName, file.Length, etag, contentType);
        var entry = _cache.Add(fullPath, await File.ReadAllBytesAsync(fullPath, ct), etag);
        return TileFile.InMemory(entry.Bytes, entry.ETag, contentType);
    }

    /// <summary>
    /// An <c>info.json</c> found by <see cref="FindAsync"/> with its IIIF <c>id</c> set to <paramref name="publicId"/>,
    /// the URL of the image's IIIF base as the client reached it. Its ETag depends on that URL too, so a client that
    /// reached the same file under another host or prefix does not reuse a body naming the wrong one.
    /// </summary>
    public static async ValueTask<TileFile> WithPublicIdAsync(TileFile info, string publicId, CancellationToken ct)
    {
        if (!info.NeedsPublicId) throw new ArgumentException("Only an info.json needs a public id.", nameof(info));
        var body = (await File.ReadAllTextAsync(info.FilePath!, ct)).Replace(IiifLayoutWriter.IdPlaceholder, publicId);
        var etag = info.ETag[..^1] + $"-{(uint)StringComparer.Ordinal.GetHashCode(publicId) ^ (uint)publicId.Length:x}\"";
        return TileFile.InMemory(Encoding.UTF8.GetBytes(body), etag, info.ContentType);
    }

    private static string ETagOf(FileInfo file) => $"\"{file.Length:x}-{file.LastWriteTimeUtc.Ticks:x}\"";

    /// <summary>Image size from the image's <c>image.json</c>, read once per image directory (it never changes).</summary>
    private async ValueTask<DeepZoomGeometry?> GeometryAsync(string dir, CancellationToken ct)
    {
        if (_geometry.TryGetValue(dir, out var g)) return g;
        var manifest = Path.Combine(dir, "image.json");
        if (!File.Exists(manifest)) return null;
        await using var stream = File.OpenRead(manifest);
        using var json = await JsonDocument.ParseAsync(stream, cancellationToken: ct);
        g = new DeepZoomGeometry(json.RootElement.GetProperty("width").GetInt32(), json.RootElement.GetProperty("height").GetInt32());
        if (_geometry.Count > 100_000) _geometry.Clear();
        _geometry[dir] = g;
        return g;
    }

    private static string ContentTypeOf(string path) => Path.GetExtension(path.AsSpan()) switch
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
