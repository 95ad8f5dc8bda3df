using System.Text.Json;
using Memento.Imaging.Engine;
using Memento.Imaging.Ingest;
using Memento.Imaging.Tiles;

namespace Memento.Tests.Imaging;

[Collection(ImagingCollection.Name)]
public sealed class ImageIngestorTests(ImagingFixture fx)
{
    [Fact]
    public async Task A_16_bit_fluorescence_png_becomes_a_16_bit_pyramid_with_every_tile_of_every_level()
    {
        var source = ImagingFixture.CellProfiler("Colocalization/0_1/site1/G.png");
        var target = fx.NewTarget();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await fx.Ingestor().IngestAsync(source, target, ImageFormatCode.PngPyramid, null, default);
        var elapsed = clock.Elapsed;

        // The job log's stage times: each stage took time, and together no more than the whole ingest.
        var stages = Assert.IsType<IngestStageTimes>(result.Stages);
        Assert.All(new[] { stages.Checks, stages.Pyramid, stages.Derivatives }, t => Assert.True(t > TimeSpan.Zero));
        Assert.True(stages.Checks + stages.Pyramid + stages.Derivatives <= elapsed);

        Assert.Equal((1392, 1040, 1, 16), (result.Header.Width, result.Header.Height, result.Header.Bands, result.Header.BitDepth));
        Assert.Equal(TileFormat.Png, result.TileFormat);
        var g = new DeepZoomGeometry(1392, 1040);
        Assert.Equal(11, g.MaxLevel);
        for (var level = 0; level <= g.MaxLevel; level++)
        {
            var (cols, rows) = g.TileGrid(level);
            Assert.Equal(cols * rows, Directory.GetFiles(Path.Combine(target, "image_files", level.ToString()), "*.png").Length);
        }
        // Full-resolution corner tile and right-edge tile (1392 = 5*256 + 112).
        var top = Path.Combine(target, "image_files", "11");
        Assert.Equal("256", ImagingFixture.Header(Path.Combine(top, "0_0.png"), "width"));
        Assert.Equal("112", ImagingFixture.Header(Path.Combine(top, "5_0.png"), "width"));
        Assert.Equal("16", ImagingFixture.Header(Path.Combine(top, "4_4.png"), "height"));
        Assert.Equal("ushort", ImagingFixture.Header(Path.Combine(top, "0_0.png"), "format"));

        // The full 16-bit range survives: the brightest tile value equals the source's maximum, far above 255.
        var sourceMax = double.Parse(ImagingFixture.Vips("max", source));
        var tileMax = Directory.GetFiles(top).Max(t => double.Parse(ImagingFixture.Vips("max", t)));
        Assert.True(sourceMax > 255);
        Assert.Equal(sourceMax, tileMax);

        // The original is kept under a server-chosen name, byte for byte.
        Assert.Equal(File.ReadAllBytes(source), File.ReadAllBytes(Path.Combine(target, "original.png")));
        Assert.Equal("uchar", ImagingFixture.Header(Path.Combine(target, result.ThumbnailFile), "format"));
        Assert.Equal("256", ImagingFixture.Header(Path.Combine(target, result.ThumbnailFile), "width"));
    }

