using Memento.Domain.Events;
using Memento.Domain.Services.Images;
using Memento.Server.Jobs;

namespace Memento.Tests.Server;

/// <summary>A conversion's progress events: every change eventually, never more than four a second per image.</summary>
public sealed class IngestProgressEventsTests
{
    [Fact]
    public async Task A_burst_of_progress_reports_publishes_its_first_step_and_then_the_latest_on_the_heartbeat()
    {
        var hub = new EventHub();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var stream = hub.Subscribe<ImageProgressChanged>(_ => true, cts.Token);
        var progress = new IngestProgressEvents(hub, new IngestWork(7, "uploads/x", "images/1/x", 2, 1));

        for (var p = 1; p <= 100; p++) progress.Report(p); // far faster than 4 a second
        progress.Flush(); // the heartbeat's tick
        progress.Flush(); // nothing new: nothing sent
        hub.Publish(new ImageProgressChanged(1, 7, Memento.Domain.Model.ImageProcessingState.Ready, -1));

        var seen = new List<int>();
        await foreach (var e in stream)
        {
            if (e.ProgressPercent == -1) break;
            seen.Add(e.ProgressPercent);
        }
        Assert.Equal([1, 100], seen);
    }
}
