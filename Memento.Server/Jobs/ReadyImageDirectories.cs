using System.Collections.Concurrent;
using Memento.Imaging.Tiles;
using Memento.Schema.Data;
using Memento.Schema.Model;
using Memento.Server.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Memento.Server.Jobs;

/// <summary>
/// Image id → directory of a ready image, looked up once per image and process and then cached: a ready image's
/// directory never changes, and a deleted image's directory is gone from disk, so the cache cannot serve stale files.
/// Images that are not ready are not cached, so they become servable the moment ingest finishes.
/// </summary>
public sealed class ReadyImageDirectories(IServiceScopeFactory scopes, IOptions<MementoOptions> options) : ITileDirectoryResolver
{
    private const int MaxEntries = 100_000;
    private readonly ConcurrentDictionary<long, string> _cache = new();

    public async ValueTask<string?> ResolveAsync(long imageId, CancellationToken ct)
    {
        if (_cache.TryGetValue(imageId, out var dir)) return dir;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MementoDbContext>();
        var relative = await db.Images.AsNoTracking()
            .Where(i => i.Id == imageId && i.State == ImageProcessingState.Ready)
            .Select(i => i.StorageDirectory).SingleOrDefaultAsync(ct);
        if (relative is null) return null;
        dir = Path.Combine(options.Value.DataPath, relative);
        if (_cache.Count >= MaxEntries) _cache.Clear();
        _cache[imageId] = dir;
        return dir;
    }

    /// <summary>Drops the cached directory of an image whose files were replaced or deleted.</summary>
    public void Forget(long imageId) => _cache.TryRemove(imageId, out _);
}
