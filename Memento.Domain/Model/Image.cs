namespace Memento.Domain.Model;

/// <summary>An image file (or external URL) uploaded once per project and reused by any of its annotations.</summary>
public class Image
{
    public long Id { get; set; }
    public long ProjectId { get; set; }
    public Project Project { get; set; } = null!;
    /// <summary>Unique within the project.</summary>
    public string Name { get; set; } = "";
    public ImageType Type { get; set; } = ImageType.Standard;
    /// <summary>The manual's image format code, 1 to 5.</summary>
    public int FormatCode { get; set; } = 1;
    /// <summary>Where an external image lives; only for <see cref="ImageType.External"/>.</summary>
    public string? ExternalUrl { get; set; }

    public int? Width { get; set; }
    public int? Height { get; set; }
    public int? Bands { get; set; }
    public int? BitDepth { get; set; }
    public int? Pages { get; set; }
    public string? MimeType { get; set; }

    /// <summary>
    /// Directory holding this image's files, relative to the data directory and chosen by the server, never by
    /// the uploader; project deletion removes it.
    /// </summary>
    public string? StorageDirectory { get; set; }
    /// <summary>The uploader's file name, for display only; never used as a path.</summary>
    public string? OriginalFileName { get; set; }

    public ImageProcessingState State { get; set; } = ImageProcessingState.Pending;
    public int ProgressPercent { get; set; }
    public string? Error { get; set; }
    /// <summary>Per-channel min/max/mean/histogram as JSON, computed at ingest for the viewer's contrast defaults.</summary>
    public string? ChannelStatisticsJson { get; set; }

    public long? UploaderId { get; set; }
    public User? Uploader { get; set; }
    public DateTimeOffset UploadedAt { get; set; }

    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public string? OriginUrl { get; set; }
    public string? NatureId { get; set; }
    public Nature? Nature { get; set; }
    public List<Licence> Licences { get; set; } = [];

    /// <summary>The older image this one replaces; at most one image replaces a given image.</summary>
    public long? ReplacesId { get; set; }
    public Image? Replaces { get; set; }
    public Image? ReplacedBy { get; set; }
    /// <summary>The image this one was copied from (possibly in another project).</summary>
    public long? CopiedFromId { get; set; }
    public Image? CopiedFrom { get; set; }

    public List<Rating> Ratings { get; set; } = [];
    public List<Gallery> Galleries { get; set; } = [];
    /// <summary>
    /// How many regions lie over this image: those of the drawing layers of every annotation that shows it, each
    /// once. Kept by database triggers (migration 0012) on every write path, so dataset searches order and filter
    /// by it through an index; never written by the application. Declared last: the migration appends the column.
    /// </summary>
    public int RegionCount { get; set; }
}
