namespace Memento.Domain.Services.Images;

/// <summary>
/// One version of an image to convert, as <see cref="ImageLifecycle.StartAsync"/> hands it to the job runner: the
/// upload to read and the directory to write (both relative to the data directory), the declared format, and the
/// image's project (its progress events are filtered by it).
/// </summary>
public sealed record IngestWork(long ImageId, string Upload, string StorageDirectory, int FormatCode, long ProjectId);

/// <summary>What a successful conversion found out about the image, as the lifecycle records it.</summary>
public sealed record IngestedImage(int Width, int Height, int Bands, int BitDepth, int Pages, string MimeType,
    string ChannelStatisticsJson);
