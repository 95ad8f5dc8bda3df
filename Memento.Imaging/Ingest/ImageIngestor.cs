using Memento.Imaging.Engine;
using Memento.Imaging.Tiles;

namespace Memento.Imaging.Ingest;

/// <summary>
/// Turns one uploaded file into everything the viewer and IIIF clients need, in one image directory:
/// <c>original.&lt;ext&gt;</c>, Deep Zoom (<c>image.dzi</c>, <c>image_files/</c>), IIIF level 0 (<c>iiif/</c>),
/// <c>thumbnail.*</c>, <c>display.*</c> for format codes 1-3, <c>stats.json</c> and <c>image.json</c>.
/// Everything is written into a sibling temporary directory that is renamed into place only when complete, so a
/// partial pyramid is never served and a failure leaves nothing behind but the exception.
/// </summary>
public sealed class ImageIngestor(IImageEngine engine, IngestOptions options)
{
    /// <summary>Images up to this size get statistics over every pixel; larger ones over their ≤2048 px level.</summary>
    public const long FullResolutionStatisticsPixels = 64_000_000;

    public const int ThumbnailSize = 256, DisplaySize = 2048;

    /// <summary>
    /// Recognises and probes a file and checks it against the limits without decoding a pixel; throws
    /// <see cref="IngestException"/> with a user-facing message when the file is refused.
    /// </summary>
    public async Task<(ContainerFormat Container, ImageHeader Header)> InspectAsync(string path, CancellationToken ct)
    {
        var container = await FormatSniffer.DetectAsync(path, ct);
        if (container == ContainerFormat.Unknown) throw new IngestException(IngestMessages.UnknownFormat);
        var header = await ProbeAsync(path, container, ct);
        Validate(header, new FileInfo(path).Length);
        return (container, header);
    }

    public async Task<IngestResult> IngestAsync(string sourcePath, string targetDirectory, ImageFormatCode code,
        IProgress<int>? progress, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.JobTimeout);
        var target = Path.GetFullPath(targetDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        RemoveLeftovers(target);
        var work = $"{target}.partial-{Guid.NewGuid():N}";
        try
        {
            var result = await BuildAsync(sourcePath, work, code, progress, timeout.Token);
            // A job re-run after a crash between the rename and recording "ready" finds a complete older copy.
            if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
            Directory.Move(work, target);
            progress?.Report(100);
            return result;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new IngestException(IngestMessages.TimedOut(options.JobTimeout));
        }
        catch (VipsException e)
        {
            throw new IngestException(IngestMessages.ConversionFailed(e.Message), e);
        }
        finally
        {
            if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        }
    }

    private async Task<IngestResult> BuildAsync(string sourcePath, string work, ImageFormatCode code,
        IProgress<int>? progress, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var (container, header) = await InspectAsync(sourcePath, ct);
        if (code == ImageFormatCode.RgbaPngFullSize && header.Pixels > options.MaxFullSizeRenditionPixels)
            throw new IngestException(IngestMessages.FullSizeTooLarge(header.Pixels, options.MaxFullSizeRenditionPixels));
        var tileFormat = ChooseTileFormat(header, code);
        CheckDisk(Path.GetDirectoryName(work)!, header, tileFormat, new FileInfo(sourcePath).Length);
        progress?.Report(2);

        Directory.CreateDirectory(work);
        var original = Path.Combine(work, "original." + FormatSniffer.Extension(container));
        FileLinks.LinkOrCopy(sourcePath, original);
        // Truncated files must fail, not become grey tiles; the loader option is read from the server-chosen name.
        var load = original + "[fail_on=truncated]";
        progress?.Report(5);

        var percent = progress is null ? null : new MappedProgress(p => progress.Report(5 + p * 75 / 100));
        var checks = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        await engine.BuildPyramidAsync(load, header, Path.Combine(work, "image"), tileFormat, percent, ct);
        File.Delete(Path.Combine(work, "image_files", "vips-properties.xml"));
        var geometry = new DeepZoomGeometry(header.Width, header.Height);
        var ext = tileFormat == TileFormat.Png ? "png" : "jpg";
        var pyramid = System.Diagnostics.Stopwatch.GetElapsedTime(started) - checks;
        var tilesDir = Path.Combine(work, "image_files");

        var overview = await LevelOverview.CreateAsync(geometry, tilesDir, ext, DisplaySize, work, engine, ct);
        var iiif = IiifLayoutWriter.WriteAsync(geometry, tilesDir, Path.Combine(work, "iiif"), ext, overview, engine, ct);
        // Gigapixel statistics come from the overview: a second full decode would cost as much as the pyramid
        // itself, and the viewer's default window does not need more than four million samples.
        var stats = header.Pixels <= FullResolutionStatisticsPixels && !header.IsWholeSlide
            ? await engine.StatisticsAsync(load, header, ct)
            : await engine.StatisticsAsync(overview.Path, header with { Loader = "overview" }, ct);
        progress?.Report(85);

        var window = header.IsHighBitDepth ? stats.Select(Window).ToList() : null;
        var thumbnail = "thumbnail." + (HasAlpha(header) ? "png" : "jpg");
        var thumb = engine.RenderAsync(new RenderRequest([overview.Path], Path.Combine(work, thumbnail))
        {
            MaxSize = ThumbnailSize, WindowTo8Bit = window,
        }, ct);
        var display = RenderDisplayAsync(code, overview, original, header, window, work, ct);
        await Task.WhenAll(iiif, thumb, display);
        overview.DeleteScratch();
        progress?.Report(95);

        var result = new IngestResult(header, container, code, tileFormat, Path.GetFileName(original), thumbnail, await display, stats);
        await ManifestWriter.WriteAsync(work, result, ct);
        var total = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        return result with { Stages = new IngestStageTimes(checks, pyramid, total - checks - pyramid) };
    }

