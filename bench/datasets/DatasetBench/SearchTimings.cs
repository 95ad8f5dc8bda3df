using System.Diagnostics;
using System.Globalization;
using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Memento.Domain.Datasets;
using Memento.Domain.Datasets.Search;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DatasetBench;

/// <summary>
/// Times each query's first page as the search page asks for it (limit 20, no total) through the product's
/// DatasetSearchService — parse, name checks, the one SQL query, PictureReader — as the bench user (provie on one
/// private project, so the access predicate is the real one), after one warm-up; then the EXPLAIN ANALYZE of the
/// slowest query's SQL exactly as it ran (PostgreSQL).
/// </summary>
internal static class SearchTimings
{
    public static async Task RunAsync(DbContextOptions<MementoDbContext> options, CommandRecorder recorder, string engine, int rounds)
    {
        int images;
        await using (var db = new MementoDbContext(options)) images = await db.Images.CountAsync();
        var caller = Caller.ForUser(Generator.BenchUserId);
        var results = new List<(Queries.Case Case, double Median, double P99, int Found, int Statements)>();
        Console.WriteLine($"  {"query",-46} {"ordering",-20} {"offset",7} {"found",5} {"SQL",3} {"median ms",10} {"p99 ms",8}");
        foreach (var c in Queries.All(images).Where(c => Environment.GetEnvironmentVariable("ONLY") is not { Length: > 0 } only || c.Name == only))
        {
            var times = new List<double>();
            var found = 0;
            var statements = 0;
            for (var round = 0; round <= rounds; round++)
            {
                await using var db = new MementoDbContext(options);
                var search = new DatasetSearchService(db, new AccessPolicy(db, TimeProvider.System), new PictureReader(db));
                recorder.Clear();
                var watch = Stopwatch.StartNew();
                var result = await search.SearchAsync(caller, c.Yaml, DatasetOrderings.Parse(c.Ordering), c.Offset, 20, withTotal: false);
                watch.Stop();
                if (round == 0) continue; // warm-up: plan caches, connection pool, JIT
                times.Add(watch.Elapsed.TotalMilliseconds);
                found = result.Pictures.Count;
                statements = recorder.Commands.Count;
            }
            times.Sort();
            var median = times[times.Count / 2];
            var p99 = times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.99) - 1)];
            results.Add((c, median, p99, found, statements));
            Console.WriteLine($"  {c.Name,-46} {c.Ordering,-20} {c.Offset,7} {found,5} {statements,3} {median,10:F1} {p99,8:F1}");
        }
        var medians = results.Select(r => r.Median).Order().ToList();
        var all = results.Select(r => r.P99).Max();
        Console.WriteLine($"  {engine} at {images:N0} images: median of the medians {medians[medians.Count / 2]:F1} ms, " +
                          $"worst median {medians[^1]:F1} ms, worst p99 {all:F1} ms " +
                          $"({results.Count(r => r.Median < 50)} of {results.Count} queries under 50 ms median, " +
                          $"{results.Count(r => r.P99 < 200)} under 200 ms p99)");
        // EXPLAIN=<query name> explains that one instead of the slowest (when studying a plan).
        var chosen = Environment.GetEnvironmentVariable("EXPLAIN") is { Length: > 0 } name
            ? results.First(r => r.Case.Name == name).Case
            : results.MaxBy(r => r.Median).Case;
        if (engine == "postgres") await ExplainSlowestAsync(options, recorder, caller, chosen);
    }

    private static async Task ExplainSlowestAsync(DbContextOptions<MementoDbContext> options, CommandRecorder recorder,
        Caller caller, Queries.Case slowest)
    {
        await using var db = new MementoDbContext(options);
        var search = new DatasetSearchService(db, new AccessPolicy(db, TimeProvider.System), new PictureReader(db));
        recorder.Clear();
        await search.SearchAsync(caller, slowest.Yaml, DatasetOrderings.Parse(slowest.Ordering), slowest.Offset, 20, withTotal: false);
        // The page's id query is the one with ORDER BY … LIMIT; the others are name checks and PictureReader's reads.
        var (sql, parameters) = recorder.Commands.First(c => c.Sql.Contains("LIMIT", StringComparison.Ordinal));
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var explain = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + sql, connection);
        foreach (var (name, value) in parameters) explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
        Console.WriteLine($"  EXPLAIN ANALYZE of the slowest, \"{slowest.Name}\" ({slowest.Ordering}, offset {slowest.Offset}):");
        Console.WriteLine(string.Join('\n', sql.Split('\n').Select(l => "    | " + l)));
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync()) Console.WriteLine("    " + reader.GetString(0));
    }
}
