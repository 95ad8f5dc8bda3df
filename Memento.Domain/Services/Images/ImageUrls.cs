using Memento.Domain.Authorization;
using Memento.Domain.Model;

namespace Memento.Domain.Services.Images;

/// <summary>Where an image is fetched from, and which external URLs are acceptable.</summary>
public static class ImageUrls
{
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
