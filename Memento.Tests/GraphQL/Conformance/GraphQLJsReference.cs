// Runs graphql-js (node + the graphql npm package from the repository root's node_modules) once over the whole
// corpus and keeps its verdicts. Missing node or graphql is a test failure with instructions, never a skip.
namespace Memento.Tests.GraphQL.Conformance;

using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;

public sealed record ReferenceError(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("locations")] IReadOnlyList<ReferenceLocation> Locations);

public sealed record ReferenceLocation(
    [property: JsonPropertyName("line")] int Line,
    [property: JsonPropertyName("column")] int Column);

public sealed record ReferenceVerdict(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("syntaxError")] ReferenceError? SyntaxError,
    [property: JsonPropertyName("printed")] string? Printed,
    [property: JsonPropertyName("validationErrors")] IReadOnlyList<ReferenceError>? ValidationErrors);

public sealed class GraphQLJsReference
{
    private static readonly Lazy<GraphQLJsReference> Shared = new(Run);

    private GraphQLJsReference(string root, string sdl, IReadOnlyList<CorpusDocument> corpus, string version, IReadOnlyDictionary<string, ReferenceVerdict> verdicts)
    {
        RepositoryRoot = root;
        Sdl = sdl;
        Corpus = corpus;
        Version = version;
        Verdicts = verdicts;
    }

    /// <summary>The verdicts, computed once per test run (node start-up costs more than the whole corpus).</summary>
    public static GraphQLJsReference Instance => Shared.Value;

    public string RepositoryRoot { get; }

    public string Sdl { get; }

    public IReadOnlyList<CorpusDocument> Corpus { get; }

    public string Version { get; }

    public IReadOnlyDictionary<string, ReferenceVerdict> Verdicts { get; }

    public static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Memento.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Memento.sln not found above " + AppContext.BaseDirectory);
    }

    private static GraphQLJsReference Run()
    {
        var root = FindRepositoryRoot();
        var conformance = Path.Combine(root, "Memento.Tests", "GraphQL", "Conformance");
        var sdl = File.ReadAllText(Path.Combine(conformance, "TestSchema.graphql"));
        var corpus = ConformanceCorpus.Load(root);

        if (!File.Exists(Path.Combine(root, "node_modules", "graphql", "package.json")))
        {
            throw new InvalidOperationException(
                $"graphql-js is not installed: run `npm ci` in {root} (package.json lists the graphql devDependency).");
        }

        var input = Path.Combine(Path.GetTempPath(), $"memento-conformance-{Environment.ProcessId}-{Guid.NewGuid():N}.json");
        File.WriteAllText(input, InputJson(sdl, corpus));
        try
        {
            var start = new ProcessStartInfo("node")
            {
                ArgumentList = { Path.Combine(conformance, "graphql-js-verdicts.mjs"), input },
                WorkingDirectory = root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            Process process;
            try
            {
                process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new InvalidOperationException("node (Node.js 18+) is required on PATH for the graphql-js conformance test: " + e.Message, e);
            }
            using (process)
            {
                var stdout = process.StandardOutput.ReadToEndAsync();
                var stderr = process.StandardError.ReadToEndAsync();
                if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
                {
                    process.Kill(entireProcessTree: true);
                    throw new TimeoutException("graphql-js verdicts took more than 120 s");
                }
                if (process.ExitCode != 0)
                    throw new InvalidOperationException($"node exited with {process.ExitCode}: {stderr.Result}");
                var output = JsonSerializer.Deserialize<Output>(stdout.Result)
                    ?? throw new InvalidOperationException("node printed no verdicts");
                return new GraphQLJsReference(root, sdl, corpus, output.Version, output.Results.ToDictionary(r => r.Id));
            }
        }
        finally
        {
            File.Delete(input);
        }
    }

    // Written by hand because System.Text.Json replaces lone surrogates with U+FFFD, and the corpus holds some on
    // purpose: every non-ASCII UTF-16 unit is escaped as \uXXXX, which JSON.parse turns back into the same unit.
    private static string InputJson(string sdl, IReadOnlyList<CorpusDocument> corpus)
    {
        var json = new System.Text.StringBuilder();
        json.Append("{\"sdl\":");
        AppendString(json, sdl);
        json.Append(",\"documents\":[");
        for (int i = 0; i < corpus.Count; i++)
        {
            if (i > 0) json.Append(',');
            json.Append("{\"id\":");
            AppendString(json, corpus[i].Id);
            json.Append(",\"text\":");
            AppendString(json, corpus[i].Text);
            json.Append('}');
        }
        return json.Append("]}").ToString();
    }

    private static void AppendString(System.Text.StringBuilder json, string value)
    {
        json.Append('"');
        foreach (char c in value)
        {
            if (c == '"' || c == '\\') json.Append('\\').Append(c);
            else if (c < 0x20 || c > 0x7E) json.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            else json.Append(c);
        }
        json.Append('"');
    }

    private sealed record Output(
        [property: JsonPropertyName("version")] string Version,
        [property: JsonPropertyName("results")] IReadOnlyList<ReferenceVerdict> Results);
}
