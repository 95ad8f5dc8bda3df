using Memento.Domain.Services.Images;

namespace Memento.Tests.Support;

/// <summary>An upload already on disk, as the multipart reader leaves it; <see cref="Movable"/> says whether it can be handed over by a rename.</summary>
internal sealed class IncomingFileOnDisk(string path, bool movable = true) : IncomingFile
{
    public override string FileName => Path.GetFileName(path);

    public override long Length => new FileInfo(path).Length;

    public bool Movable => movable;

    public override Stream OpenReadStream() => File.OpenRead(path);

    public override bool TryMoveTo(string destination)
    {
        if (!movable) return false;
        File.Move(path, destination);
        return true;
    }
}
