using Memento.Domain.Services.Ratings;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;

namespace Memento.Schema.Api.Ratings;

/// <summary>Signed-in users rate the pictures they can find in the dataset search, once each, 1 to 5 stars.</summary>
public sealed class RatingMutations
{
    /// <summary>Puts the caller's rating on a picture; rating again replaces it.</summary>
    public async Task<PictureRatingPayload> RatePicture(RatePictureInput input, IResolveContext context, RatingService ratings) =>
        new(input.Id, input.Stars,
            await ratings.RateAsync(ApiCaller.Of(context), input.Id, input.Stars, context.CancellationToken));

    /// <summary>Removes the caller's rating of a picture (none to remove is not an error).</summary>
    public async Task<PictureRatingPayload> RemovePictureRating(RemovePictureRatingInput input, IResolveContext context,
        RatingService ratings) =>
        new(input.Id, null, await ratings.RemoveAsync(ApiCaller.Of(context), input.Id, context.CancellationToken));
}
