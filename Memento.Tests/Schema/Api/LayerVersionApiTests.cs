using System.Text.Json;
using Memento.Domain.Authorization;
using Memento.Domain.Model;
using Memento.Domain.Services.Layers;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;
using Memento.Tests.Domain.Services.Support;
using Memento.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Memento.Tests.Schema.Api;

/// <summary>
/// Layer versions through the GraphQL executor: layer.version, the version each region write returns, a stale
/// expectedVersion answered with extensions.code CONFLICT and nothing written, and a save in appended parts.
/// </summary>
public sealed class LayerVersionApiTests : IAsyncLifetime
{
    private ServiceWorld world = null!;
    private ServiceProvider services = null!;
    private GraphQLSchema? schema;

    public async Task InitializeAsync()
    {
        world = await ServiceWorld.CreateAsync();
        services = ApiServices.Build(world.Clock, () => world.NewContext(), world.DataDirectory);
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await world.DisposeAsync();
    }

    private async Task<JsonElement> Run(string role, string query, Dictionary<string, object?>? variables = null) =>
        await ApiServices.RunAsync(services, schema ??= ApiServices.Schema(services), world.As(role), query, variables);

    private async Task<JsonElement> Data(string role, string query, Dictionary<string, object?>? variables = null)
    {
        var response = await Run(role, query, variables);
        Assert.False(response.TryGetProperty("errors", out _), response.ToString());
        return response.GetProperty("data");
    }

    private const string Save = """
        mutation($l: Long!, $v: Int, $a: Boolean, $r: [RegionShapeInput!]!) {
          saveRegions(input: {layerId: $l, regions: $r, expectedVersion: $v, append: $a}) { layerId version } }
        """;

    private static List<object?> Points(params int[] xs) =>
        xs.Select(x => (object?)new Dictionary<string, object?> { ["type"] = "point", ["shape"] = new Dictionary<string, object?> { ["x"] = x, ["y"] = 0 } }).ToList();

    [Fact]
    public async Task A_stale_expected_version_is_a_conflict_and_parts_append_under_the_version_check()
    {
        long layer;
        using (var request = world.NewRequest())
            layer = (await request.Layers.CreateAsync(world.As("catpar"), world.Wt1, new LayerSpec("roi", LayerKind.Drawing))).Id;
        var version = (await Data("annvie", $"{{ layer(id: {layer}) {{ version }} }}")).GetProperty("layer").GetProperty("version").GetInt32();
        Assert.Equal(0, version);

        // A save in two parts: the first replaces, the next appends with the version the first returned.
        var first = (await Data("catpar", Save, new() { ["l"] = layer, ["v"] = 0, ["r"] = Points(1, 2) })).GetProperty("saveRegions");
        Assert.Equal(1, first.GetProperty("version").GetInt32());
        var second = (await Data("catpar", Save, new() { ["l"] = layer, ["v"] = 1, ["a"] = true, ["r"] = Points(3) })).GetProperty("saveRegions");
        Assert.Equal(2, second.GetProperty("version").GetInt32());

        // An administrator's edit moves the layer on; the owner's save from version 2 is refused.
        world.Clock.Now = new DateTimeOffset(2026, 11, 22, 10, 42, 0, TimeSpan.Zero);
        await Data("proadm", $$"""mutation { editLayer(input: {id: {{layer}}, name: "cells"}) { layer { version } } }""");
        var stale = await Run("catpar", Save, new() { ["l"] = layer, ["v"] = 2, ["r"] = Points(9) });
        var error = stale.GetProperty("errors")[0];
        Assert.Equal(ErrorCodes.Conflict, error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("saved by proadm at 2026-11-22 10:42 UTC", error.GetProperty("message").GetString());
        var stored = (await Data("catvie", $"{{ layer(id: {layer}) {{ version regions {{ shape }} }} }}")).GetProperty("layer");
        Assert.Equal(3, stored.GetProperty("version").GetInt32());
        Assert.Equal([1d, 2d, 3d], stored.GetProperty("regions").EnumerateArray().Select(r => r.GetProperty("shape").GetProperty("x").GetDouble()));

        // addRegion and deleteRegion take the version too and return the new one.
        var added = (await Data("catpar", $$$$"""mutation { addRegion(input: {layerId: {{{{layer}}}}, expectedVersion: 3, region: {type: "point", shape: {x: 4, y: 0}}}) { version region { id } } }"""))
            .GetProperty("addRegion");
        Assert.Equal(4, added.GetProperty("version").GetInt32());
        var id = added.GetProperty("region").GetProperty("id").GetInt64();
        var refused = await Run("catpar", $"mutation {{ deleteRegion(input: {{id: {id}, expectedVersion: 3}}) {{ version }} }}");
        Assert.Equal(ErrorCodes.Conflict, refused.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        var deleted = (await Data("catpar", $"mutation {{ deleteRegion(input: {{id: {id}, expectedVersion: 4}}) {{ deletedId version }} }}")).GetProperty("deleteRegion");
        Assert.Equal(5, deleted.GetProperty("version").GetInt32());
        Assert.Equal(3, (await Data("catvie", $"{{ regions(layerId: {layer}) {{ id }} }}")).GetProperty("regions").GetArrayLength());
    }
}
