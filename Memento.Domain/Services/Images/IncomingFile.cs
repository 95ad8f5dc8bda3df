namespace Memento.Domain.Services.Images;

/// <summary>
/// An uploaded file as the domain sees it: a client-given name (informative only, never a path), its length and
/// its content. Whoever received it (the GraphQL multipart reader, an upload page) already streamed it to a
/// temporary file; <see cref="TryMoveTo"/> lets ingest take that file over with a rename instead of a copy, so an
/// upload has exactly one temporary name.
/// </summary>
public abstract class IncomingFile
{
    /// <summary>The name the client gave, for messages and the default image name only.</summary>
    public abstract string FileName { get; }

    /// <summary>Bytes of content.</summary>
    public abstract long Length { get; }

    /// <summary>A fresh read-only stream over the content.</summary>
    public abstract Stream OpenReadStream();

    /// <summary>Moves the content to <paramref name="destination"/> without copying it; false when it cannot.</summary>
    public virtual bool TryMoveTo(string destination) => false;
}
