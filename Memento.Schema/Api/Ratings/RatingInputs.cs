using Memento.Domain.Datasets;

namespace Memento.Schema.Api.Ratings;

/// <summary>1 to 5 stars for the picture <c>id</c>.</summary>
public sealed record RatePictureInput(long Id, int Stars);

public sealed record RemovePictureRatingInput(long Id);

/// <summary>The picture's ratings after the change, and the caller's own (null once removed).</summary>
public sealed record PictureRatingPayload(long PictureId, int? MyRating, PictureRatings Ratings);
