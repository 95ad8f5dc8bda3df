using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Memento.GraphQL.Types;
using Memento.Domain.Accounts;
using Memento.Schema.Api.Querying;
using Memento.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Memento.Tests.Schema.Api;

/// <summary>
/// Issue 10: generated from the served schema, every Int and Long argument or input field at 0, -1, its minimum and
/// its maximum, and every list at 0, 1, its bound and one more items (filters included), sent through the HTTP
/// pipeline as an administrator and anonymously. None may answer 500, INTERNAL_SERVER_ERROR or log an error:
/// bad numbers are the client's mistake and get a clear error. The fields the request needs besides the one
/// varied get the smallest valid value; input objects are entered two levels deep, never twice on one path.
/// </summary>
public sealed class NumericInputFuzzTests : IDisposable
{
    private const int GenericListBound = 1000;
    private readonly MementoAppFactory app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Every_number_and_list_at_its_edges_answers_a_clear_error_or_data()
    {
        var schema = app.Services.GetRequiredService<GraphQLSchema>();
        var probes = Probes("query", schema.QueryType!).Concat(Probes("mutation", schema.MutationType!)).ToList();
        Assert.True(probes.Count > 500, $"only {probes.Count} probes: the walk over the schema found too little");

        using var anonymous = app.CreateClient();
        using var admin = await AdminAsync();
        var failures = new List<string>();
        foreach (var client in new[] { anonymous, admin })
        {
            foreach (var probe in probes)
            {
                using var response = await client.PostAsync("/graphql",
                    new StringContent(probe.Body, Encoding.UTF8, "application/json"));
                var text = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.InternalServerError || text.Contains("INTERNAL_SERVER_ERROR"))
                    failures.Add($"{probe.Label} ({(client == admin ? "admin" : "anonymous")}): {(int)response.StatusCode} {Shorten(text)}");
            }
        }
        var logged = app.Logs.Entries.Where(e => e.StartsWith("Error ") || e.StartsWith("Critical ")).ToList();