    private async Task<ImageHeader> ProbeAsync(string path, ContainerFormat container, CancellationToken ct)
    {
        var name = container.ToString().ToUpperInvariant();
        try
        {
            return await engine.ProbeAsync(path, allowWholeSlide: false, ct);
        }
        catch (VipsException e) when (e.Message.Contains("openslideload: operation is blocked", StringComparison.Ordinal)
                                       && container is ContainerFormat.Tiff or ContainerFormat.BigTiff)
        {
            // Only files OpenSlide itself claims (NDPI, SVS, …) reach the whole-slide loader, and only if enabled.
            if (!options.AllowWholeSlide) throw new IngestException(IngestMessages.Unreadable(name, "whole-slide images are disabled on this server."));
            try
            {
                return await engine.ProbeAsync(path, allowWholeSlide: true, ct);
            }
            catch (VipsException inner)
            {
                throw new IngestException(IngestMessages.Unreadable(name, inner.Message), inner);
            }
        }
        catch (VipsException e)
        {
            // A blocked fallback loader means libvips' own loader for this container refused the file.
            var detail = e.Message.Contains("operation is blocked", StringComparison.Ordinal)
                ? "it is damaged, truncated or uses a variant that is not supported."
                : e.Message;
            throw new IngestException(IngestMessages.Unreadable(name, detail), e);
        }
    }

    private void Validate(ImageHeader h, long fileBytes)
    {
        var maxPixels = h.IsWholeSlide ? options.MaxWholeSlidePixels : options.MaxPixels;
        if (h.Pixels > maxPixels) throw new IngestException(IngestMessages.TooManyPixels(h.Pixels, maxPixels));
        if (h.Bands > options.MaxBands) throw new IngestException(IngestMessages.TooManyBands(h.Bands, options.MaxBands));
        if (h.Pages > options.MaxPages) throw new IngestException(IngestMessages.TooManyPages(h.Pages, options.MaxPages));
        if (h.Format is not (SampleFormat.UChar or SampleFormat.UShort))
            throw new IngestException(IngestMessages.UnsupportedSampleFormat(h.Format.ToString().ToLowerInvariant()));
        // Whole slides are sparse by nature (blank background tiles), so the ratio guard does not apply to them;
        // their own pixel limit does.
        if (!h.IsWholeSlide && h.Pixels > options.RatioCheckAbovePixels
            && h.Pixels > options.MaxPixelsPerByte * Math.Max(1, fileBytes))
            throw new IngestException(IngestMessages.Bomb(h.Pixels, fileBytes));
    }

    private void CheckDisk(string dir, ImageHeader h, TileFormat format, long originalBytes)
    {
        // Pyramid is 4/3 of the base level; tiles compress to roughly half (PNG) or a tenth (JPEG) of raw samples.
        var raw = (double)h.Pixels * h.Bands * (h.BitDepth / 8);
        var estimate = raw * 4 / 3 * (format == TileFormat.Png ? 0.6 : 0.15) + originalBytes;
        var needed = (long)(estimate * options.DiskHeadroom);
        var free = new DriveInfo(dir).AvailableFreeSpace;
        if (free < needed) throw new IngestException(IngestMessages.NotEnoughDisk(needed, free));
    }

    private static TileFormat ChooseTileFormat(ImageHeader h, ImageFormatCode code) =>
        code is ImageFormatCode.JpegPyramid or ImageFormatCode.RgbJpeg && !h.IsHighBitDepth && !HasAlpha(h)
            ? TileFormat.Jpeg
            : TileFormat.Png;

    // OpenSlide's alpha only marks the area outside the scan; it flattens to white like every slide viewer shows it.
    private static bool HasAlpha(ImageHeader h) => h.Bands is 2 or 4 && !h.IsWholeSlide;

    private static (double Scale, double Offset) Window(ChannelStatistics s)
    {
        var span = Math.Max(1, s.P99 - s.P1);
        return (255 / span, -s.P1 * 255 / span);
    }

    private async Task<string?> RenderDisplayAsync(ImageFormatCode code, LevelOverview overview, string original,
        ImageHeader header, IReadOnlyList<(double, double)>? window, string work, CancellationToken ct)
    {
        if (code is ImageFormatCode.JpegPyramid or ImageFormatCode.PngPyramid) return null;
        var name = code == ImageFormatCode.RgbJpeg ? "display.jpg" : "display.png";
        var request = code == ImageFormatCode.RgbaPngFullSize
            ? new RenderRequest([original], Path.Combine(work, name)) { AllowWholeSlide = header.IsWholeSlide }
            : new RenderRequest([overview.Path], Path.Combine(work, name));
        await engine.RenderAsync(request with { WindowTo8Bit = window, AddAlpha = code != ImageFormatCode.RgbJpeg }, ct);
        return name;
    }

    private static void RemoveLeftovers(string target)
    {
        var parent = Path.GetDirectoryName(target)!;
        foreach (var stale in Directory.EnumerateDirectories(parent, Path.GetFileName(target) + ".partial-*"))
            Directory.Delete(stale, recursive: true);
    }

    /// <summary>Reports synchronously, in order (<see cref="Progress{T}"/> posts and may reorder).</summary>
    private sealed class MappedProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
