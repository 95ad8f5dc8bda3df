using Memento.Domain.Authorization;
using Memento.Domain.Model;

namespace Memento.Domain.Services.Images;

/// <summary>The manual's image format codes (1-5) and type letters ('', 'T', 'E'), validated in one place.</summary>
public static class ImageCodes
{
    /// <summary>1 RGB JPEG ≤2048, 2 RGBA PNG ≤2048, 3 RGBA PNG full size, 4 JPEG tiles, 5 PNG tiles.</summary>
    public static int Format(int code) => code is >= 1 and <= 5 ? code
        : throw MementoException.Validation("formatCode", "The image format code must be 1, 2, 3, 4 or 5.");

    public static ImageType Type(string? code) => (code ?? "").Trim().ToUpperInvariant() switch
    {
        "" => ImageType.Standard,
        "T" => ImageType.Tiled,
        "E" => ImageType.External,
        _ => throw MementoException.Validation("typeCode", "The image type must be '', 'T' or 'E'."),
    };

    public static string TypeCode(ImageType type) => type switch
    {
        ImageType.Tiled => "T",
        ImageType.External => "E",
        _ => "",
    };

    /// <summary>External images are fetched from their URL; others from the server (tiles live below this path).</summary>
    public static string Uri(long id, ImageType type, string? externalUrl) =>
        type == ImageType.External && externalUrl is not null ? externalUrl : $"/images/{id}";

    /// <summary>Only absolute http(s) URLs: no file:, javascript: or relative paths reach the viewer.</summary>
    public static string ExternalUrl(string? url)
    {
        if (!System.Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https")
            || uri.ToString().Length > 2048)
            throw MementoException.Validation("url", "An external image needs an absolute http(s) URL.");
        return uri.ToString();
    }
}
