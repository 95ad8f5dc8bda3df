using System.Text.Json;
using Memento.Imaging.Ingest;
using Memento.Imaging.Tiles;

namespace Memento.Tests.Imaging;

[Collection(ImagingCollection.Name)]
public sealed class IiifLayoutTests(ImagingFixture fx)
{
    [Fact]
    public async Task Info_json_is_a_valid_level_0_image_service_whose_every_tile_and_size_exists()
    {
        var target = fx.NewTarget();
        await fx.Ingestor().IngestAsync(ImagingFixture.CellProfiler("HumanHT29/D03/f00/d0.tif"), target, ImageFormatCode.JpegPyramid, null, default);
        var iiif = Path.Combine(target, "iiif");
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(iiif, "info.json")));
        var info = doc.RootElement;

        Assert.Equal("http://iiif.io/api/image/3/context.json", info.GetProperty("@context").GetString());
        Assert.Equal(IiifLayoutWriter.IdPlaceholder, info.GetProperty("id").GetString());
        Assert.Equal("ImageService3", info.GetProperty("type").GetString());
        Assert.Equal("http://iiif.io/api/image", info.GetProperty("protocol").GetString());
        Assert.Equal("level0", info.GetProperty("profile").GetString());
        Assert.Equal((512, 512), (info.GetProperty("width").GetInt32(), info.GetProperty("height").GetInt32()));

        var tiles = info.GetProperty("tiles")[0];
        Assert.Equal(256, tiles.GetProperty("width").GetInt32());
        var factors = tiles.GetProperty("scaleFactors").EnumerateArray().Select(f => f.GetInt32()).ToList();
        Assert.Equal([1, 2], factors);
        // Every tile a IIIF client computes from info.json maps to a Deep Zoom tile of the same pixel size.
        foreach (var s in factors)
            for (var y = 0; y * 256 * s < 512; y++)
                for (var x = 0; x * 256 * s < 512; x++)
                {
                    int rx = x * 256 * s, ry = y * 256 * s, rw = Math.Min(256 * s, 512 - rx), rh = Math.Min(256 * s, 512 - ry);
                    int sw = (rw + s - 1) / s, sh = (rh + s - 1) / s;
                    var tile = IiifTileMap.ToDeepZoom(new DeepZoomGeometry(512, 512), $"{rx},{ry},{rw},{rh}", $"{sw},{sh}", "jpg");
                    Assert.NotNull(tile);
                    Assert.Equal(sw.ToString(), ImagingFixture.Header(Path.Combine(target, tile), "width"));
                }

        var sizes = info.GetProperty("sizes").EnumerateArray().Select(e => (e.GetProperty("width").GetInt32(), e.GetProperty("height").GetInt32())).ToList();
        Assert.Equal([(64, 64), (128, 128), (256, 256), (512, 512)], sizes);
        foreach (var (w, h) in sizes)
        {
            Assert.Equal(w.ToString(), ImagingFixture.Header(Path.Combine(iiif, "full", $"{w},{h}", "0", "default.jpg"), "width"));
            Assert.True(File.Exists(Path.Combine(iiif, "full", $"{w},", "0", "default.jpg")));
        }
        Assert.Equal("512", ImagingFixture.Header(Path.Combine(iiif, "full", "max", "0", "default.jpg"), "width"));
        Assert.False(info.TryGetProperty("maxWidth", out _));
    }

    [Fact]
    public async Task A_wide_image_gets_every_advertised_size_at_exactly_that_size_and_no_scratch_files()
    {
        // 5000x1200: the 2048-fitting level (1250x300) spans several tiles, smaller levels are cut from it.
        var source = fx.G("wide.jpg");
        ImagingFixture.Vips("gaussnoise", fx.G("wide-noise.v"), "5000", "1200");
        ImagingFixture.Vips("cast", fx.G("wide-noise.v"), fx.G("wide8.v"), "uchar");
        ImagingFixture.Vips("copy", fx.G("wide8.v"), source);
        var target = fx.NewTarget();
        await fx.Ingestor().IngestAsync(source, target, ImageFormatCode.RgbJpeg, null, default);

        var iiif = Path.Combine(target, "iiif");
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(iiif, "info.json")));
        var sizes = doc.RootElement.GetProperty("sizes").EnumerateArray()
            .Select(e => (e.GetProperty("width").GetInt32(), e.GetProperty("height").GetInt32())).ToList();
        Assert.Equal([(79, 19), (157, 38), (313, 75), (625, 150), (1250, 300)], sizes);
        foreach (var (w, h) in sizes)
        {
            var file = Path.Combine(iiif, "full", $"{w},{h}", "0", "default.jpg");
            Assert.Equal((w.ToString(), h.ToString()), (ImagingFixture.Header(file, "width"), ImagingFixture.Header(file, "height")));
        }
        Assert.Equal((1250, 300), (doc.RootElement.GetProperty("maxWidth").GetInt32(), doc.RootElement.GetProperty("maxHeight").GetInt32()));
        Assert.Equal("256", ImagingFixture.Header(Path.Combine(target, "thumbnail.jpg"), "width"));
        Assert.Equal("1250", ImagingFixture.Header(Path.Combine(target, "display.jpg"), "width"));
        Assert.Empty(Directory.EnumerateFiles(target, ".*", SearchOption.AllDirectories));
        Assert.Empty(Directory.EnumerateDirectories(Path.GetDirectoryName(target)!, "*.partial-*"));
    }

    [Theory]
    [InlineData("0,0,512,512", "512,512")]      // full resolution is not one tile
    [InlineData("1,0,256,256", "256,256")]      // not on the tile grid
    [InlineData("256,0,512,512", "256,256")]    // region runs past the edge
    [InlineData("0,0,256,256", "128,128")]      // a scale that info.json does not list
    public void Iiif_requests_that_info_json_does_not_advertise_map_to_no_tile(string region, string size) =>
        Assert.Null(IiifTileMap.ToDeepZoom(new DeepZoomGeometry(512, 512), region, size, "jpg"));

    [Theory]
    [InlineData(1392, 1040, 11, 6, 5)]   // edge tiles of 112 and 16 pixels
    [InlineData(512, 512, 9, 2, 2)]
    [InlineData(20000, 20000, 15, 79, 79)]
    [InlineData(1, 1, 0, 1, 1)]
    public void Deep_zoom_geometry_matches_libvips_levels(int w, int h, int maxLevel, int cols, int rows)
    {
        var g = new DeepZoomGeometry(w, h);
        Assert.Equal(maxLevel, g.MaxLevel);
        Assert.Equal((cols, rows), g.TileGrid(maxLevel));
        Assert.Equal((1, 1), g.LevelSize(0));
    }
}
