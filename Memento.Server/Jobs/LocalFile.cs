using Memento.Domain.Services.Images;

namespace Memento.Server.Jobs;

/// <summary>
/// An uploaded file the server already streamed to a temporary file of its own (never held in memory): ingest takes
/// it over by a rename, the size probe reads it where it is. <see cref="DisposeAsync"/> removes it unless it was moved.
/// </summary>
public sealed class LocalFile : IncomingFile, IAsyncDisposable
{
    private bool _moved;

    private LocalFile(string path, string fileName, long length) { Path = path; FileName = fileName; Length = length; }

    public string Path { get; }
    public override string FileName { get; }
    public override long Length { get; }

    public override Stream OpenReadStream() =>
        new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);

    public override bool TryMoveTo(string destination)
    {
        try
        {
            File.Move(Path, destination);
            _moved = true;
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Streams <paramref name="body"/> to a new file in <paramref name="directory"/>.</summary>
    public static async Task<LocalFile> WriteAsync(Stream body, string fileName, string directory, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        var path = System.IO.Path.Combine(directory, "upload-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            await body.CopyToAsync(target, 1 << 16, ct);
            return new LocalFile(path, System.IO.Path.GetFileName(fileName), target.Length);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        if (!_moved) File.Delete(Path);
        return ValueTask.CompletedTask;
    }
}
