using System.Buffers.Binary;
using System.Globalization;

namespace Memento.Imaging.Engine;

/// <summary>Reads what the libvips tools print or write: <c>vipsheader -a</c> text and native <c>.v</c> histograms.</summary>
internal static class VipsOutputParser
{
    public static ImageHeader ParseHeader(string text)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (colon > 0) fields.TryAdd(line[..colon].Trim(), line[(colon + 2)..].Trim());
        }
        int Int(string key, int fallback) =>
            fields.TryGetValue(key, out var v) && int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : fallback;

        var width = Int("width", -1);
        var height = Int("height", -1);
        var bands = Int("bands", -1);
        if (width <= 0 || height <= 0 || bands <= 0 || !fields.TryGetValue("format", out var format))
            throw new VipsException("The image header could not be read.", "header");
        return new ImageHeader(width, height, bands, ParseFormat(format), Math.Max(1, Int("n-pages", 1)),
            fields.GetValueOrDefault("vips-loader", "unknown"));
    }

    private static SampleFormat ParseFormat(string f) => f switch
    {
        "uchar" => SampleFormat.UChar,
        "char" => SampleFormat.Char,
        "ushort" => SampleFormat.UShort,
        "short" => SampleFormat.Short,
        "uint" => SampleFormat.UInt,
        "int" => SampleFormat.Int,
        "float" => SampleFormat.Float,
        "double" => SampleFormat.Double,
        "complex" => SampleFormat.Complex,
        _ => SampleFormat.DoubleComplex,
    };

    /// <summary>
    /// Turns a <c>hist_find</c> result (a 1-row uint image, one band per image band, saved as <c>.v</c>) into
    /// per-band statistics. The histogram is exact for 8- and 16-bit images, so min, max and percentiles are too.
    /// </summary>
    public static IReadOnlyList<ChannelStatistics> StatisticsFromHistogram(byte[] file)
    {
        var v = file.AsSpan();
        const int headerSize = 64;
        if (v.Length < headerSize) throw new VipsException("The histogram could not be read.", "hist_find");
        // libvips writes the header in the machine's byte order; the magic says which.
        var littleEndian = v[0] == 0xb6 && v[1] == 0xa6;
        static int ReadInt(ReadOnlySpan<byte> s, bool littleEndian) => littleEndian ? BinaryPrimitives.ReadInt32LittleEndian(s) : BinaryPrimitives.ReadInt32BigEndian(s);
        var bins = ReadInt(v[4..], littleEndian);
        var bands = ReadInt(v[12..], littleEndian);
        if ((long)bins * bands * 4 > v.Length - headerSize) throw new VipsException("The histogram is truncated.", "hist_find");

        var result = new List<ChannelStatistics>(bands);
        for (var b = 0; b < bands; b++)
        {
            uint Count(int bin)
            {
                var s = file.AsSpan(headerSize + (bin * bands + b) * 4, 4);
                return littleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(s) : BinaryPrimitives.ReadUInt32BigEndian(s);
            }
            double total = 0, sum = 0;
            int min = -1, max = 0;
            for (var i = 0; i < bins; i++)
            {
                var c = Count(i);
                if (c == 0) continue;
                if (min < 0) min = i;
                max = i;
                total += c;
                sum += (double)c * i;
            }
            if (min < 0) min = 0;
            double p1 = min, p99 = max, cumulative = 0;
            bool p1Found = false;
            for (var i = min; i <= max; i++)
            {
                cumulative += Count(i);
                if (!p1Found && cumulative >= total * 0.01) { p1 = i; p1Found = true; }
                if (cumulative >= total * 0.99) { p99 = i; break; }
            }
            result.Add(new ChannelStatistics(b, min, max, total > 0 ? sum / total : 0, p1, p99));
        }
        return result;
    }
}
