using System.Buffers.Binary;
using System.IO.Compression;

namespace Memento.Tests.Browser.Support;

/// <summary>
/// Images whose every pixel value is known, written as PNG with nothing but the standard library (zlib by
/// <see cref="ZLibStream"/>, CRC-32 below), so a test can say what the canvas must show at any image position:
/// 16-bit grey ramps (a fluorescence channel at full bit depth) and an 8-bit RGB picture of known colours.
/// </summary>
public static class SyntheticImages
{
    /// <summary>value = <see cref="Offset"/> + <see cref="Step"/> × x (horizontal) or × y (vertical).</summary>
    public sealed record Ramp(bool Horizontal, int Offset, int Step)
    {
        public int ValueAt(int x, int y) => Offset + Step * (Horizontal ? x : y);

        /// <summary>The largest value in an image of this size.</summary>
        public int MaxIn(int width, int height) => ValueAt(width - 1, height - 1);

        public override string ToString() => $"{Offset} + {Step} × {(Horizontal ? "x" : "y")}";
    }

    /// <summary>A 16-bit grey PNG of <paramref name="ramp"/>; every value must fit in 0..65535.</summary>
    public static byte[] Grey16(int width, int height, Ramp ramp)
    {
        if (ramp.Offset < 0 || ramp.MaxIn(width, height) > ushort.MaxValue || ramp.ValueAt(0, 0) < 0)
            throw new ArgumentOutOfRangeException(nameof(ramp), $"{ramp} leaves 0..65535 in {width}×{height}.");
        return Grey16(width, height, ramp.ValueAt);
    }

    /// <summary>A 16-bit grey PNG whose value at (x, y) is <paramref name="value"/>(x, y).</summary>
    public static byte[] Grey16(int width, int height, Func<int, int, int> value)
    {
        var row = new byte[width * 2];
        return Png(width, height, bitDepth: 16, colourType: 0, y =>
        {
            for (var x = 0; x < width; x++)
                BinaryPrimitives.WriteUInt16BigEndian(row.AsSpan(x * 2), checked((ushort)value(x, y)));
            return row;
        });
    }

    /// <summary>
    /// The known colours of <see cref="Rgb8"/>: the image is split into four vertical bands of these colours
    /// (left to right), so the colour at x is <c>Bands[x * 4 / width]</c>.
    /// </summary>
    public static readonly (byte R, byte G, byte B)[] Bands = [(220, 40, 40), (40, 200, 60), (30, 60, 210), (250, 250, 250)];

    public static (byte R, byte G, byte B) ColourAt(int x, int width) => Bands[x * Bands.Length / width];

    /// <summary>An 8-bit RGB PNG in four vertical bands of <see cref="Bands"/>.</summary>
    public static byte[] Rgb8(int width, int height)
    {
        var row = new byte[width * 3];
        for (var x = 0; x < width; x++)
        {
            var (r, g, b) = ColourAt(x, width);
            row[x * 3] = r; row[x * 3 + 1] = g; row[x * 3 + 2] = b;
        }
        return Png(width, height, bitDepth: 8, colourType: 2, _ => row);
    }

    /// <summary>Writes the file and returns its path (SceneUploads reads uploads from disk).</summary>
    public static string Save(byte[] png, string name)
    {
        var dir = Directory.CreateTempSubdirectory("memento-synthetic-").FullName;
        var path = Path.Combine(dir, name);
        File.WriteAllBytes(path, png);
        return path;
    }

    private static byte[] Png(int width, int height, byte bitDepth, byte colourType, Func<int, byte[]> scanline)
    {
        using var file = new MemoryStream();
        file.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = bitDepth; header[9] = colourType; // compression, filter, interlace: 0
        Chunk(file, "IHDR", header);
        using (var data = new MemoryStream())
        {
            using (var zlib = new ZLibStream(data, CompressionLevel.Fastest, leaveOpen: true))
                for (var y = 0; y < height; y++)
                {
                    zlib.WriteByte(0); // filter: none
                    zlib.Write(scanline(y));
                }
            Chunk(file, "IDAT", data.ToArray());
        }
        Chunk(file, "IEND", []);
        return file.ToArray();
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        var head = new byte[8];
        BinaryPrimitives.WriteInt32BigEndian(head, data.Length);
        for (var i = 0; i < 4; i++) head[4 + i] = (byte)type[i];
        output.Write(head);
        output.Write(data);
        var crc = Crc32(Crc32(0xFFFFFFFFu, head.AsSpan(4)), data) ^ 0xFFFFFFFFu;
        var tail = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(tail, crc);
        output.Write(tail);
    }

    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    private static uint Crc32(uint crc, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes) crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc;
    }
}
