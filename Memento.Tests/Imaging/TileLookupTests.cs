using Memento.Imaging.Tiles;
using Memento.Tests.Support;

namespace Memento.Tests.Imaging;

/// <summary>
/// The lookup behind the tile endpoint, without HTTP: what a signed prefix opens, where the bytes come from, and the
/// IIIF descriptor naming the URL it was reached under.
/// </summary>
public sealed class TileLookupTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("memento-tilelookup-").FullName;
    private readonly TestClock _clock = new(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));
    private readonly TileUrlSigner _signer;
    private readonly CountingResolver _resolver;

    public TileLookupTests()
    {
        _signer = new TileUrlSigner(new byte[32], _clock);
        _resolver = new CountingResolver(_dir);
        Directory.CreateDirectory(Path.Combine(_dir, "image_files", "9"));
        File.WriteAllBytes(Path.Combine(_dir, "image_files", "9", "0_0.jpg"), [0xFF, 0xD8, 0xFF, 1, 2, 3]);
        File.WriteAllBytes(Path.Combine(_dir, "display.png"), new byte[2048]);
        Directory.CreateDirectory(Path.Combine(_dir, "iiif"));
        File.WriteAllText(Path.Combine(_dir, "iiif", "info.json"), $$"""{"id":"{{IiifLayoutWriter.IdPlaceholder}}","width":1}""");
        File.WriteAllText(Path.Combine(_dir, "original.tif"), "the upload");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private ValueTask<TileFile> Find(TileLookup lookup, string path, long imageId = 1, string? signature = null)
    {
        var parts = _signer.Sign(1, "v1", TimeSpan.FromHours(1)).Split('/'); // "", tiles, id, version, expiry, signature, ""
        return lookup.FindAsync(imageId, parts[3], long.Parse(parts[4]), signature ?? parts[5], path, CancellationToken.None);
    }

    [Fact]
    public async Task A_bad_signature_is_forbidden_before_the_disk_or_database_is_asked()
    {
        var lookup = new TileLookup(_signer, _resolver);
        Assert.Equal(TileStatus.Forbidden, (await Find(lookup, "image_files/9/0_0.jpg", signature: "AAAAAAAAAAAAAAAAAAAAAA")).Status);
        Assert.Equal(TileStatus.Forbidden, (await Find(lookup, "image_files/9/0_0.jpg", imageId: 2)).Status);
        Assert.Equal(0, _resolver.Calls);
    }

    [Theory]
    [InlineData("original.tif")]
    [InlineData("image_files/../original.tif")]
    [InlineData("image_files/9/5_5.jpg")]
    public async Task Only_files_ingest_wrote_and_that_exist_are_found(string path)
    {
        Assert.Equal(TileStatus.NotFound, (await Find(new TileLookup(_signer, _resolver), path)).Status);
    }

    [Fact]
    public async Task A_small_file_comes_from_memory_once_read_with_its_type_and_a_strong_etag()
    {
        var lookup = new TileLookup(_signer, _resolver, new TileFileCache(1024 * 1024));
        var first = await Find(lookup, "image_files/9/0_0.jpg");
        Assert.Equal(TileStatus.Found, first.Status);
        Assert.Equal("image/jpeg", first.ContentType);
        Assert.Equal([0xFF, 0xD8, 0xFF, 1, 2, 3], first.Bytes);
        Assert.Equal(6, first.Length);
        Assert.Matches("^\"[0-9a-f]+-[0-9a-f]+\"$", first.ETag);

        File.Delete(Path.Combine(_dir, "image_files", "9", "0_0.jpg"));
        var second = await Find(lookup, "image_files/9/0_0.jpg");
        Assert.Same(first.Bytes, second.Bytes); // no disk access for a hot tile
        Assert.Equal(first.ETag, second.ETag);
    }

    [Fact]
    public async Task A_file_too_large_for_the_cache_is_streamed_from_disk()
    {
        var lookup = new TileLookup(_signer, _resolver, new TileFileCache(1024 * 1024, maxFileBytes: 1024));
        var display = await Find(lookup, "display.png");
        Assert.Equal(TileStatus.Found, display.Status);
        Assert.Null(display.Bytes);
        Assert.Equal(Path.Combine(_dir, "display.png"), display.FilePath);
        Assert.Equal(2048, display.Length);
        Assert.Equal("image/png", display.ContentType);
    }

    [Fact]
    public async Task Info_json_names_the_url_the_client_used_and_its_etag_follows_that_url()
    {
        var lookup = new TileLookup(_signer, _resolver, new TileFileCache(1024 * 1024));
        var info = await Find(lookup, "iiif/info.json");
        Assert.True(info.NeedsPublicId);
        Assert.StartsWith("application/ld+json", info.ContentType);

        var here = await TileLookup.WithPublicIdAsync(info, "https://a.example/tiles/1/v1/9/s/iiif", CancellationToken.None);
        var there = await TileLookup.WithPublicIdAsync(info, "https://b.example/tiles/1/v1/9/s/iiif", CancellationToken.None);
        Assert.Equal("""{"id":"https://a.example/tiles/1/v1/9/s/iiif","width":1}""", System.Text.Encoding.UTF8.GetString(here.Bytes!));
        Assert.Equal(here.Bytes!.Length, here.Length);
        Assert.NotEqual(here.ETag, there.ETag);
    }

    private sealed class CountingResolver(string dir) : ITileDirectoryResolver
    {
        public int Calls;

        public ValueTask<string?> ResolveAsync(long imageId, string version, CancellationToken ct)
        {
            Calls++;
            return ValueTask.FromResult<string?>(imageId == 1 && version == "v1" ? dir : null);
        }
    }
}
