using System.Security.Cryptography;
using Memento.Domain.Model;
using Memento.Domain.Services.ShareLinks;
using Microsoft.EntityFrameworkCore;

namespace Memento.Tests.Domain.Services;

/// <summary>
/// A link's token is HMAC(server secret, the link's salt): the server gives an active link's URL back to the
/// annotation's participants, while the database alone (salt and hash) yields no token.
/// </summary>
public sealed class ShareLinkTokenTests : ServiceTestBase
{
    [Fact]
    public async Task Participants_get_the_same_token_back_and_viewers_and_outsiders_get_nothing()
    {
        using var request = World.NewRequest();
        var link = await request.ShareLinks.CreateAsync(World.As("catpar"), World.Wt1, null);
        // Another participant, another request: the token is derived again, not remembered.
        using var later = World.NewRequest();
        Assert.Equal(link.Token, await later.ShareLinks.TokenOfAsync(World.As("annpar"), link.Link.Id));
        Assert.Equal(link.Token, await later.ShareLinks.TokenOfAsync(World.As("proadm"), link.Link.Id));
        foreach (var reader in new[] { "annvie", "catvie", "provie" })
            Assert.Null(await later.ShareLinks.TokenOfAsync(World.As(reader), link.Link.Id));
        var holder = (await later.ShareLinks.ResolveAsync(link.Token))!;
        Assert.Null(await later.ShareLinks.TokenOfAsync(holder, link.Link.Id));
    }

    [Fact]
    public async Task The_database_alone_does_not_yield_the_token()
    {
        using var request = World.NewRequest();
        var link = await request.ShareLinks.CreateAsync(World.As("catpar"), World.Wt1, null);
        await using var db = World.NewContext();
        var stored = await db.ShareLinks.AsNoTracking().SingleAsync(s => s.Id == link.Link.Id);
        Assert.NotNull(stored.TokenSalt);
        Assert.DoesNotContain(link.Token, $"{stored.TokenHash} {stored.TokenSalt}");
        // Whoever has the row but not the server's secret derives something else, which opens nothing.
        var guessed = ShareLinkSecret.Ephemeral().TokenFor(stored.TokenSalt!);
        Assert.NotEqual(link.Token, guessed);
        Assert.Null(await request.ShareLinks.ResolveAsync(guessed));
        Assert.Null(await request.ShareLinks.ResolveAsync(stored.TokenSalt!));
        Assert.Null(await request.ShareLinks.ResolveAsync(stored.TokenHash));
        // A server whose secret changed cannot show the URL again rather than showing a wrong one.
        var otherServer = new ShareLinkService(request.Db, request.Policy, request.Clock, ShareLinkSecret.Ephemeral(), request.Events);
        Assert.Null(await otherServer.TokenOfAsync(World.As("catpar"), link.Link.Id));
    }

    [Fact]
    public async Task Revoked_and_expired_links_resolve_to_nothing_and_give_no_token()
    {
        using var request = World.NewRequest();
        var revoked = await request.ShareLinks.CreateAsync(World.As("catpar"), World.Wt1, null);
        var expiring = await request.ShareLinks.CreateAsync(World.As("catpar"), World.Wt1, null, TimeSpan.FromHours(1));
        await request.ShareLinks.RevokeAsync(World.As("catpar"), revoked.Link.Id);
        World.Clock.Advance(TimeSpan.FromHours(2));
        using var later = World.NewRequest();
        foreach (var link in new[] { revoked, expiring })
        {
            Assert.Null(await later.ShareLinks.ResolveAsync(link.Token));
            Assert.Null(await later.ShareLinks.TokenOfAsync(World.As("catpar"), link.Link.Id));
        }
    }

    [Fact]
    public async Task A_link_made_before_salts_still_opens_and_is_revoked_but_its_url_cannot_be_shown_again()
    {
        // A row as the server wrote it before migration 0006: a random token, its hash, no salt.
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        long id;
        await using (var db = World.NewContext())
        {
            var row = new ShareLink
            {
                TokenHash = ShareLinkService.Hash(token), AnnotationId = World.Wt1, CreatedById = World.Users["catpar"],
                CreatedAt = World.Clock.GetUtcNow(), ExpiresAt = World.Clock.GetUtcNow().AddDays(7),
            };
            db.ShareLinks.Add(row);
            await db.SaveChangesAsync();
            id = row.Id;
        }
        using var request = World.NewRequest();
        Assert.NotNull(await request.ShareLinks.ResolveAsync(token));
        Assert.Null(await request.ShareLinks.TokenOfAsync(World.As("catpar"), id));
        await request.ShareLinks.RevokeAsync(World.As("annpar"), id);
        Assert.Null(await request.ShareLinks.ResolveAsync(token));
    }
}
