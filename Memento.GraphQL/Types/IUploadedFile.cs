namespace Memento.GraphQL.Types;

/// <summary>
/// A file sent with a GraphQL multipart request, the internal value of the Upload scalar. The HTTP layer streams
/// the part to a temporary file and hands resolvers this view of it.
/// </summary>
public interface IUploadedFile
{
    /// <summary>The client's file name (untrusted: never use it as a path).</summary>
    string FileName { get; }

    /// <summary>The content type the client declared (untrusted).</summary>
    string ContentType { get; }

    /// <summary>Length in bytes.</summary>
    long Length { get; }

    /// <summary>Opens the content for reading; each call gives a new stream positioned at the start.</summary>
    Stream OpenReadStream();

    /// <summary>
    /// Moves the content to <paramref name="destination"/> (a path the server chose): a rename when both are on one
    /// file system, so a multi-gigabyte upload is not copied a second time. False when it cannot be moved (the caller
    /// then copies from <see cref="OpenReadStream"/>). After a move the file is the caller's and cannot be reopened.
    /// </summary>
    bool TryMoveTo(string destination);
}
