using Memento.Domain.Authorization;
using Memento.Domain.Model;
using Memento.Domain.Services.Layers;

namespace Memento.Tests.Domain.Services;

public sealed class AnnotationServiceTests : ServiceTestBase
{
    [Fact]
    public async Task GetOrCreate_makes_the_annotation_with_its_first_layer_once_then_reports_layer_minus_one()
    {
        var admin = World.As("proadm");
        using var request = World.NewRequest();
        var created = await request.Annotations.GetOrCreateAsync(admin, World.WT, "mouse_01",
            new LayerSpec("channels", LayerKind.Group, Sequence: 4));
        var again = await request.Annotations.GetOrCreateAsync(admin, World.WT, "mouse_01",
            new LayerSpec("channels", LayerKind.Group, Sequence: 4));
        Assert.True(created.Created);
        Assert.Equal(created.Annotation.Id, again.Annotation.Id);
        Assert.Equal(-1, again.ManualIds.LayerId);
        var group = Assert.Single(await request.Layers.ListAsync(admin, created.Annotation.Id));
        Assert.Equal((created.FirstLayerId!.Value, LayerKind.Group, 4), (group.Id, group.Kind, group.Sequence));
    }

    [Fact]
    public async Task Image_layers_go_inside_the_group_and_sequence_minus_one_appends()
    {
        var admin = World.As("proadm");
        using var request = World.NewRequest();
        var annotation = await request.Annotations.CreateAsync(admin, World.WT, "mouse_02", new LayerSpec("channels", LayerKind.Group));
        var groupId = annotation.FirstLayerId!.Value;
        var dapi = await request.Layers.GetOrCreateAsync(admin, annotation.Annotation.Id,
            new LayerSpec("DAPI.tif", LayerKind.Image, World.ImgWt1, Sequence: -1, ParentId: groupId));
        var gfp = await request.Layers.GetOrCreateAsync(admin, annotation.Annotation.Id,
            new LayerSpec("GFP.tif", LayerKind.Image, World.ImgKo1, Sequence: -1, ParentId: groupId));
        var dapiAgain = await request.Layers.GetOrCreateAsync(admin, annotation.Annotation.Id,
            new LayerSpec("DAPI.tif", LayerKind.Image, World.ImgWt1));
        Assert.Equal((2, 3), (dapi.Layer.Sequence, gfp.Layer.Sequence));
        Assert.Equal(groupId, gfp.Layer.ParentLayerId);
        Assert.Equal((dapi.Layer.Id, false), (dapiAgain.Layer.Id, dapiAgain.Created));
    }

    [Fact]
    public async Task A_layer_cannot_show_an_image_of_another_project()
    {
        using var request = World.NewRequest();
        var sysadm = World.As("sysadm");
        var other = await request.Images.CreateAsync(sysadm, World.Open, "x", 1, "E", "https://example.org/x.png");
        var e = await Assert.ThrowsAsync<MementoException>(() =>
            request.Layers.CreateAsync(sysadm, World.Wt1, new LayerSpec("x", LayerKind.Image, other.Id)));
        Assert.Equal((ErrorCode.Validation, "imageId"), (e.Code, e.Field));
    }

    [Fact]
    public async Task Setting_labels_replaces_all_of_them_and_unknown_names_change_nothing()
    {
        var admin = World.As("proadm");
        var annotator = World.As("catpar");
        using var request = World.NewRequest();
        foreach (var name in new[] { "positive", "negative", "artifact" })
            await request.Labels.CreateAsync(admin, World.Kidney, name);
        await request.Annotations.SetLabelsAsync(annotator, World.Wt1, ["positive", "artifact"]);
        Assert.Equal(["negative"], await request.Annotations.SetLabelsAsync(annotator, World.Wt1, ["negative"]));
        var e = await Assert.ThrowsAsync<MementoException>(() =>
            request.Annotations.SetLabelsAsync(annotator, World.Wt1, ["positive", "nonsense"]));
        Assert.Equal(ErrorCode.Validation, e.Code);
        Assert.Contains("nonsense", e.Message);
        Assert.Equal(["negative"], await request.Annotations.GetLabelsAsync(annotator, World.Wt1));
    }

    [Fact]
    public async Task Submitting_marks_the_annotation_S_with_who_and_when()
    {
        using var request = World.NewRequest();
        var submitted = await request.Annotations.SubmitAsync(World.As("annpar"), World.Wt1);
        Assert.Equal("S", submitted.StatusCode);
        Assert.Equal(World.Clock.Now, submitted.SubmittedAt);
    }

    [Fact]
    public async Task Submitting_with_labels_records_both_and_an_unknown_label_leaves_status_and_labels_as_they_were()
    {
        var annotator = World.As("catpar");
        using var request = World.NewRequest();
        foreach (var name in new[] { "positive", "negative" })
            await request.Labels.CreateAsync(World.As("proadm"), World.Kidney, name);
        await request.Annotations.SetLabelsAsync(annotator, World.Wt1, ["negative"]);
        var e = await Assert.ThrowsAsync<MementoException>(() =>
            request.Annotations.SubmitWithLabelsAsync(annotator, World.Wt1, ["positive", "nonsense"]));
        Assert.Equal(ErrorCode.Validation, e.Code);
        Assert.Equal("N", (await request.Annotations.GetAsync(annotator, World.Wt1)).StatusCode);
        Assert.Equal(["negative"], await request.Annotations.GetLabelsAsync(annotator, World.Wt1));

        var submitted = await request.Annotations.SubmitWithLabelsAsync(annotator, World.Wt1, ["positive"]);
        Assert.Equal("S", submitted.StatusCode);
        Assert.Equal(["positive"], await request.Annotations.GetLabelsAsync(annotator, World.Wt1));
    }

    [Fact]
    public async Task A_participant_may_not_delete_an_administrators_image_layer_but_may_delete_their_own_drawing()
    {
        using var request = World.NewRequest();
        var annotator = World.As("catpar");
        var e = await Assert.ThrowsAsync<MementoException>(() => request.Layers.DeleteAsync(annotator, World.LayerWt1));
        Assert.Equal(ErrorCode.Forbidden, e.Code);
        var mine = await request.Layers.CreateAsync(annotator, World.Wt1, new LayerSpec("my ROIs", LayerKind.Drawing));
        var other = await Assert.ThrowsAsync<MementoException>(() => request.Layers.DeleteAsync(World.As("annpar"), mine.Id));
        Assert.Equal(ErrorCode.Forbidden, other.Code);
        await request.Layers.DeleteAsync(annotator, mine.Id);
        Assert.Single(await request.Layers.ListAsync(annotator, World.Wt1));
    }
}
