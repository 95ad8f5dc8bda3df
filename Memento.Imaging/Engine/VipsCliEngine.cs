using System.Globalization;

namespace Memento.Imaging.Engine;

/// <summary>
/// <see cref="IImageEngine"/> on the libvips command-line tools (<c>vips</c>, <c>vipsheader</c>), each call a child
/// process; see <see cref="VipsProcess"/> for why. Intermediate images are uncompressed TIFFs in a scratch folder
/// beside the output (libvips' native <c>.v</c> loader counts as untrusted and stays blocked).
/// </summary>
public sealed class VipsCliEngine(VipsEngineOptions options) : IImageEngine
{
    private readonly VipsProcess _vips = new(options);

    /// <summary>PNG deflate level for pyramid tiles (0-9). See docs/benchmarks.md for the measured trade-off.</summary>
    public int PngCompression { get; init; } = 1;

    /// <summary>JPEG quality for pyramid tiles.</summary>
    public int JpegQuality { get; init; } = 85;

    public async Task<ImageHeader> ProbeAsync(string path, bool allowWholeSlide, CancellationToken ct)
    {
        var text = await _vips.RunAsync("vipsheader", ["-a", path], allowWholeSlide, null, ct);
        return VipsOutputParser.ParseHeader(text);
    }

    public Task BuildPyramidAsync(string source, ImageHeader header, string outputBase, TileFormat format,
        IProgress<int>? progress, CancellationToken ct)
    {
        var suffix = format == TileFormat.Png
            ? $".png[compression={PngCompression}]"
            : $".jpg[Q={JpegQuality}]";
        return _vips.RunAsync("vips",
            ["dzsave", source, outputBase, "--tile-size", "256", "--overlap", "0", "--depth", "onepixel",
             "--suffix", suffix, "--strip"],
            header.IsWholeSlide, progress, ct);
    }

    public async Task<IReadOnlyList<ChannelStatistics>> StatisticsAsync(string source, ImageHeader header, CancellationToken ct)
    {
        var scratch = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(source))!, $".hist-{Guid.NewGuid():N}.v");
        try
        {
            await _vips.RunAsync("vips", ["hist_find", source, scratch], header.IsWholeSlide, null, ct);
            return VipsOutputParser.StatisticsFromHistogram(await File.ReadAllBytesAsync(scratch, ct));
        }
        finally
        {
            File.Delete(scratch);
        }
    }

    public async Task RenderAsync(RenderRequest request, CancellationToken ct)
    {
        if (request.Inputs.Count == 0) throw new ArgumentException("Nothing to render.", nameof(request));
        var scratchDir = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(request.Output))!, $".render-{Guid.NewGuid():N}");
        Directory.CreateDirectory(scratchDir);
        try
        {
            var steps = new List<Func<string, string, Task>>();
            if (request.WindowTo8Bit is { } window)
                // "--" ends the options, so a negative offset is not read as one.
                steps.Add((i, o) => Run(["linear", "--uchar", "--", i, o, Numbers(window.Select(w => w.Scale)), Numbers(window.Select(w => w.Offset))]));
            if (request.MaxSize is { } max)
                steps.Add((i, o) => Run(["thumbnail", i, o, max.ToString(CultureInfo.InvariantCulture), "--size", "down"]));
            if (request.ExactSize is { } exact)
                steps.Add((i, o) => Run(["thumbnail", i, o, exact.Width.ToString(CultureInfo.InvariantCulture),
                    "--height", exact.Height.ToString(CultureInfo.InvariantCulture), "--size", "force"]));
            if (request.AddAlpha)
            {
                steps.Add((i, o) => Run(["colourspace", i, o, "srgb"]));
                steps.Add(async (i, o) =>
                {
                    var bands = (await ProbeAsync(i, false, ct)).Bands;
                    await Run(bands == 4 ? ["copy", i, o] : ["bandjoin_const", i, o, "255"]);
                });
            }

            var current = request.Inputs[0];
            if (request.Inputs.Count > 1)
            {
                // arrayjoin takes its inputs as one space-separated string: pass names relative to their folder.
                var folder = Path.GetDirectoryName(request.Inputs[0])!;
                var names = string.Join(' ', request.Inputs.Select(p => Path.GetRelativePath(folder, p)));
                current = Path.Combine(scratchDir, "joined.tif");
                await _vips.RunAsync("vips", ["arrayjoin", names, current, "--across",
                    request.Across.ToString(CultureInfo.InvariantCulture)], false, null, ct, folder);
                // arrayjoin gives every cell the size of the largest tile; cut off what lies beyond the edge tiles.
                if (request.CropTo is { } size)
                {
                    var cropped = Path.Combine(scratchDir, "cropped.tif");
                    await Run(["crop", current, cropped, "0", "0",
                        size.Width.ToString(CultureInfo.InvariantCulture), size.Height.ToString(CultureInfo.InvariantCulture)]);
                    current = cropped;
                }
            }
            for (var s = 0; s < steps.Count; s++)
            {
                var next = s == steps.Count - 1 ? request.Output : Path.Combine(scratchDir, $"step{s}.tif");
                await steps[s](current, next);
                current = next;
            }
            if (steps.Count == 0) await Run(["copy", current, request.Output]);
        }
        finally
        {
            Directory.Delete(scratchDir, recursive: true);
        }

        Task Run(IReadOnlyList<string> args) => _vips.RunAsync("vips", args, request.AllowWholeSlide, null, ct);
    }

    private static string Numbers(IEnumerable<double> values) =>
        string.Join(' ', values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
}
