// Runs Memento's ingest path (ImageIngestor: probe, limits, Deep Zoom, IIIF, statistics, thumbnail, atomic rename)
// on one file, as the background job does, and prints the elapsed time.
// Usage: IngestBench <source> <target directory> <format code> [png compression]
using System.Diagnostics;
using Memento.Imaging.Engine;
using Memento.Imaging.Ingest;

var engine = new VipsCliEngine(new VipsEngineOptions()) { PngCompression = args.Length > 3 ? int.Parse(args[3]) : 1 };
var ingestor = new ImageIngestor(engine, new IngestOptions());
var clock = Stopwatch.StartNew();
var result = await ingestor.IngestAsync(args[0], args[1], (ImageFormatCode)int.Parse(args[2]), null, default);
Console.WriteLine($"{result.Header.Width}x{result.Header.Height} {result.Header.Bands} band(s) {result.Header.BitDepth}-bit, " +
                  $"{result.TileFormat} tiles: {clock.Elapsed.TotalSeconds:F1} s");
