using Memento.Domain.Authorization;
using Memento.Domain.Events;
using Memento.Domain.Model;
using Memento.Tests.Domain.Services;

namespace Memento.Tests.Domain.Events;

/// <summary>The domain services announce their changes, with the ids live views filter on, once they are committed.</summary>
public sealed class ServiceEventsTests : ServiceTestBase
{
    /// <summary>The events published while <paramref name="act"/> runs, in order.</summary>
    private async Task<List<DomainEvent>> EventsOf(Func<Task> act)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var stream = World.Hub.Subscribe<DomainEvent>(_ => true, cts.Token);
        await act();
        var marker = new ProjectCountersChanged(-1);
        World.Hub.Publish(marker);
        var seen = new List<DomainEvent>();
        await foreach (var e in stream)
        {
            if (ReferenceEquals(e, marker)) break;
            seen.Add(e);
        }
        return seen;
    }

    [Fact]
    public async Task Adding_a_comment_names_the_annotation_its_category_the_layer_and_the_author()
    {
        var events = await EventsOf(async () =>
        {
            using var request = World.NewRequest();
            await request.Comments.AddAsync(World.As("catpar"), World.LayerWt1, "look here");
        });
        var e = Assert.IsType<AnnotationChanged>(Assert.Single(events));
        Assert.Equal(new AnnotationChanged(World.Kidney, World.WT, World.Wt1, AnnotationChange.Comments, World.LayerWt1, null,
            World.Users["catpar"], "catpar"), e);
    }

    [Fact]
    public async Task Submitting_with_labels_announces_labels_status_and_counters_and_a_failed_submit_nothing()
    {
        using (var setup = World.NewRequest())
        {
            setup.Db.Labels.Add(new Label { ProjectId = World.Kidney, Name = "good" });
            await setup.Db.SaveChangesAsync();
        }
        var failed = await EventsOf(async () =>
        {
            using var request = World.NewRequest();
            await Assert.ThrowsAsync<MementoException>(() =>
                request.Annotations.SubmitWithLabelsAsync(World.As("catpar"), World.Wt1, ["no such label"]));
        });
        Assert.Empty(failed);

        var events = await EventsOf(async () =>
        {
            using var request = World.NewRequest();
            await request.Annotations.SubmitWithLabelsAsync(World.As("catpar"), World.Wt1, ["good"]);
        });
        Assert.Equal(["Labels", "Status", "Counters"], events.Select(e => e switch
        {
            AnnotationChanged a => a.Change.ToString(),
            ProjectCountersChanged => "Counters",
            _ => e.GetType().Name,
        }));
        Assert.All(events, e => Assert.Equal(World.Kidney, e.ProjectId));
    }

    [Fact]
    public async Task Revoking_a_role_or_a_share_link_changes_access_in_the_project()
    {
        var revoked = await EventsOf(async () =>
        {
            using var request = World.NewRequest();
            await request.Permissions.RevokeAsync(World.As("proadm"), World.Users["catpar"], PermissionRole.CatPar, World.WT);
        });
        Assert.Contains(new AccessChanged(World.Kidney), revoked);
        Assert.Contains(new ProjectCountersChanged(World.Kidney), revoked);

        using var request = World.NewRequest();
        var link = await request.ShareLinks.CreateAsync(World.As("propar"), World.Wt1, null);
        var unshared = await EventsOf(() => request.ShareLinks.RevokeAsync(World.As("propar"), link.Link.Id));
        Assert.Contains(new AccessChanged(World.Kidney), unshared);
        Assert.Contains(unshared, e => e is AnnotationChanged { Change: AnnotationChange.ShareLink, AnnotationId: var id } && id == World.Wt1);
    }
}
