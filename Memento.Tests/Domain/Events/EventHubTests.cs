using Memento.Domain.Events;
using Memento.Domain.Model;

namespace Memento.Tests.Domain.Events;

/// <summary>The in-process hub: filtered delivery, a bounded buffer per subscriber, and no subscription left behind.</summary>
public sealed class EventHubTests
{
    private static ImageProgressChanged Progress(long image, int percent) =>
        new(1, image, ImageProcessingState.Processing, percent);

    [Fact]
    public async Task A_subscriber_receives_the_events_its_filter_accepts_in_order()
    {
        var hub = new EventHub();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var stream = hub.Subscribe<ImageProgressChanged>(e => e.ImageId == 7, cts.Token);
        hub.Publish(Progress(7, 10));
        hub.Publish(Progress(8, 20)); // another image
        hub.Publish(new ProjectCountersChanged(1)); // another type
        hub.Publish(Progress(7, 30));

        var seen = new List<int>();
        await foreach (var e in stream)
        {
            seen.Add(e.ProgressPercent);
            if (seen.Count == 2) break;
        }
        Assert.Equal([10, 30], seen);
    }

    [Fact]
    public async Task A_subscription_starts_when_made_not_at_its_first_read()
    {
        var hub = new EventHub();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var stream = hub.Subscribe<ProjectCountersChanged>(_ => true, cts.Token);
        hub.Publish(new ProjectCountersChanged(5)); // published before anyone reads
        await using var reader = stream.GetAsyncEnumerator();
        Assert.True(await reader.MoveNextAsync());
        Assert.Equal(5, reader.Current.ProjectId);
    }

    [Fact]
    public async Task A_slow_reader_loses_its_oldest_events_and_never_blocks_the_publisher()
    {
        var hub = new EventHub();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var stream = hub.Subscribe<ImageProgressChanged>(_ => true, cts.Token);
        var total = EventHub.BufferPerSubscriber + 50;
        for (var i = 0; i < total; i++) hub.Publish(Progress(1, i)); // returns at once although nobody reads

        var seen = new List<int>();
        await foreach (var e in stream)
        {
            seen.Add(e.ProgressPercent);
            if (seen.Count == EventHub.BufferPerSubscriber) break;
        }
        Assert.Equal(Enumerable.Range(50, EventHub.BufferPerSubscriber), seen); // the newest ones, in order
    }

    [Fact]
    public async Task Cancelling_ends_the_stream_and_unsubscribes_even_while_nobody_reads()
    {
        var hub = new EventHub();
        using var unread = new CancellationTokenSource();
        _ = hub.Subscribe<ProjectCountersChanged>(_ => true, unread.Token);
        using var read = new CancellationTokenSource();
        var stream = hub.Subscribe<ProjectCountersChanged>(_ => true, read.Token);
        Assert.Equal(2, hub.SubscriberCount);

        unread.Cancel();
        Assert.Equal(1, hub.SubscriberCount);

        var reading = Task.Run(async () =>
        {
            var count = 0;
            await foreach (var _ in stream) count++;
            return count;
        });
        hub.Publish(new ProjectCountersChanged(1));
        read.Cancel();
        Assert.InRange(await reading.WaitAsync(TimeSpan.FromSeconds(10)), 0, 1); // ended, not hanging
        Assert.Equal(0, hub.SubscriberCount);
    }

    [Fact]
    public async Task Disposing_the_reader_unsubscribes_without_a_cancellation()
    {
        var hub = new EventHub();
        var stream = hub.Subscribe<ProjectCountersChanged>(_ => true, CancellationToken.None);
        hub.Publish(new ProjectCountersChanged(1));
        await foreach (var _ in stream) break; // leaving the loop disposes the enumerator
        Assert.Equal(0, hub.SubscriberCount);
    }

    [Fact]
    public async Task Many_subscriptions_come_and_go_without_leaking()
    {
        var hub = new EventHub();
        var readers = Enumerable.Range(0, 200).Select(async i =>
        {
            using var cts = new CancellationTokenSource();
            var stream = hub.Subscribe<ProjectCountersChanged>(e => e.ProjectId == i, cts.Token);
            hub.Publish(new ProjectCountersChanged(i));
            await foreach (var e in stream)
            {
                Assert.Equal(i, e.ProjectId);
                cts.Cancel();
            }
        });
        await Task.WhenAll(readers).WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(0, hub.SubscriberCount);
    }

    [Fact]
    public async Task A_failing_filter_skips_only_its_own_subscriber()
    {
        var hub = new EventHub();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        _ = hub.Subscribe<ProjectCountersChanged>(_ => throw new InvalidOperationException("bad filter"), cts.Token);
        var good = hub.Subscribe<ProjectCountersChanged>(_ => true, cts.Token).GetAsyncEnumerator();
        hub.Publish(new ProjectCountersChanged(3));
        Assert.True(await good.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(3, good.Current.ProjectId);
    }
}
