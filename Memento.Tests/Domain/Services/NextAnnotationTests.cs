using Memento.Domain.Model;
using Memento.Domain.Services.Layers;

namespace Memento.Tests.Domain.Services;

/// <summary>The viewer's Next queue: unsubmitted annotations the caller may label, in the sidebar's order, wrapping.</summary>
public sealed class NextAnnotationTests : ServiceTestBase
{
    [Fact]
    public async Task Next_walks_the_sidebar_order_skips_submitted_ones_wraps_and_ends_empty()
    {
        var admin = World.As("sysadm");
        using var request = World.NewRequest();
        var project = await request.Projects.CreateAsync(admin, "Next queue");
        // Created out of order: the queue follows names, not creation.
        var b = await request.Categories.CreateAsync(admin, project.Id, "B category");
        var a = await request.Categories.CreateAsync(admin, project.Id, "A category");
        async Task<long> Annotation(long category, string name) =>
            (await request.Annotations.CreateAsync(admin, category, name, new LayerSpec("drawing", LayerKind.Drawing))).Annotation.Id;
        var b1 = await Annotation(b.Id, "b1");
        var a2 = await Annotation(a.Id, "a2");
        var a1 = await Annotation(a.Id, "a1");

        async Task<long?> Next(long? after, long? category = null) =>
            (await request.Annotations.NextAsync(admin, project.Id, after, category))?.Id;

        Assert.Equal(a1, await Next(null));
        Assert.Equal(a2, await Next(a1));
        Assert.Equal(b1, await Next(a2));
        Assert.Equal(a1, await Next(b1)); // wraps round
        Assert.Equal(a1, await Next(b1, a.Id)); // within a category, from outside it: its first
        Assert.Equal(a1, await Next(null, a.Id));

        await request.Annotations.SubmitAsync(admin, a2);
        Assert.Equal(b1, await Next(a1)); // a submitted one leaves the queue
        Assert.Equal(b1, await Next(a2)); // from a submitted one, the queue goes on after its place
        await request.Annotations.SubmitAsync(admin, a1);
        Assert.Null(await Next(b1)); // never back to the current one
        await request.Annotations.SubmitAsync(admin, b1);
        Assert.Null(await Next(null));
    }

    [Fact]
    public async Task Viewers_have_no_queue_and_an_annotation_participant_only_its_own()
    {
        using var request = World.NewRequest();
        Assert.Null(await request.Annotations.NextAsync(World.As("provie"), World.Kidney, null, null));
        Assert.Null(await request.Annotations.NextAsync(World.As("catvie"), World.Kidney, null, null));
        var own = await request.Annotations.NextAsync(World.As("annpar"), World.Kidney, null, null);
        Assert.Equal(World.Wt1, own?.Id);
        Assert.Null(await request.Annotations.NextAsync(World.As("annpar"), World.Kidney, World.Wt1, null));
    }
}
