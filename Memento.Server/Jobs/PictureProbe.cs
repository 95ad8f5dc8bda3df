using Memento.Domain.Authorization;
using Memento.Domain.Services.Images;
using Memento.Domain.Services.Pictures;
using Memento.Imaging.Engine;
using Memento.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Memento.Server.Jobs;

/// <summary>
/// Reads an upload's size from its header with the imaging engine, so regions sent with an upload are stored in
/// pixels at once (ingest later records the same size). A file the receiver did not put on disk is copied to a
/// temporary file first, since the engine reads paths.
/// </summary>
public sealed class PictureProbe(IImageEngine engine, IOptions<MementoOptions> options) : IPictureProbe
{
    public async Task<(int Width, int Height)> SizeAsync(IncomingFile file, CancellationToken ct)
    {
        if (file is LocalFile local) return await ProbeAsync(local.Path, ct);
        await using var source = file.OpenReadStream();
        await using var copy = await LocalFile.WriteAsync(source, file.FileName,
            Path.Combine(options.Value.DataPath, "uploads", "incoming"), ct);
        return await ProbeAsync(copy.Path, ct);
    }

    private async Task<(int, int)> ProbeAsync(string path, CancellationToken ct)
    {
        try
        {
            var header = await engine.ProbeAsync(path, allowWholeSlide: false, ct);
            return (header.Width, header.Height);
        }
        catch (VipsException)
        {
            throw MementoException.Validation("file", "The file is not an image this server can read.");
        }
    }
}
