using Memento.Imaging.Ingest;

namespace Memento.Server.Jobs;

/// <summary>Background ingest settings, bound from "Memento:Imaging" (limits from "Memento:Imaging:Limits").</summary>
public sealed class ImagingOptions
{
    public const string Section = "Memento:Imaging";

    /// <summary>Conversions running at once in this process. Default 1: libvips already uses every core for one job.</summary>
    public int MaxParallelJobs { get; set; } = 1;

    /// <summary>
    /// How long a claimed job stays ours without renewal. Default 1 minute; renewed every third of it. A lease that
    /// expires means the process running it died, and another instance (or this one after a restart) retries it.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often an idle worker looks for jobs queued by other instances. Default 2 seconds.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Memory for tiles, thumbnails and descriptors served recently (files up to 512 KiB), so hot tiles skip the disk.
    /// Default 128 MiB; 0 turns the cache off.
    /// </summary>
    public int TileCacheMegabytes { get; set; } = 128;

    /// <summary>Lifetime of the signed tile URLs the API hands out to signed-in users. Default 12 hours.</summary>
    public TimeSpan TileUrlLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// Longest lifetime of the tile URLs handed to a share-link holder; never past the link's own expiry. Default 1 hour.
    /// </summary>
    public TimeSpan ShareTileUrlLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How often each instance reloads the revoked share links whose holders' tile URLs must stop. Default 30 seconds:
    /// a revocation reaches tiles on every instance within that time.
    /// </summary>
    public TimeSpan ShareLinkRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Age after which a temporary file nothing refers to (a partial upload, a half-written tile directory of a job no
    /// live process runs) is removed. Default 1 hour: live uploads and conversions keep touching their files.
    /// </summary>
    public TimeSpan OrphanAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often orphaned temporary files are looked for, besides at start-up. Default 1 hour.</summary>
    public TimeSpan OrphanCleanupInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>What ingest accepts; see <see cref="IngestOptions"/> for each default.</summary>
    public IngestOptions Limits { get; set; } = new();
}
