using Memento.Domain.Datasets;
using Memento.GraphQL.CodeFirst;
using Memento.GraphQL.Types;

namespace Memento.Schema.Api.Datasets;

/// <summary>A picture's fields that are not part of its record: where to download it, and its ratings on request.</summary>
[GraphQLExtends(typeof(Picture))]
public sealed class PictureFields
{
    /// <summary>The original file as uploaded (server-relative), for whoever may read the picture.</summary>
    public string DownloadUrl([Parent] Picture picture) => PictureUrls.Download(picture.Id);

    /// <summary>The average of 1-5 stars (null when unrated) and the number of ratings of each grade, one star first.</summary>
    public Task<PictureRatings> Ratings([Parent] Picture picture, PictureReader reader, IResolveContext context) =>
        reader.RatingsAsync(picture.Id, context.CancellationToken);
}
