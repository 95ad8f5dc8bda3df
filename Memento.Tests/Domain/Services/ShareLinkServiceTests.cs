using Memento.Domain.Authorization;
using Memento.Domain.Services.ShareLinks;
using Microsoft.EntityFrameworkCore;

namespace Memento.Tests.Domain.Services;

public sealed class ShareLinkServiceTests : ServiceTestBase
{
    [Fact]
    public async Task A_link_opens_exactly_its_annotation_and_its_images_and_nothing_else()
    {
        using var request = World.NewRequest();
        var link = await request.ShareLinks.CreateAsync(World.As("catpar"), World.Wt1, null);
        var guest = (await request.ShareLinks.ResolveAsync(link.Token))!;
        Assert.Equal(CallerKind.ShareLink, guest.Kind);
        Assert.True(await request.Policy.CanReadAnnotationAsync(guest, World.Wt1));
        Assert.True(await request.Policy.CanReadImageAsync(guest, World.ImgWt1));
        Assert.False(await request.Policy.CanReadAnnotationAsync(guest, World.Wt2));
        Assert.False(await request.Policy.CanReadImageAsync(guest, World.ImgKo1));
        Assert.False(await request.Policy.CanReadProjectAsync(guest, World.Kidney));
        Assert.False(await request.Policy.CanParticipateAsync(guest, World.Wt1));
    }

    [Fact]
    public async Task Only_the_hash_of_the_token_is_stored()
    {
        using var request = World.NewRequest();
        var link = await request.ShareLinks.CreateAsync(World.As("catpar"), World.Wt1, null);
        await using var db = World.NewContext();
        var stored = await db.ShareLinks.SingleAsync(s => s.Id == link.Link.Id);
        Assert.NotEqual(link.Token, stored.TokenHash);
        Assert.Equal(ShareLinkService.Hash(link.Token), stored.TokenHash);
        Assert.True(link.Token.Length >= 40);
    }

    [Fact]
    public async Task An_expired_link_resolves_to_nothing_and_a_resolved_caller_loses_access_at_expiry()
    {
        using var request = World.NewRequest();
        var link = await request.ShareLinks.CreateAsync(World.As("catpar"), World.Wt1, null, TimeSpan.FromHours(2));
        var guest = (await request.ShareLinks.ResolveAsync(link.Token))!;
        World.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Null(await request.ShareLinks.ResolveAsync(link.Token));
        using var later = World.NewRequest();
        Assert.False(await later.Policy.CanReadAnnotationAsync(guest, World.Wt1));
    }

    [Fact]
    public async Task A_revoked_link_stops_working_at_once()
    {
        using var request = World.NewRequest();
        var link = await request.ShareLinks.CreateAsync(World.As("catpar"), World.Wt1, null);
        await request.ShareLinks.RevokeAsync(World.As("annpar"), link.Link.Id);
        Assert.Null(await request.ShareLinks.ResolveAsync(link.Token));
        Assert.Empty(await request.ShareLinks.ListForAnnotationAsync(World.As("catpar"), World.Wt1));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    public async Task Unknown_tokens_resolve_to_nothing(string token)
    {
        using var request = World.NewRequest();
        Assert.Null(await request.ShareLinks.ResolveAsync(token));
    }

    [Fact]
    public async Task Lifetimes_beyond_ninety_days_are_refused()
    {
        using var request = World.NewRequest();
        var e = await Assert.ThrowsAsync<MementoException>(() =>
            request.ShareLinks.CreateAsync(World.As("catpar"), World.Wt1, null, TimeSpan.FromDays(91)));
        Assert.Equal(ErrorCode.Validation, e.Code);
    }
}
