// The Memento side of the engine benchmark. Each request parses, validates, executes and writes the response as
// JSON, like bench/graphql-js/bench.mjs does with parse + validate + execute + JSON.stringify on the same SDL,
// data and documents. Prints one JSON line per case: ops/s and bytes allocated per request.
// Usage: dotnet run -c Release --project bench/Memento.Bench -- [seconds-per-case]
using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using Memento.GraphQL.Execution;
using Memento.GraphQL.Http;
using Memento.GraphQL.Utilities;

var seconds = args.Length > 0 ? double.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 5;
var dataDir = Path.Combine(AppContext.BaseDirectory, "data");
if (!Directory.Exists(dataDir)) dataDir = Path.GetFullPath(Path.Combine(Directory.GetCurrentDirectory(), "bench", "data"));
var sdl = File.ReadAllText(Path.Combine(dataDir, "schema.graphql"));
var root = PlainJson.Parse(File.ReadAllBytes(Path.Combine(dataDir, "nested-data.json")));
var schema = SchemaBuilder.BuildSchema(sdl, root);

// No document cache, no depth or cost rules: the same work graphql-js does per request.
var cold = new GraphQLExecutor(new ExecutionOptions { DocumentCacheSize = 0, MaxDepth = null, MaxCost = null });
// As the server runs: parsed and validated documents cached by their text.
var cached = new GraphQLExecutor(new ExecutionOptions { MaxDepth = null, MaxCost = null });

var cases = new (string Name, string Query)[]
{
    ("introspection", File.ReadAllText(Path.Combine(dataDir, "introspection-query.graphql"))),
    ("nested-10k", File.ReadAllText(Path.Combine(dataDir, "nested-query.graphql"))),
};

const int Rounds = 5;
var buffer = new ArrayBufferWriter<byte>(1 << 20);
// The encoder the HTTP endpoint uses: only what JSON requires is escaped, as JSON.stringify does.
var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true, Encoder = ResultWriter.Encoder });

async Task<int> Once(GraphQLExecutor executor, string query)
{
    var result = await executor.ExecuteAsync(new ExecutionRequest { Schema = schema, Query = query });
    if (result.Errors is { Count: > 0 } errors) throw new InvalidOperationException(errors[0].Message);
    buffer.ResetWrittenCount();
    writer.Reset(buffer);
    result.WriteTo(writer);
    return buffer.WrittenCount;
}

if (args.Length > 1 && args[1] == "--dump")
{
    // Prints one response, to compare with graphql-js's byte for byte.
    await Once(cold, cases.First(c => c.Name == args[2]).Query);
    Console.Out.Write(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
    return;
}

// Warm every path before measuring any, so no case is timed while the JIT is still tiering code up (on a loaded
// machine the background compiler gets little CPU, and the first case measured would pay for it).
foreach (var (_, query) in cases)
{
    foreach (var executor in new[] { cold, cached })
    {
        var warmAll = Stopwatch.GetTimestamp() + (long)(Stopwatch.Frequency * seconds / 2);
        while (Stopwatch.GetTimestamp() < warmAll) await Once(executor, query);
    }
}

foreach (var (name, query) in cases)
{
    foreach (var (mode, executor) in new[] { ("", cold), ("+cache", cached) })
    {
        var bytes = await Once(executor, query);
        var warmUntil = Stopwatch.GetTimestamp() + (long)(Stopwatch.Frequency * seconds / 3);
        while (Stopwatch.GetTimestamp() < warmUntil) await Once(executor, query);

        // The machine is shared: measure several short rounds and keep the best, which is the least disturbed.
        double best = 0;
        long allocated = 0;
        for (var round = 0; round < Rounds; round++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var ops = 0;
            var start = Stopwatch.GetTimestamp();
            var end = start + (long)(Stopwatch.Frequency * seconds / Rounds);
            while (Stopwatch.GetTimestamp() < end)
            {
                await Once(executor, query);
                ops++;
            }
            best = Math.Max(best, ops / Stopwatch.GetElapsedTime(start).TotalSeconds);
            allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / ops;
        }
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            engine = "memento" + mode,
            @case = name,
            opsPerSecond = best,
            bytesAllocatedPerRequest = allocated,
            responseBytes = bytes,
        }));
    }
}