    [Fact]
    public async Task Statistics_match_what_vips_measures_on_the_source()
    {
        var source = ImagingFixture.CellProfiler("NucleiFoci/1-162hr/site1/h2ax.tif"); // 16-bit TIFF with odd vendor tags
        var target = fx.NewTarget();
        var result = await fx.Ingestor().IngestAsync(source, target, ImageFormatCode.PngPyramid, null, default);

        var s = Assert.Single(result.Statistics);
        Assert.Equal(double.Parse(ImagingFixture.Vips("min", source)), s.Min);
        Assert.Equal(double.Parse(ImagingFixture.Vips("max", source)), s.Max);
        Assert.InRange(s.P1, s.Min, s.P99);
        Assert.InRange(s.P99, s.P1, s.Max);
        Assert.Equal(double.Parse(ImagingFixture.Vips("avg", source)), s.Mean, 3);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(target, "stats.json")));
        var channel = json.RootElement.GetProperty("channels")[0];
        Assert.Equal(s.P99, channel.GetProperty("p99").GetDouble());
        Assert.Equal(16, json.RootElement.GetProperty("bitDepth").GetInt32());
    }

    [Fact]
    public async Task An_rgb_jpeg_gets_jpeg_tiles_a_jpeg_thumbnail_and_a_display_copy_for_format_1()
    {
        var target = fx.NewTarget();
        var progress = new List<int>();
        var result = await fx.Ingestor().IngestAsync(fx.G("rgb.jpg"), target, ImageFormatCode.RgbJpeg,
            new SyncProgress(progress.Add), default);

        Assert.Equal(TileFormat.Jpeg, result.TileFormat);
        Assert.True(File.Exists(Path.Combine(target, "image_files", "10", "2_1.jpg")));
        Assert.Equal("display.jpg", result.DisplayFile);
        Assert.Equal("600", ImagingFixture.Header(Path.Combine(target, "display.jpg"), "width"));
        Assert.Equal("3", ImagingFixture.Header(Path.Combine(target, "thumbnail.jpg"), "bands"));
        Assert.Equal(100, progress[^1]);
        Assert.Equal(progress.Order(), progress);
    }

    [Fact]
    public async Task An_rgba_png_keeps_its_alpha_in_png_tiles_and_an_rgba_display_copy()
    {
        var target = fx.NewTarget();
        var result = await fx.Ingestor().IngestAsync(fx.G("rgba.png"), target, ImageFormatCode.RgbaPng, null, default);

        Assert.Equal(TileFormat.Png, result.TileFormat);
        Assert.Equal("4", ImagingFixture.Header(Path.Combine(target, "image_files", "10", "0_0.png"), "bands"));
        Assert.Equal("4", ImagingFixture.Header(Path.Combine(target, "display.png"), "bands"));
        Assert.Equal("thumbnail.png", result.ThumbnailFile);
    }

    [Fact]
    public async Task Format_3_writes_a_full_size_rgba_png_even_for_a_16_bit_grey_image()
    {
        var target = fx.NewTarget();
        await fx.Ingestor().IngestAsync(fx.G("gray16.tif"), target, ImageFormatCode.RgbaPngFullSize, null, default);

        var display = Path.Combine(target, "display.png");
        Assert.Equal(("600", "400", "4", "uchar"), (ImagingFixture.Header(display, "width"), ImagingFixture.Header(display, "height"),
            ImagingFixture.Header(display, "bands"), ImagingFixture.Header(display, "format")));
    }

    [Fact]
    public async Task A_multi_page_pyramidal_tiff_records_its_pages_and_tiles_the_full_resolution_page()
    {
        var target = fx.NewTarget();
        var result = await fx.Ingestor().IngestAsync(fx.G("pyramid.tif"), target, ImageFormatCode.PngPyramid, null, default);

        Assert.True(result.Header.Pages > 1);
        Assert.Equal((600, 400), (result.Header.Width, result.Header.Height));
        Assert.Equal("ushort", ImagingFixture.Header(Path.Combine(target, "image_files", "10", "0_0.png"), "format"));
    }

    [Fact]
    public async Task A_whole_slide_ndpi_is_read_through_openslide()
    {
        var source = Path.Combine(ImagingFixture.SampleData, "wsi", "ndpi-fluorescence-DAPI.ndpi");
        var target = fx.NewTarget();
        var result = await fx.Ingestor().IngestAsync(source, target, ImageFormatCode.JpegPyramid, null, default);

        Assert.True(result.Header.IsWholeSlide);
        Assert.Equal((3968, 4864), (result.Header.Width, result.Header.Height));
        Assert.Equal(TileFormat.Jpeg, result.TileFormat);
        Assert.Equal("thumbnail.jpg", result.ThumbnailFile);
        Assert.True(File.Exists(Path.Combine(target, "image_files", "13", "15_18.jpg")));
        Assert.Equal("original.tif", result.OriginalFile);
    }

    [Fact]
    public async Task Whole_slides_are_refused_when_the_server_disables_them()
    {
        var source = Path.Combine(ImagingFixture.SampleData, "wsi", "ndpi-fluorescence-TRITC.ndpi");
        var e = await Assert.ThrowsAsync<IngestException>(() =>
            fx.Ingestor(new IngestOptions { AllowWholeSlide = false }).InspectAsync(source, default));
        Assert.Contains("whole-slide images are disabled", e.Message);
    }

    private sealed class SyncProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
