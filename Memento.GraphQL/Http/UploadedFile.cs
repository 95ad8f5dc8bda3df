using Memento.GraphQL.Types;

namespace Memento.GraphQL.Http;

/// <summary>
/// A file of a multipart request, already streamed to a temporary file under a server-chosen name. The client's
/// file name is only informative; the temporary file is deleted when the request ends.
/// </summary>
internal sealed class UploadedFile(string fileName, string contentType, string path, long length) : IUploadedFile
{
    public string FileName { get; } = fileName;

    public string ContentType { get; } = contentType;

    public long Length { get; } = length;

    /// <summary>Where the content is stored for the duration of the request.</summary>
    public string TempPath { get; } = path;

    public Stream OpenReadStream() =>
        new FileStream(TempPath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);

    public bool TryMoveTo(string destination)
    {
        try
        {
            // A rename on the same file system; across file systems .NET copies, which is what the caller would do.
            File.Move(TempPath, destination);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    internal void Delete()
    {
        try
        {
            File.Delete(TempPath);
        }
        catch (IOException)
        {
            // A resolver may still hold it open on Windows; the temp folder is cleaned eventually.
        }
    }
}
