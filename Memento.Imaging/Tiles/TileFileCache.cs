using System.Collections.Concurrent;
using System.Diagnostics;

namespace Memento.Imaging.Tiles;

/// <summary>
/// Small image files (tiles, thumbnails, descriptors) kept in memory after their first read, so a hot tile costs no
/// open/read/close and no thread-pool hop for file I/O. Files under a version directory never change, so a cached
/// copy is always right while the file exists; entries are nevertheless re-read after <see cref="MaxAge"/>, which
/// bounds how long a deleted image's tiles stay servable from memory (to holders of a still-valid signed URL) on
/// instances that did not delete it. The byte budget is kept by evicting the least recently used entries.
/// </summary>
public sealed class TileFileCache
{
    /// <summary>A cached file: its bytes and the strong ETag computed from its length and modification time.</summary>
    public sealed class Entry(byte[] bytes, string etag, long loadedAt)
    {
        public byte[] Bytes { get; } = bytes;
        public string ETag { get; } = etag;
        internal long LoadedAt { get; } = loadedAt;
        internal long LastUsed = loadedAt;
    }

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _trimming = new();
    private long _bytes;

    public TileFileCache(long budgetBytes, int maxFileBytes = 512 * 1024, TimeSpan? maxAge = null)
    {
        BudgetBytes = budgetBytes;
        MaxFileBytes = maxFileBytes;
        MaxAge = maxAge ?? TimeSpan.FromMinutes(1);
    }

    /// <summary>Memory the cache may hold; 0 turns it off.</summary>
    public long BudgetBytes { get; }

    /// <summary>Larger files are streamed from disk every time.</summary>
    public int MaxFileBytes { get; }

    public TimeSpan MaxAge { get; }

    /// <summary>Bytes held now.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    public Entry? Get(string path)
    {
        if (!_entries.TryGetValue(path, out var entry)) return null;
        var now = Stopwatch.GetTimestamp();
        if (Stopwatch.GetElapsedTime(entry.LoadedAt, now) > MaxAge)
        {
            Remove(path, entry);
            return null;
        }
        entry.LastUsed = now;
        return entry;
    }

    /// <summary>Keeps <paramref name="bytes"/> for <paramref name="path"/> when it fits; returns the entry either way.</summary>
    public Entry Add(string path, byte[] bytes, string etag)
    {
        var entry = new Entry(bytes, etag, Stopwatch.GetTimestamp());
        if (BudgetBytes <= 0 || bytes.Length > MaxFileBytes || bytes.Length > BudgetBytes) return entry;
        if (_entries.TryAdd(path, entry) && Interlocked.Add(ref _bytes, bytes.Length) > BudgetBytes) Trim();
        return entry;
    }

    /// <summary>Drops every cached file under <paramref name="directory"/> (an image's files were deleted or replaced).</summary>
    public void ForgetDirectory(string directory)
    {
        var prefix = Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        foreach (var (path, entry) in _entries.ToArray())
            if (Path.GetFullPath(path).StartsWith(prefix, StringComparison.Ordinal)) Remove(path, entry);
    }

    private void Remove(string path, Entry entry)
    {
        if (_entries.TryRemove(new KeyValuePair<string, Entry>(path, entry))) Interlocked.Add(ref _bytes, -entry.Bytes.Length);
    }

    // Rare (only when the budget is crossed): drop the least recently used quarter of the budget in one pass, so
    // requests do not each pay for an eviction.
    private void Trim()
    {
        if (!_trimming.TryEnter()) return;
        try
        {
            var target = BudgetBytes * 3 / 4;
            foreach (var (path, entry) in _entries.ToArray().OrderBy(e => e.Value.LastUsed))
            {
                if (Bytes <= target) break;
                Remove(path, entry);
            }
        }
        finally { _trimming.Exit(); }
    }
}
