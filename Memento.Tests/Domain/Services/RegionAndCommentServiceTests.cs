using System.Text.Json;
using Memento.Domain.Authorization;
using Memento.Domain.Model;
using Memento.Domain.Services.Layers;
using Memento.Domain.Services.Regions;

namespace Memento.Tests.Domain.Services;

public sealed class RegionAndCommentServiceTests : ServiceTestBase
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    [Theory]
    [InlineData("polygon", """[{"x":0,"y":0},{"x":1,"y":0}]""")] // a polygon needs three points
    [InlineData("bbox", """{"x":0,"y":0,"w":-1,"h":2}""")]
    [InlineData("point", """{"x":"left","y":0}""")]
    [InlineData("circle", """{"x":0,"y":0}""")]
    public async Task Malformed_regions_are_refused_and_the_saved_set_stays(string type, string shape)
    {
        using var request = World.NewRequest();
        var me = World.As("catpar");
        var layer = await request.Layers.CreateAsync(me, World.Wt1, new LayerSpec("roi", LayerKind.Drawing));
        await request.Regions.SaveAsync(me, layer.Id, [new RegionInput("point", Json("""{"x":3,"y":4}"""))]);
        var e = await Assert.ThrowsAsync<MementoException>(() =>
            request.Regions.SaveAsync(me, layer.Id, [new RegionInput(type, Json(shape))]));
        Assert.Equal(ErrorCode.Validation, e.Code);
        var kept = Assert.Single(await request.Regions.ListAsync(me, layer.Id));
        Assert.Equal("""{"x":3,"y":4}""", kept.ShapeJson);
    }

    [Fact]
    public async Task Saving_replaces_the_set_and_others_may_read_but_not_write_my_drawing()
    {
        using var request = World.NewRequest();
        var me = World.As("catpar");
        var layer = await request.Layers.CreateAsync(me, World.Wt1, new LayerSpec("roi", LayerKind.Drawing));
        await request.Regions.SaveAsync(me, layer.Id, [new RegionInput("point", Json("""{"x":1,"y":1}"""))]);
        var saved = await request.Regions.SaveAsync(me, layer.Id, [
            new RegionInput("polyline", Json("""[{"x":1,"y":1},{"x":2,"y":2}]""")),
            new RegionInput("bbox", Json("""{"x":1,"y":1,"w":2,"h":2}"""), Style: Json("""{"stroke":"#ff0"}""")),
        ]);
        Assert.Equal(["polyline", "bbox"], saved.Select(r => r.Type));
        Assert.Equal(2, (await request.Regions.ListAsync(World.As("annvie"), layer.Id)).Count);
        var e = await Assert.ThrowsAsync<MementoException>(() =>
            request.Regions.SaveAsync(World.As("annpar"), layer.Id, []));
        Assert.Equal(ErrorCode.Forbidden, e.Code);
    }

    [Fact]
    public async Task Regions_go_on_drawing_layers_only()
    {
        using var request = World.NewRequest();
        var e = await Assert.ThrowsAsync<MementoException>(() => request.Regions.AddAsync(World.As("proadm"),
            World.LayerWt1, new RegionInput("point", Json("""{"x":1,"y":1}"""))));
        Assert.Equal(ErrorCode.Validation, e.Code);
    }

    [Fact]
    public async Task Authors_edit_and_delete_their_own_comments_only_and_administrators_may_remove_any()
    {
        using var request = World.NewRequest();
        var mine = await request.Comments.AddAsync(World.As("catpar"), World.LayerWt1, "first");
        var edited = await request.Comments.EditAsync(World.As("catpar"), mine.Id, "first, corrected");
        Assert.Equal(("first, corrected", World.Clock.Now), (edited.Text, edited.EditedAt!.Value));
        var e = await Assert.ThrowsAsync<MementoException>(() =>
            request.Comments.EditAsync(World.As("annpar"), mine.Id, "vandalised"));
        Assert.Equal(ErrorCode.Forbidden, e.Code);
        await request.Comments.DeleteAsync(World.As("proadm"), mine.Id);
        Assert.Empty(await request.Comments.ListAsync(World.As("catpar"), World.LayerWt1));
    }

    [Fact]
    public async Task Empty_comments_are_refused()
    {
        using var request = World.NewRequest();
        var e = await Assert.ThrowsAsync<MementoException>(() => request.Comments.AddAsync(World.As("catpar"), World.LayerWt1, "   "));
        Assert.Equal((ErrorCode.Validation, "content"), (e.Code, e.Field));
    }
}
