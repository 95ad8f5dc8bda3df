using System.Net.Http.Json;
using System.Text.Json;
using Memento.Tests.Support;

namespace Memento.Tests.Schema.Api;

/// <summary>
/// Client authors see the product's names (docs/api-design.graphql), never C# artefacts: no read-model suffix
/// (<c>ProjectInfo</c>), no generic arity, no Dto/Entity/Async. Asked through introspection, as a client would.
/// </summary>
public class PublicTypeNamesTests(PublicTypeNamesTests.App app) : IClassFixture<PublicTypeNamesTests.App>
{
    /// <summary>One server for the class (xunit cannot pass the factory's optional settings itself).</summary>
    public sealed class App() : MementoAppFactory();

    // The Relay connection spec's own name; clients and tools expect it.
    private static readonly HashSet<string> Standard = ["PageInfo"];

    private static readonly string[] Artefacts = ["`", "Dto", "DTO", "Entity", "Record", "Async", "InputInput", "FilterInput"];

    [Fact]
    public async Task No_type_carries_a_CSharp_suffix()
    {
        var types = await TypesAsync();
        var leaks = types.Select(t => t.Name)
            .Where(name => !name.StartsWith("__", StringComparison.Ordinal) && !Standard.Contains(name))
            .Where(name => name.EndsWith("Info", StringComparison.Ordinal) || Artefacts.Any(name.Contains))
            .ToArray();
        Assert.Empty(leaks);
    }

    [Fact]
    public async Task No_field_carries_a_CSharp_suffix()
    {
        var leaks = (await TypesAsync())
            .Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal))
            .SelectMany(t => t.Fields.Select(f => $"{t.Name}.{f}"))
            .Where(f => f.EndsWith("Async", StringComparison.Ordinal) || f.Contains('`'))
            .ToArray();
        Assert.Empty(leaks);
    }

    [Theory]
    // The design's names for the product's objects, their lists and their filters.
    [InlineData("Project")]
    [InlineData("Image")]
    [InlineData("ImageConnection")]
    [InlineData("ImageEdge")]
    [InlineData("UserFilter")]
    [InlineData("Annotation")]
    [InlineData("IntOperationFilter")]
    public async Task The_design_names_are_the_served_names(string name) =>
        Assert.Contains(name, (await TypesAsync()).Select(t => t.Name));

    [Fact]
    public async Task The_storage_path_of_an_image_is_not_part_of_the_API()
    {
        var image = (await TypesAsync()).Single(t => t.Name == "Image");
        Assert.DoesNotContain("storageDirectory", image.Fields);
        Assert.Contains("dziUrl", image.Fields);
    }

    private async Task<List<(string Name, string[] Fields)>> TypesAsync()
    {
        using var client = app.CreateClient();
        using var response = await client.PostAsJsonAsync("/graphql",
            new { query = "{ __schema { types { name fields(includeDeprecated: true) { name } inputFields { name } } } }" });
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("data").GetProperty("__schema").GetProperty("types").EnumerateArray()
            .Select(t => (t.GetProperty("name").GetString()!, Names(t, "fields").Concat(Names(t, "inputFields")).ToArray()))
            .ToList();
    }

    private static IEnumerable<string> Names(JsonElement type, string property) =>
        type.GetProperty(property).ValueKind == JsonValueKind.Array
            ? type.GetProperty(property).EnumerateArray().Select(f => f.GetProperty("name").GetString()!)
            : [];
}
