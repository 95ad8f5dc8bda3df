namespace Memento.Domain.Model;

/// <summary>
/// Durable work item (image ingest, exports). Instances claim a job by setting a lease; a lease that expires
/// without completion lets another instance retry it, so a crashed server loses no work.
/// </summary>
public class BackgroundJob
{
    public long Id { get; set; }
    /// <summary>What to do, e.g. "image-ingest"; the server maps kinds to handlers.</summary>
    public string Kind { get; set; } = "";
    public string PayloadJson { get; set; } = "{}";
    public BackgroundJobState State { get; set; } = BackgroundJobState.Queued;
    public int Attempts { get; set; }
    public int MaxAttempts { get; set; } = 3;
    public int ProgressPercent { get; set; }
    public string? Error { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Not picked up before this time; used for retry back-off.</summary>
    public DateTimeOffset RunAfter { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseExpiresAt { get; set; }
}