        Assert.True(failures.Count == 0, $"{failures.Count} of {probes.Count * 2} failed:\n" + string.Join("\n", failures.Take(30)));
        Assert.True(logged.Count == 0, string.Join("\n", logged.Take(5).Select(Shorten)));
    }

    private async Task<HttpClient> AdminAsync()
    {
        var user = await app.CreateUserAsync("fuzz-admin", "fuzz admin password", isSysAdmin: true);
        await using var scope = app.Services.CreateAsyncScope();
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateApiTokenAsync(user.Id, "fuzz");
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    private sealed record Probe(string Label, string Body);

    private static IEnumerable<Probe> Probes(string operation, ObjectType root)
    {
        foreach (var field in root.Fields)
        {
            if (field.Name.StartsWith("__", StringComparison.Ordinal) || field.Arguments.Count == 0) continue;
            Dictionary<string, JsonNode?> baseline;
            try { baseline = field.Arguments.ToDictionary(a => a.Name, a => Minimal(a.Type)); }
            catch (NotSupportedException) { continue; } // needs a file upload: not a JSON request
            var declarations = string.Join(",", field.Arguments.Select(a => $"${a.Name}:{a.Type}"));
            var arguments = string.Join(",", field.Arguments.Select(a => $"{a.Name}:${a.Name}"));
            var selection = field.Type.GetNamedType() is ScalarType or EnumType ? "" : "{ __typename }";
            var document = $"{operation}({declarations}){{ {field.Name}({arguments}) {selection} }}";
            foreach (var argument in field.Arguments)
            {
                foreach (var (path, value) in Variants(argument.Type, argument.Name, [], 0))
                {
                    var variables = new JsonObject();
                    foreach (var (name, minimal) in baseline) variables[name] = name == argument.Name ? value : minimal?.DeepClone();
                    var body = new JsonObject { ["query"] = document, ["variables"] = variables }.ToJsonString();
                    yield return new Probe($"{field.Name}({path})", body);
                }
            }
        }
    }

    /// <summary>Whole values of <paramref name="type"/> in which one number or one list is at an edge.</summary>
    private static IEnumerable<(string Path, JsonNode? Value)> Variants(GraphQLType type, string name, HashSet<string> path, int depth)
    {
        var inner = type is NonNullType nonNull ? nonNull.OfType : type;
        switch (inner)
        {
            case ScalarType scalar when scalar == ScalarType.Int:
                foreach (var n in new long[] { 0, -1, int.MinValue, int.MaxValue }) yield return ($"{name}={n}", JsonValue.Create(n));
                break;
            case ScalarType scalar when scalar == ScalarType.Long:
                foreach (var n in new[] { 0, -1, long.MinValue, long.MaxValue }) yield return ($"{name}={n}", JsonValue.Create(n));
                break;
            case ListType list:
                JsonNode element;
                try { element = MinimalNonNull(list.OfType is NonNullType n ? n.OfType : list.OfType); }
                catch (NotSupportedException) { yield break; }
                var bound = ListBound(name);
                foreach (var count in new[] { 0, 1, bound, bound + 1 })
                    yield return ($"{name}:{count} items", new JsonArray(Enumerable.Range(0, count).Select(_ => element.DeepClone()).ToArray()));
                // One element at each of its own edges, for lists of input objects not already on the path.
                if (list.GetNamedType() is InputObjectType)
                    foreach (var (inside, value) in Variants(list.OfType, name + "[0]", path, depth))
                        yield return (inside, new JsonArray(value));
                break;
            case InputObjectType input when depth < 3 && !path.Contains(input.Name):
                JsonObject minimal;
                try { minimal = (JsonObject)MinimalNonNull(input); }
                catch (NotSupportedException) { yield break; }
                var deeper = new HashSet<string>(path) { input.Name };
                foreach (var field in input.Fields)
                {
                    foreach (var (inside, value) in Variants(field.Type, $"{name}.{field.Name}", deeper, depth + 1))
                    {
                        if (input.IsOneOf && value is null) continue;
                        var variant = input.IsOneOf ? new JsonObject() : (JsonObject)minimal.DeepClone();
                        variant[field.Name] = value;
                        yield return (inside, variant);
                    }
                }
                break;
        }
    }

    private static int ListBound(string name) => name.Split('.')[^1] switch
    {
        "in" or "nin" => FilterLimits.Default.MaxListItems,
        "and" or "or" => FilterLimits.Default.MaxTerms,
        _ => GenericListBound,
    };

    private static JsonNode? Minimal(GraphQLType type) => type is NonNullType nonNull ? MinimalNonNull(nonNull.OfType) : null;

    private static JsonNode MinimalNonNull(GraphQLType type) => type switch
    {
        ListType => new JsonArray(),
        EnumType e => JsonValue.Create(e.Values[0].Name),
        InputObjectType { IsOneOf: true } input => OneOf(input),
        InputObjectType input => new JsonObject(input.Fields
            .Where(f => f is { Type: NonNullType, HasDefaultValue: false })
            .Select(f => KeyValuePair.Create(f.Name, (JsonNode?)MinimalNonNull(((NonNullType)f.Type).OfType)))),
        ScalarType s when s == ScalarType.Int || s == ScalarType.Long || s == ScalarType.Float => JsonValue.Create(1),
        ScalarType s when s == ScalarType.Boolean => JsonValue.Create(false),
        ScalarType s when s == ScalarType.ID => JsonValue.Create("1"),
        ScalarType s when s == ScalarType.DateTime => JsonValue.Create("2026-01-01T00:00:00Z"),
        ScalarType s when s == ScalarType.Json => JsonValue.Create("{}"),
        ScalarType s when s == ScalarType.Upload => throw new NotSupportedException(),
        ScalarType => JsonValue.Create("x"),
        _ => throw new NotSupportedException(type.ToString()),
    };

    private static JsonObject OneOf(InputObjectType input)
    {
        var field = input.Fields[0];
        return new JsonObject { [field.Name] = MinimalNonNull(field.Type is NonNullType n ? n.OfType : field.Type) };
    }

    private static string Shorten(string text) => text.Length <= 400 ? text : text[..400] + "…";
}
