namespace Memento.Imaging.Tiles;

/// <summary>What <see cref="TileLookup"/> concluded about a requested file.</summary>
public enum TileStatus
{
    Found,
    /// <summary>The signature is good but there is no such file (or the path is not one ingest writes).</summary>
    NotFound,
    /// <summary>Bad, borrowed, expired or revoked signature; said before anything touches the disk.</summary>
    Forbidden,
}

/// <summary>
/// One file of a ready image as the tile endpoint should send it: in memory (<see cref="Bytes"/>, from the tile cache
/// or rendered) or on disk (<see cref="FilePath"/>, too large to cache), with its content type and strong ETag.
/// A struct, so a cache hit costs the endpoint no allocation beyond what the lookup itself needs.
/// </summary>
public readonly struct TileFile
{
    private TileFile(TileStatus status, string contentType, string etag, byte[]? bytes, string? filePath, long length, bool needsPublicId)
    {
        Status = status;
        ContentType = contentType;
        ETag = etag;
        Bytes = bytes;
        FilePath = filePath;
        Length = length;
        NeedsPublicId = needsPublicId;
    }

    public static TileFile Forbidden { get; } = new(TileStatus.Forbidden, "", "", null, null, 0, false);
    public static TileFile NotFound { get; } = new(TileStatus.NotFound, "", "", null, null, 0, false);

    internal static TileFile InMemory(byte[] bytes, string etag, string contentType) =>
        new(TileStatus.Found, contentType, etag, bytes, null, bytes.Length, false);

    internal static TileFile OnDisk(string filePath, long length, string etag, string contentType, bool needsPublicId = false) =>
        new(TileStatus.Found, contentType, etag, null, filePath, length, needsPublicId);

    public TileStatus Status { get; }

    /// <summary>The media type to send; empty unless found.</summary>
    public string ContentType { get; }

    /// <summary>Strong entity tag, quoted, from the file's length and modification time; empty unless found.</summary>
    public string ETag { get; }

    /// <summary>The whole file when it is held in memory; otherwise null and <see cref="FilePath"/> is set.</summary>
    public byte[]? Bytes { get; }

    /// <summary>The absolute path of a file to stream from disk, when <see cref="Bytes"/> is null.</summary>
    public string? FilePath { get; }

    /// <summary>Bytes the body will have.</summary>
    public long Length { get; }

    /// <summary>
    /// A IIIF <c>info.json</c>, whose <c>id</c> must be the URL the client fetched it from, which only the caller
    /// knows: pass that URL to <see cref="TileLookup.WithPublicIdAsync"/> before sending.
    /// </summary>
    public bool NeedsPublicId { get; }
}
