using Memento.Domain.Authorization;
using Memento.Domain.Model;
using Memento.Domain.Services.Layers;

namespace Memento.Tests.Domain.Services;

/// <summary>
/// Issue 10's numeric review: a sequence at int.MaxValue made the next appended layer's number wrap to int.MinValue,
/// so it sorted first. Sequences are bounded, and appending after the largest allowed one still sorts last.
/// </summary>
public sealed class LayerSequenceTests : ServiceTestBase
{
    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(LayerRules.MaxSequence + 1)]
    public async Task A_sequence_beyond_the_bound_is_refused_on_create_and_edit(int sequence)
    {
        var admin = World.As("proadm");
        using var request = World.NewRequest();
        var annotation = await request.Annotations.CreateAsync(admin, World.WT, "bounds", new LayerSpec("channels", LayerKind.Group));

        var create = await Assert.ThrowsAsync<MementoException>(() => request.Layers.GetOrCreateAsync(admin,
            annotation.Annotation.Id, new LayerSpec("big", LayerKind.Drawing, Sequence: sequence)));
        var edit = await Assert.ThrowsAsync<MementoException>(() => request.Layers.EditAsync(admin,
            annotation.FirstLayerId!.Value, new LayerEdit(Sequence: sequence)));

        Assert.Equal((ErrorCode.Validation, "sequence"), (create.Code, create.Field));
        Assert.Equal((ErrorCode.Validation, "sequence"), (edit.Code, edit.Field));
    }

    [Fact]
    public async Task Appending_after_the_largest_sequence_sorts_last()
    {
        var admin = World.As("proadm");
        using var request = World.NewRequest();
        var annotation = await request.Annotations.CreateAsync(admin, World.WT, "append", new LayerSpec("channels", LayerKind.Group));
        await request.Layers.EditAsync(admin, annotation.FirstLayerId!.Value, new LayerEdit(Sequence: LayerRules.MaxSequence));

        var appended = await request.Layers.GetOrCreateAsync(admin, annotation.Annotation.Id,
            new LayerSpec("notes", LayerKind.Drawing, Sequence: -1));

        Assert.Equal(LayerRules.MaxSequence + 1, appended.Layer.Sequence);
        Assert.Equal("notes", (await request.Layers.ListAsync(admin, annotation.Annotation.Id)).Last().Name);
    }
}
