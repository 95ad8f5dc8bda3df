using System.Diagnostics;
using Memento.Domain.Events;
using Memento.Domain.Model;
using Memento.Domain.Services.Images;

namespace Memento.Server.Jobs;

/// <summary>
/// Publishes a conversion's progress as the imaging engine reports it, for live progress bars: every change, but at
/// most <see cref="PerSecond"/> a second per image (the engine may report hundreds of steps a second). A change
/// held back by the limit goes out on the next <see cref="Flush"/> (the job's heartbeat, every second), so the bar
/// never stays behind. The database's copy is written by the heartbeat alone.
/// </summary>
public sealed class IngestProgressEvents(IEventHub hub, IngestWork work)
{
    public const int PerSecond = 4;
    private static readonly long MinInterval = Stopwatch.Frequency / PerSecond;

    private readonly Lock gate = new();
    private int latest = -1, published = -1;
    private long publishedAt = long.MinValue / 2;

    public void Report(int percent)
    {
        lock (gate)
        {
            latest = percent;
            if (latest != published && Stopwatch.GetTimestamp() - publishedAt >= MinInterval) Publish();
        }
    }

    public void Flush()
    {
        lock (gate)
        {
            if (latest >= 0 && latest != published) Publish();
        }
    }

    private void Publish()
    {
        published = latest;
        publishedAt = Stopwatch.GetTimestamp();
        hub.Publish(new ImageProgressChanged(work.ProjectId, work.ImageId, ImageProcessingState.Processing, latest));
    }
}
