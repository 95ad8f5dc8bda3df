using System.Security.Cryptography;

namespace Memento.Imaging.Tiles;

/// <summary>
/// The server secret behind tile URLs: 32 random bytes in a file of the data directory, created on first start
/// with owner-only permissions, shared by every instance that shares the data directory.
/// </summary>
public static class TileSigningKey
{
    public static byte[] LoadOrCreate(string path)
    {
        if (File.Exists(path)) return File.ReadAllBytes(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var key = RandomNumberGenerator.GetBytes(32);
        var temp = path + $".{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var f = new FileStream(temp, options)) f.Write(key);
        try
        {
            // Two instances starting together: the first rename wins and both use the winner's key.
            File.Move(temp, path, overwrite: false);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
            return File.ReadAllBytes(path);
        }
    }
}
