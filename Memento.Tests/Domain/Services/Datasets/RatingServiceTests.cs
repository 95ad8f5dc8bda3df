using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Memento.Domain.Datasets;
using Memento.Domain.Services.Ratings;
using Memento.Tests.Domain.Services.Support;
using Memento.Tests.Support;

namespace Memento.Tests.Domain.Services.Datasets;

public sealed class RatingServiceTests
{
    private static RatingService Ratings(Request request) =>
        new(request.Db, request.Policy, new PictureReader(request.Db), request.Clock);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Each_user_rates_once_from_one_to_five_stars_and_rating_again_replaces(DatabaseProvider provider)
    {
        await using var world = await ServiceWorld.CreateAsync(provider);
        using var request = world.NewRequest();
        var ratings = Ratings(request);
        await ratings.RateAsync(world.As("provie"), world.ImgWt1, 4);
        await ratings.RateAsync(world.As("proadm"), world.ImgWt1, 2);
        var after = await ratings.RateAsync(world.As("provie"), world.ImgWt1, 5);

        Assert.Equal(3.5, after.Average);
        Assert.Equal([0, 1, 0, 0, 1], after.CountPerGrade);
        Assert.Equal(5, await ratings.MineAsync(world.As("provie"), world.ImgWt1));
        Assert.Null(await ratings.MineAsync(world.As("owner"), world.ImgWt1));
        Assert.Null(await ratings.MineAsync(Caller.Anonymous, world.ImgWt1));

        foreach (var stars in new[] { 0, 6, -1 })
        {
            var e = await Assert.ThrowsAsync<MementoException>(() => ratings.RateAsync(world.As("provie"), world.ImgWt1, stars));
            Assert.Equal((ErrorCode.Validation, "stars", "A rating is 1 to 5 stars."), (e.Code, e.Field, e.Message));
        }
        var removed = await ratings.RemoveAsync(world.As("provie"), world.ImgWt1);
        Assert.Equal(2.0, removed.Average);
        Assert.Equal([0, 1, 0, 0, 0], removed.CountPerGrade);
        Assert.Null(await ratings.MineAsync(world.As("provie"), world.ImgWt1));
    }

    [Fact]
    public async Task A_picture_the_caller_cannot_search_is_not_found_exactly_like_a_missing_one()
    {
        await using var world = await ServiceWorld.CreateAsync();
        using var request = world.NewRequest();
        var ratings = Ratings(request);
        // catpar reads one category of the private project: not its pictures through the dataset surfaces.
        var hidden = await Assert.ThrowsAsync<MementoException>(() => ratings.RateAsync(world.As("catpar"), world.ImgWt1, 3));
        var missing = await Assert.ThrowsAsync<MementoException>(() => ratings.RateAsync(world.As("catpar"), 999_999, 3));
        Assert.Equal((ErrorCode.NotFound, $"Picture {world.ImgWt1} does not exist."), (hidden.Code, hidden.Message));
        Assert.Equal((ErrorCode.NotFound, "Picture 999999 does not exist."), (missing.Code, missing.Message));
        var anonymous = await Assert.ThrowsAsync<MementoException>(() => ratings.RateAsync(Caller.Anonymous, world.ImgWt1, 3));
        Assert.Equal(ErrorCode.Unauthenticated, anonymous.Code);
        Assert.Equal([0, 0, 0, 0, 0], (await new PictureReader(request.Db).RatingsAsync(world.ImgWt1)).CountPerGrade);
    }
}
