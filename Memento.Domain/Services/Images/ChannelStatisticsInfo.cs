using System.Text.Json;

namespace Memento.Domain.Services.Images;

/// <summary>
/// One channel's intensity statistics over the whole image, as ingest measured them (the viewer's auto-adjust
/// windows from P1 to P99). Values are in the image's own range (0..2ⁿ−1 for an n-bit channel).
/// </summary>
/// <param name="Channel">The channel (band) number, from 0.</param>
/// <param name="Min">The smallest value.</param>
/// <param name="Max">The largest value.</param>
/// <param name="Mean">The mean value.</param>
/// <param name="P1">The 1st percentile: the auto-adjust window's low end.</param>
/// <param name="P99">The 99th percentile: the auto-adjust window's high end.</param>
public sealed record ChannelStatisticsInfo(int Channel, double Min, double Max, double Mean, double P1, double P99);

/// <summary>The statistics column as the API reads it (a static class: the schema builder exposes no method of it).</summary>
public static class ChannelStatisticsJson
{
    /// <summary>
    /// Reads what ingest stored in <c>Image.ChannelStatisticsJson</c> (<c>{"bitDepth":16,"channels":[{"channel":0,
    /// "min":…,"max":…,"mean":…,"p1":…,"p99":…}]}</c>). Nothing stored, or a shape this version does not know, reads
    /// as no statistics: the viewer then falls back to the full range rather than failing the whole query.
    /// </summary>
    public static List<ChannelStatisticsInfo> Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("channels", out var channels)
                || channels.ValueKind != JsonValueKind.Array) return [];
            var result = new List<ChannelStatisticsInfo>(channels.GetArrayLength());
            foreach (var c in channels.EnumerateArray())
                result.Add(new ChannelStatisticsInfo(c.GetProperty("channel").GetInt32(), c.GetProperty("min").GetDouble(),
                    c.GetProperty("max").GetDouble(), c.GetProperty("mean").GetDouble(), c.GetProperty("p1").GetDouble(),
                    c.GetProperty("p99").GetDouble()));
            return result;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return [];
        }
    }
}
