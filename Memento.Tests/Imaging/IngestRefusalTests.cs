using System.Buffers.Binary;
using Memento.Imaging.Ingest;

namespace Memento.Tests.Imaging;

/// <summary>Files ingest must refuse, each with a message a user understands, and with nothing left on disk.</summary>
[Collection(ImagingCollection.Name)]
public sealed class IngestRefusalTests(ImagingFixture fx)
{
    [Fact]
    public async Task A_small_png_declaring_40000_by_40000_pixels_is_refused_from_its_header()
    {
        var bomb = Path.Combine(fx.Root, "bomb.png");
        File.WriteAllBytes(bomb, PngDeclaring(40000, 40000, 200_000));

        var e = await AssertRefused(bomb);
        Assert.Equal(IngestMessages.Bomb(1_600_000_000, new FileInfo(bomb).Length), e.Message);
    }

    [Fact]
    public async Task A_png_over_the_pixel_limit_is_refused_before_decoding()
    {
        var huge = Path.Combine(fx.Root, "huge.png");
        File.WriteAllBytes(huge, PngDeclaring(60000, 60000, 4_000_000));

        var e = await AssertRefused(huge);
        Assert.Equal(IngestMessages.TooManyPixels(3_600_000_000, 2_500_000_000), e.Message);
    }

    [Fact]
    public async Task A_text_file_named_tif_is_refused_by_its_content()
    {
        var e = await AssertRefused(fx.G("notes.tif"));
        Assert.Equal(IngestMessages.UnknownFormat, e.Message);
    }

    [Fact]
    public async Task A_truncated_jpeg_fails_with_the_decoder_message_instead_of_becoming_grey_tiles()
    {
        var e = await AssertRefused(fx.G("truncated.jpg"));
        Assert.StartsWith("The image could not be converted:", e.Message);
        Assert.Contains("Premature end", e.Message);
    }

    [Fact]
    public async Task A_truncated_tiff_fails_with_a_clear_message()
    {
        var e = await AssertRefused(fx.G("truncated.tif"));
        Assert.StartsWith("The TIFF file could not be read:", e.Message);
        Assert.DoesNotContain("magick", e.Message);
    }

    [Fact]
    public async Task Limits_on_bands_and_pages_are_enforced()
    {
        var bands = await AssertRefused(fx.G("rgba.png"), new IngestOptions { MaxBands = 3 });
        Assert.Equal(IngestMessages.TooManyBands(4, 3), bands.Message);
        var pages = await AssertRefused(fx.G("pyramid.tif"), new IngestOptions { MaxPages = 1 });
        Assert.StartsWith("The file has ", pages.Message);
    }

    [Fact]
    public async Task A_timed_out_conversion_is_stopped_and_leaves_nothing()
    {
        var e = await AssertRefused(ImagingFixture.CellProfiler("Colocalization/0_1/site1/R.png"),
            new IngestOptions { JobTimeout = TimeSpan.FromMilliseconds(1) });
        Assert.Equal(IngestMessages.TimedOut(TimeSpan.FromMilliseconds(1)), e.Message);
    }

    [Fact]
    public void Limits_reject_nonsense_values_when_set()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new IngestOptions { MaxPixels = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new IngestOptions { JobTimeout = TimeSpan.Zero });
    }

    private async Task<IngestException> AssertRefused(string source, IngestOptions? options = null)
    {
        var target = fx.NewTarget();
        var e = await Assert.ThrowsAsync<IngestException>(() =>
            fx.Ingestor(options).IngestAsync(source, target, ImageFormatCode.PngPyramid, null, default));
        var parent = Path.GetDirectoryName(target)!;
        Assert.False(Directory.Exists(target));
        Assert.Empty(Directory.Exists(parent) ? Directory.GetDirectories(parent, Path.GetFileName(target) + "*") : []);
        return e;
    }

    /// <summary>
    /// A well-formed PNG whose IHDR declares the size: padded with a comment chunk to the file length, and an IDAT
    /// holding a little real deflate data. No pixel buffer is ever allocated here.
    /// </summary>
    private static byte[] PngDeclaring(int width, int height, int fileLength)
    {
        var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // RGB
        Chunk(png, "IHDR", ihdr);
        var deflated = new MemoryStream();
        using (var z = new System.IO.Compression.ZLibStream(deflated, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
            z.Write(new byte[100_000]);
        var comment = new byte[fileLength - (int)png.Length - 3 * 12 - (int)deflated.Length];
        "Comment"u8.CopyTo(comment);
        comment.AsSpan(8).Fill((byte)' ');
        Chunk(png, "tEXt", comment);
        Chunk(png, "IDAT", deflated.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var body = new byte[4 + data.Length];
        System.Text.Encoding.ASCII.GetBytes(type).CopyTo(body, 0);
        data.CopyTo(body, 4);
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        png.Write(body);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(body));
        png.Write(crc);
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
