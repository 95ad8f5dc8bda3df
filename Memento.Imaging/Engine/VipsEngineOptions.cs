namespace Memento.Imaging.Engine;

/// <summary>How the libvips command-line tools are run.</summary>
public sealed class VipsEngineOptions
{
    /// <summary>Folder holding <c>vips</c> and <c>vipsheader</c>; empty means the PATH. Default: empty.</summary>
    public string ToolDirectory { get; set; } = "";

    private int _concurrency = Math.Max(1, Environment.ProcessorCount);

    /// <summary>
    /// Worker threads per libvips process (VIPS_CONCURRENCY). Default: the processor count, which suits the default of
    /// one ingest job at a time; with N parallel jobs use cores / N so jobs do not fight over the same cores.
    /// </summary>
    public int Concurrency
    {
        get => _concurrency;
        set => _concurrency = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), "At least 1.");
    }
}
