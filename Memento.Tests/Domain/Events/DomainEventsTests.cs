using Memento.Domain.Events;
using Memento.Domain.Model;
using Memento.Tests.Domain.Services.Support;
using Memento.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Memento.Tests.Domain.Events;

/// <summary>
/// Events raised during a unit of work reach subscribers only once the change is committed, on both databases.
/// </summary>
public sealed class DomainEventsTests
{
    public static TheoryData<Memento.Domain.Data.DatabaseProvider> Databases => Providers.All;

    private static async Task<List<ProjectCountersChanged>> Received(EventHub hub, Func<Task> act)
    {
        using var cts = new CancellationTokenSource();
        var received = new List<ProjectCountersChanged>();
        var stream = hub.Subscribe<ProjectCountersChanged>(_ => true, cts.Token);
        await act();
        // Every publish is synchronous; a marker published now arrives after anything the act published.
        var marker = -Random.Shared.NextInt64(1, long.MaxValue);
        hub.Publish(new ProjectCountersChanged(marker));
        await foreach (var e in stream)
        {
            if (e.ProjectId == marker) break;
            if (e.ProjectId >= 0) received.Add(e); // negative: another check's marker
        }
        return received;
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task An_event_raised_in_a_transaction_waits_for_its_commit(Memento.Domain.Data.DatabaseProvider provider)
    {
        await using var world = await ServiceWorld.CreateAsync(provider);
        var hub = new EventHub();
        await using var db = world.NewContext();
        var events = new DomainEvents(db, hub);
        var beforeCommit = new List<ProjectCountersChanged>();
        var received = await Received(hub, async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.Annotations.Where(a => a.Id == world.Wt1).ExecuteUpdateAsync(s => s.SetProperty(a => a.Name, "renamed"));
            events.Raise(new ProjectCountersChanged(world.Kidney));
            beforeCommit.AddRange(await Received(hub, () => Task.CompletedTask));
            await transaction.CommitAsync();
        });
        Assert.Empty(beforeCommit);
        Assert.Equal([world.Kidney], received.Select(e => e.ProjectId));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task An_event_of_a_rolled_back_or_abandoned_transaction_is_never_published(Memento.Domain.Data.DatabaseProvider provider)
    {
        await using var world = await ServiceWorld.CreateAsync(provider);
        var hub = new EventHub();
        await using var db = world.NewContext();
        var events = new DomainEvents(db, hub);
        var received = await Received(hub, async () =>
        {
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                events.Raise(new ProjectCountersChanged(1));
                await transaction.RollbackAsync();
            }
            // A service that throws inside its transaction disposes it uncommitted.
            await using (var transaction = await db.Database.BeginTransactionAsync())
                events.Raise(new ProjectCountersChanged(2));
            // A later unit of work of the same request commits: only its own event goes out.
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                events.Raise(new ProjectCountersChanged(3));
                await transaction.CommitAsync();
            }
        });
        Assert.Equal([3L], received.Select(e => e.ProjectId));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Outside_a_transaction_an_event_waits_for_the_pending_save_and_dies_with_a_failed_one(
        Memento.Domain.Data.DatabaseProvider provider)
    {
        await using var world = await ServiceWorld.CreateAsync(provider);
        var hub = new EventHub();
        await using var db = world.NewContext();
        var events = new DomainEvents(db, hub);
        var pending = new List<ProjectCountersChanged>();
        var received = await Received(hub, async () =>
        {
            db.Labels.Add(new Label { ProjectId = world.Kidney, Name = "fresh" });
            events.Raise(new ProjectCountersChanged(1));
            pending.AddRange(await Received(hub, () => Task.CompletedTask));
            await db.SaveChangesAsync();

            db.Labels.Add(new Label { ProjectId = world.Kidney, Name = "fresh" }); // the unique name refuses it
            events.Raise(new ProjectCountersChanged(2));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();

            events.Raise(new ProjectCountersChanged(3)); // nothing pending: the write happened already
        });
        Assert.Empty(pending);
        Assert.Equal([1L, 3L], received.Select(e => e.ProjectId));
    }
}
