namespace Memento.Domain.Services.Images;

/// <summary>Wakes the host's job runner when an ingest job is queued, so it need not wait for its next poll.</summary>
public interface IIngestSignal
{
    void Wake();
}
