using System.Diagnostics;
using Memento.Imaging.Engine;
using Memento.Imaging.Ingest;

namespace Memento.Tests.Imaging;

/// <summary>
/// Shared by the imaging tests: a scratch folder, small generated images (made once), the real sample data, and
/// a verification helper that reads results back with the vips tools independently of the code under test.
/// </summary>
public sealed class ImagingFixture : IDisposable
{
    public static readonly string SampleData = "/work/shared/sample-data";
    public static string CellProfiler(string relative) =>
        Path.Combine(SampleData, "cellprofiler-examples", "CellProfilerExamples", relative);

    public string Root { get; } = Directory.CreateTempSubdirectory("memento-imaging-").FullName;
    public string Generated { get; }

    public ImagingFixture()
    {
        Generated = Path.Combine(Root, "generated");
        Directory.CreateDirectory(Generated);
        // A gradient so that tiles, statistics and ranges have something to measure.
        Vips("xyz", G("xy.v"), "600", "400");
        Vips("extract_band", G("xy.v"), G("x.v"), "0");
        Vips("linear", G("x.v"), G("x16.v"), "100", "1000");
        Vips("cast", G("x16.v"), G("gray16.v"), "ushort");
        Vips("tiffsave", G("gray16.v"), G("gray16.tif"), "--tile");
        Vips("cast", G("x.v"), G("x8.v"), "uchar");
        Vips("bandjoin", $"{G("x8.v")} {G("x8.v")} {G("x8.v")}", G("rgb.v"));
        Vips("copy", G("rgb.v"), G("rgb.jpg"));
        Vips("bandjoin_const", G("rgb.v"), G("rgba.v"), "128");
        Vips("copy", G("rgba.v"), G("rgba.png"));
        Vips("tiffsave", G("gray16.v"), G("pyramid.tif"), "--tile", "--pyramid");
        var jpeg = File.ReadAllBytes(G("rgb.jpg"));
        File.WriteAllBytes(G("truncated.jpg"), jpeg[..(jpeg.Length / 3)]);
        Vips("tiffsave", G("rgb.v"), G("strip.tif"));
        var tiff = File.ReadAllBytes(G("strip.tif"));
        File.WriteAllBytes(G("truncated.tif"), tiff[..(tiff.Length / 3)]);
        File.WriteAllText(G("notes.tif"), "These are my notes, not an image.\n");
    }

    public string G(string name) => Path.Combine(Generated, name);

    public string NewTarget() => Path.Combine(Root, "images", "project-1", Guid.NewGuid().ToString("N"));

    public ImageIngestor Ingestor(IngestOptions? options = null) =>
        new(new VipsCliEngine(new VipsEngineOptions { Concurrency = 1 }), options ?? new IngestOptions());

    /// <summary>Runs a vips tool for verification and returns its standard output.</summary>
    public static string Vips(params string[] args) => Run("vips", args);

    /// <summary>One header field as <c>vipsheader -a</c> prints it (format as "uchar", "ushort", …).</summary>
    public static string Header(string path, string field) =>
        Run("vipsheader", ["-a", path]).Split('\n').First(l => l.StartsWith(field + ": ", StringComparison.Ordinal))[(field.Length + 2)..].Trim();

    private static string Run(string tool, string[] args)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["VIPS_CONCURRENCY"] = "1";
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{tool} {string.Join(' ', args)}: {error}");
        return output;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

[CollectionDefinition(Name)]
public sealed class ImagingCollection : ICollectionFixture<ImagingFixture>
{
    public const string Name = "imaging";
}
