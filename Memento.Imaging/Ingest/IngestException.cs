namespace Memento.Imaging.Ingest;

/// <summary>Ingest refused or failed a file; <see cref="Exception.Message"/> is written for the user who uploaded it.</summary>
public sealed class IngestException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>All the text ingest shows to users, in one place so tests can assert on it.</summary>
public static class IngestMessages
{
    public const string UnknownFormat =
        "The file is not a supported image: its content is not JPEG, PNG or TIFF (the file name is not used to decide).";
    public static string Unreadable(string format, string detail) => $"The {format} file could not be read: {detail}";
    public static string ConversionFailed(string detail) => $"The image could not be converted: {detail}";
    public static string TooManyPixels(long pixels, long max) =>
        $"The image has {pixels:N0} pixels per plane; the limit is {max:N0}.";
    public static string TooManyBands(int bands, int max) => $"The image has {bands} channels; the limit is {max}.";
    public static string TooManyPages(int pages, int max) => $"The file has {pages} pages; the limit is {max}.";
    public static string Bomb(long pixels, long bytes) =>
        $"The file declares {pixels:N0} pixels in only {bytes:N0} bytes; it is refused as a likely decompression bomb.";
    public static string UnsupportedSampleFormat(string format) =>
        $"Samples of type {format} are not supported; use 8- or 16-bit unsigned integers.";
    public static string FullSizeTooLarge(long pixels, long max) =>
        $"Format 3 (full-size RGBA PNG) is limited to {max:N0} pixels and this image has {pixels:N0}; choose a pyramid (format 4 or 5).";
    public static string NotEnoughDisk(long needed, long free) =>
        $"Not enough free disk space to convert this image: about {needed / 1048576:N0} MiB needed, {free / 1048576:N0} MiB free.";
    public static string TimedOut(TimeSpan limit) => $"The conversion took longer than the {limit.TotalMinutes:0.#}-minute limit and was stopped.";
}
