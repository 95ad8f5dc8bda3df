using Memento.Domain.Datasets;

namespace Memento.Server.Pages.Datasets;

/// <summary>What a picture's page shows. <see cref="MyRating"/> and <see cref="Writable"/> are for signed-in
/// callers only (anonymous callers see the ratings, never a control they cannot use).</summary>
public sealed record PictureView(
    Picture Picture,
    string? ImageUrl,
    IReadOnlyList<RegionShape> Shapes,
    PictureRatings Ratings,
    bool CanRate,
    int? MyRating,
    IReadOnlyList<GalleryLink> Galleries,
    IReadOnlyList<GalleryLink> Writable,
    string? Message = null,
    string? Error = null)
{
    public string Title => Picture.Title.Length > 0 ? Picture.Title : $"Picture #{Picture.Id}";

    /// <summary>The origin URL as a link only when it is a web address (never javascript: or data:).</summary>
    public string? OriginHref => Uri.TryCreate(Picture.OriginUrl, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri.AbsoluteUri : null;
}

public sealed record GalleryLink(long Id, string Title);
