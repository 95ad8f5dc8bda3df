// Runs Memento's ingest path (ImageIngestor: probe, limits, Deep Zoom, IIIF, statistics, thumbnail, atomic rename)
// on one file, as the background job does, and prints the elapsed time.
// Usage: IngestBench <source> <target directory> <format code> [png compression]
using System.Diagnostics;
using Memento.Imaging.Engine;
using Memento.Imaging.Ingest;

var engine = new VipsCliEngine(new VipsEngineOptions()) { PngCompression = args.Length > 3 ? int.Parse(args[3]) : 1 };
var ingestor = new ImageIngestor(engine, new IngestOptions());
var clock = Stopwatch.StartNew();
// Stage boundaries (2 inspected, 5 original kept, 80 Deep Zoom done, 85 IIIF done, 90 statistics, 100 renamed) go to
// stderr with their time, to see where time goes beyond vips dzsave itself.
var last = -1;
var stages = new StageLog(p => { if (p is 2 or 5 or 80 or 85 or 90 or 100 && p != last) Console.Error.WriteLine($"{clock.Elapsed.TotalSeconds,7:F2} s  {p}%"); last = p; });
var result = await ingestor.IngestAsync(args[0], args[1], (ImageFormatCode)int.Parse(args[2]), stages, default);
Console.WriteLine($"{result.Header.Width}x{result.Header.Height} {result.Header.Bands} band(s) {result.Header.BitDepth}-bit, " +
                  $"{result.TileFormat} tiles: {clock.Elapsed.TotalSeconds:F1} s ({result.Stages})");

sealed class StageLog(Action<int> report) : IProgress<int>
{
    public void Report(int value) => report(value);
}
