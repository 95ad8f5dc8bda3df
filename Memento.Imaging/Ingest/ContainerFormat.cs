namespace Memento.Imaging.Ingest;

/// <summary>A file's container, recognised from its first bytes (never its name).</summary>
public enum ContainerFormat { Unknown, Jpeg, Png, Tiff, BigTiff }

/// <summary>Recognises the containers we accept from their magic bytes.</summary>
public static class FormatSniffer
{
    /// <summary>Bytes needed to recognise every accepted container.</summary>
    public const int HeaderLength = 8;

    public static ContainerFormat Detect(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF) return ContainerFormat.Jpeg;
        if (head.Length >= 8 && head[..8].SequenceEqual((byte[])[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
            return ContainerFormat.Png;
        if (head.Length >= 4)
        {
            var ii = head[0] == (byte)'I' && head[1] == (byte)'I';
            var mm = head[0] == (byte)'M' && head[1] == (byte)'M';
            if (ii || mm)
            {
                int magic = ii ? head[2] | head[3] << 8 : head[2] << 8 | head[3];
                if (magic == 42) return ContainerFormat.Tiff;
                if (magic == 43) return ContainerFormat.BigTiff;
            }
        }
        return ContainerFormat.Unknown;
    }

    public static async Task<ContainerFormat> DetectAsync(string path, CancellationToken ct)
    {
        var buffer = new byte[HeaderLength];
        await using var stream = File.OpenRead(path);
        var read = await stream.ReadAtLeastAsync(buffer, HeaderLength, throwOnEndOfStream: false, ct);
        return Detect(buffer.AsSpan(0, read));
    }

    /// <summary>The extension the kept original gets: chosen by the server from the content.</summary>
    public static string Extension(ContainerFormat format) => format switch
    {
        ContainerFormat.Jpeg => "jpg",
        ContainerFormat.Png => "png",
        ContainerFormat.Tiff or ContainerFormat.BigTiff => "tif",
        _ => "bin",
    };
}
