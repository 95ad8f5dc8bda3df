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
}
