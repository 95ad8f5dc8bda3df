using Memento.Imaging.Tiles;

namespace Memento.Tests.Imaging;

/// <summary>The tile cache keeps hot small files within its budget and never outlives its maximum age.</summary>
public sealed class TileFileCacheTests
{
    [Fact]
    public void A_cached_file_comes_back_with_its_etag_until_it_is_too_old()
    {
        var cache = new TileFileCache(1024 * 1024, maxAge: TimeSpan.FromMilliseconds(200));
        cache.Add("/img/a/image_files/9/0_0.jpg", [1, 2, 3], "\"3-abc\"");

        var hit = cache.Get("/img/a/image_files/9/0_0.jpg");
        Assert.NotNull(hit);
        Assert.Equal([1, 2, 3], hit.Bytes);
        Assert.Equal("\"3-abc\"", hit.ETag);
        Assert.Null(cache.Get("/img/a/image_files/9/1_0.jpg"));

        Thread.Sleep(300);
        Assert.Null(cache.Get("/img/a/image_files/9/0_0.jpg")); // re-read from disk: a deleted image stops being served
        Assert.Equal(0, cache.Bytes);
    }

    [Fact]
    public void The_budget_is_kept_by_dropping_the_least_recently_used_files()
    {
        var cache = new TileFileCache(10_000);
        for (var i = 0; i < 9; i++) cache.Add($"t{i}", new byte[1000], "\"e\"");
        Assert.NotNull(cache.Get("t0")); // t0 is now the most recently used
        cache.Add("t9", new byte[1000], "\"e\"");
        cache.Add("t10", new byte[1000], "\"e\"");

        Assert.True(cache.Bytes <= 10_000, $"{cache.Bytes} bytes held");
        Assert.NotNull(cache.Get("t0"));
        Assert.NotNull(cache.Get("t10"));
        Assert.Null(cache.Get("t1"));
    }

    [Fact]
    public void Forgetting_a_directory_drops_its_files_only()
    {
        var cache = new TileFileCache(1024 * 1024);
        cache.Add("/data/images/1/aaa/image_files/9/0_0.jpg", [1], "\"e\"");
        cache.Add("/data/images/1/aaa/thumbnail.jpg", [2], "\"e\"");
        cache.Add("/data/images/1/aaab/thumbnail.jpg", [3], "\"e\"");

        cache.ForgetDirectory("/data/images/1/aaa");

        Assert.Null(cache.Get("/data/images/1/aaa/image_files/9/0_0.jpg"));
        Assert.Null(cache.Get("/data/images/1/aaa/thumbnail.jpg"));
        Assert.NotNull(cache.Get("/data/images/1/aaab/thumbnail.jpg"));
        Assert.Equal(1, cache.Bytes);
    }

    [Fact]
    public void Large_files_and_a_zero_budget_are_not_cached()
    {
        var small = new TileFileCache(10 * 1024 * 1024, maxFileBytes: 100);
        small.Add("big", new byte[101], "\"e\"");
        Assert.Null(small.Get("big"));

        var off = new TileFileCache(0);
        off.Add("tile", [1], "\"e\"");
        Assert.Null(off.Get("tile"));
        Assert.Equal(0, off.Bytes);
    }
}
