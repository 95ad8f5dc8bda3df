using System.Diagnostics;
using System.Text.Json;
using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Memento.Domain.Model;
using Memento.Domain.Services.Layers;
using Memento.Domain.Services.Regions;
using Memento.Tests.Domain.Services.Support;
using Memento.Tests.Support;
using Xunit.Abstractions;

namespace Memento.Tests.Domain.Services;

/// <summary>
/// Safe concurrent drawing: a layer's version advances with every change of it or its regions, a write against an
/// older version is refused (CONFLICT, naming who saved last) without writing anything, and of two saves racing
/// from the same version exactly one wins, on every database Memento supports. A layer holds 100,000 regions.
/// </summary>
public sealed class LayerVersionTests(ITestOutputHelper output)
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    private static RegionInput Point(double x, double y) => new("point", Json($$"""{"x":{{x}},"y":{{y}}}"""));

    private static async Task<int> VersionAsync(ServiceWorld world, Caller caller, long layerId)
    {
        using var request = world.NewRequest();
        return (await request.Layers.GetAsync(caller, layerId)).Version;
    }

    [Fact]
    public async Task Every_change_of_a_layer_or_its_regions_advances_its_version()
    {
        await using var world = await ServiceWorld.CreateAsync();
        using var request = world.NewRequest();
        var me = world.As("catpar");
        var layer = await request.Layers.CreateAsync(me, world.Wt1, new LayerSpec("roi", LayerKind.Drawing));
        Assert.Equal(0, layer.Version);

        Assert.Equal(1, await request.Regions.WriteAsync(me, layer.Id, [Point(1, 1), Point(2, 2)], 0, append: false));
        var (added, version) = await request.Regions.AddVersionedAsync(me, layer.Id, Point(3, 3), 1);
        Assert.Equal(2, version);
        Assert.Equal(3, await request.Regions.DeleteVersionedAsync(me, added.Id, 2));
        await request.Layers.EditAsync(me, layer.Id, new LayerEdit(Name: "cells"));
        Assert.Equal(4, await VersionAsync(world, me, layer.Id));
        // Without an expected version a write happens whatever the version, and still advances it.
        Assert.Equal(5, await request.Regions.WriteAsync(me, layer.Id, [Point(4, 4)], null, append: true));
        Assert.Equal([(1d, 1d), (2d, 2d), (4d, 4d)], (await request.Regions.ListAsync(me, layer.Id))
            .Select(r => JsonDocument.Parse(r.ShapeJson).RootElement)
            .Select(p => (p.GetProperty("x").GetDouble(), p.GetProperty("y").GetDouble())));
    }

    [Fact]
    public async Task A_save_against_an_older_version_is_a_conflict_naming_who_saved_and_writes_nothing()
    {
        await using var world = await ServiceWorld.CreateAsync();
        using var request = world.NewRequest();
        var owner = world.As("catpar");
        var layer = await request.Layers.CreateAsync(owner, world.Wt1, new LayerSpec("roi", LayerKind.Drawing));
        var opened = await request.Regions.WriteAsync(owner, layer.Id, [Point(1, 1)], 0, append: false);
        // An administrator changes the layer while the owner still draws on version 1.
        world.Clock.Now = new DateTimeOffset(2026, 11, 22, 10, 42, 0, TimeSpan.Zero);
        await request.Regions.WriteAsync(world.As("proadm"), layer.Id, [Point(9, 9)], opened, append: false);

        foreach (var write in new Func<Task>[]
                 {
                     () => request.Regions.WriteAsync(owner, layer.Id, [Point(5, 5)], opened, append: false),
                     () => request.Regions.WriteAsync(owner, layer.Id, [Point(5, 5)], opened, append: true),
                     () => request.Regions.AddVersionedAsync(owner, layer.Id, Point(5, 5), opened),
                 })
        {
            var e = await Assert.ThrowsAsync<MementoException>(write);
            Assert.Equal(ErrorCode.Conflict, e.Code);
            Assert.Contains("saved by proadm at 2026-11-22 10:42 UTC since you opened it", e.Message);
        }
        var kept = Assert.Single(await request.Regions.ListAsync(owner, layer.Id));
        Assert.Equal("""{"x":9,"y":9}""", kept.ShapeJson);
        var delete = await Assert.ThrowsAsync<MementoException>(() =>
            request.Regions.DeleteVersionedAsync(owner, kept.Id, opened));
        Assert.Equal(ErrorCode.Conflict, delete.Code);
        Assert.Single(await request.Regions.ListAsync(owner, layer.Id));
        Assert.Equal(2, await VersionAsync(world, owner, layer.Id));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Of_two_saves_racing_from_the_same_version_exactly_one_wins(DatabaseProvider provider)
    {
        await using var world = await ServiceWorld.CreateAsync(provider);
        var owner = world.As("catpar");
        long layerId;
        using (var setup = world.NewRequest())
            layerId = (await setup.Layers.CreateAsync(owner, world.Wt1, new LayerSpec("roi", LayerKind.Drawing))).Id;

        for (var round = 0; round < 5; round++)
        {
            var version = await VersionAsync(world, owner, layerId);
            // Two requests (own contexts and connections) released at the same moment, each saving a different set.
            using var start = new SemaphoreSlim(0, 2);
            var saves = new[] { 1, 2 }.Select(n => Task.Run(async () =>
            {
                using var request = world.NewRequest();
                var regions = Enumerable.Range(0, 200).Select(i => Point(n, i)).ToList();
                await start.WaitAsync();
                try
                {
                    return (n, Version: (int?)await request.Regions.WriteAsync(owner, layerId, regions, version, append: false),
                        Error: (MementoException?)null);
                }
                catch (MementoException e)
                {
                    return (n, Version: (int?)null, Error: e);
                }
            })).ToList();
            start.Release(2);
            var results = await Task.WhenAll(saves);

            var winner = Assert.Single(results, r => r.Error is null);
            var loser = Assert.Single(results, r => r.Error is not null);
            Assert.Equal(ErrorCode.Conflict, loser.Error!.Code);
            Assert.Equal(version + 1, winner.Version);
            using var check = world.NewRequest();
            var stored = await check.Regions.ListAsync(owner, layerId);
            Assert.Equal(200, stored.Count);
            Assert.All(stored, r => Assert.StartsWith($$"""{"x":{{winner.n}},""", r.ShapeJson));
            Assert.Equal(version + 1, await VersionAsync(world, owner, layerId));
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_layer_holds_100000_regions_saved_in_parts_and_read_back(DatabaseProvider provider)
    {
        await using var world = await ServiceWorld.CreateAsync(provider);
        var owner = world.As("catpar");
        long layerId;
        using (var setup = world.NewRequest())
            layerId = (await setup.Layers.CreateAsync(owner, world.Wt1, new LayerSpec("nuclei", LayerKind.Drawing))).Id;
        // Cell outlines as an imported segmentation brings them: small polygons.
        var regions = Enumerable.Range(0, RegionService.MaxRegionsPerLayer).Select(i => new RegionInput("polygon",
            Json($$"""[{"x":{{i % 1000}},"y":{{i / 1000}}},{"x":{{i % 1000 + 0.5}},"y":{{i / 1000}}},{"x":{{i % 1000}},"y":{{i / 1000 + 0.5}}}]"""))).ToList();

        var clock = Stopwatch.StartNew();
        int version;
        using (var request = world.NewRequest())
            version = await request.Regions.WriteAsync(owner, layerId, regions, 0, append: false);
        var whole = clock.Elapsed;

        clock.Restart();
        List<RegionInfo> listed;
        using (var request = world.NewRequest()) listed = await request.Regions.ListAsync(owner, layerId);
        var read = clock.Elapsed;
        Assert.Equal(RegionService.MaxRegionsPerLayer, listed.Count);
        Assert.Equal("""[{"x":999,"y":99},{"x":999.5,"y":99},{"x":999,"y":99.5}]""", listed[^1].ShapeJson);

        // The same set in ten appended parts, as a client bound by the request-size limit sends it.
        clock.Restart();
        for (var part = 0; part < 10; part++)
        {
            using var request = world.NewRequest();
            version = await request.Regions.WriteAsync(owner, layerId, regions.Skip(part * 10_000).Take(10_000).ToList(),
                version, append: part > 0);
        }
        var parts = clock.Elapsed;
        using (var request = world.NewRequest())
        {
            Assert.Equal(RegionService.MaxRegionsPerLayer, (await request.Regions.ListAsync(owner, layerId)).Count);
            // Full: one more region is refused, and the refused append writes nothing.
            var e = await Assert.ThrowsAsync<MementoException>(() =>
                request.Regions.WriteAsync(owner, layerId, [Point(1, 1)], version, append: true));
            Assert.Equal(ErrorCode.Validation, e.Code);
            Assert.Equal(version, await VersionAsync(world, owner, layerId));
        }
        output.WriteLine($"{provider}: 100,000 polygons saved in one call {whole.TotalMilliseconds:F0} ms, " +
                         $"listed {read.TotalMilliseconds:F0} ms, saved in 10 appended parts {parts.TotalMilliseconds:F0} ms");
    }
}
