using Memento.Domain.Services.Images;

namespace Memento.Server.Jobs;

/// <summary>Wakes this process' worker at once when a job is enqueued here (other instances find it by polling).</summary>
public sealed class JobSignal : IIngestSignal
{
    private readonly SemaphoreSlim _signal = new(0);

    public void Wake()
    {
        if (_signal.CurrentCount == 0) _signal.Release();
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}
