using System.Collections.Concurrent;
using Memento.Imaging.Tiles;
using Memento.Domain.Data;
using Memento.Domain.Model;
using Memento.Server.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Memento.Server.Jobs;

/// <summary>
/// (Image id, version) → directory of a ready image, looked up once per version and process and then cached: the
/// files of a version never change, a replaced or deleted image's old directory is gone from disk, and a new file is
/// a new version, so no instance can serve stale files even when several share the database. Images that are not
/// ready are not cached, so they become servable the moment ingest finishes.
/// </summary>
public sealed class ReadyImageDirectories(IServiceScopeFactory scopes, IOptions<MementoOptions> options) : ITileDirectoryResolver
{
    private const int MaxEntries = 100_000;
    private readonly ConcurrentDictionary<(long, string), string> _cache = new();

    public async ValueTask<string?> ResolveAsync(long imageId, string version, CancellationToken ct)
    {
        if (_cache.TryGetValue((imageId, version), out var dir)) return dir;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MementoDbContext>();
        var relative = await db.Images.AsNoTracking()
            .Where(i => i.Id == imageId && i.State == ImageProcessingState.Ready)
            .Select(i => i.StorageDirectory).SingleOrDefaultAsync(ct);
        if (relative is null || TileUrlSigner.VersionOf(relative) != version) return null;
        dir = Path.Combine(options.Value.DataPath, relative);
        if (_cache.Count >= MaxEntries) _cache.Clear();
        _cache[(imageId, version)] = dir;
        return dir;
    }
}
