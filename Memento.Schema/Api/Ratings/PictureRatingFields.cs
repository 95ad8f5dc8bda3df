using Memento.Domain.Datasets;
using Memento.Domain.Services.Ratings;
using Memento.GraphQL.CodeFirst;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;

namespace Memento.Schema.Api.Ratings;

[GraphQLExtends(typeof(Picture))]
public sealed class PictureRatingFields
{
    /// <summary>The caller's own stars for the picture (1-5); null when unrated and for anonymous callers.</summary>
    public Task<int?> MyRating([Parent] Picture picture, IResolveContext context, RatingService ratings) =>
        ratings.MineAsync(ApiCaller.Of(context), picture.Id, context.CancellationToken);
}
