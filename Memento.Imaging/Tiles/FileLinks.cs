using System.Runtime.InteropServices;

namespace Memento.Imaging.Tiles;

/// <summary>
/// Hard links, so that the IIIF layout shares the Deep Zoom tile files instead of encoding every tile twice
/// (half the ingest time, no extra disk). Falls back to a copy where links are unsupported.
/// </summary>
internal static partial class FileLinks
{
    public static void LinkOrCopy(string existing, string newPath)
    {
        if (!OperatingSystem.IsWindows())
        {
            try
            {
                if (link(existing, newPath) == 0) return;
            }
            catch (DllNotFoundException) { }
            catch (EntryPointNotFoundException) { }
        }
        File.Copy(existing, newPath);
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int link(string oldpath, string newpath);
}
