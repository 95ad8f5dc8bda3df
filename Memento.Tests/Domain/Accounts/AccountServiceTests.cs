using Memento.Domain.Accounts;
using Memento.Domain.Data;
using Memento.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Memento.Tests.Domain.Accounts;

/// <summary>The account rules on every supported database (the server tests cover them through the pages on SQLite).</summary>
public sealed class AccountServiceTests
{
    private static AccountService Service(MementoDbContext db, TestClock clock) =>
        new(db, clock, Options.Create(new AccountOptions()), NullLogger<AccountService>.Instance);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task User_names_are_unique_whatever_their_case(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var db = database.Context();
        var accounts = Service(db, new TestClock());
        await accounts.CreateUserAsync("Alice", "password one");

        var refused = await Assert.ThrowsAsync<AccountException>(() => accounts.CreateUserAsync("aLICE", "password two"));

        Assert.Equal(AccountMessages.UserNameTaken, refused.Message);
        Assert.Equal("Alice", (await accounts.FindByNameAsync("alice"))?.UserName);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Lockout_survives_a_new_context_and_ends_after_its_duration(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var clock = new TestClock();
        await using (var db = database.Context())
        {
            var accounts = Service(db, clock);
            await accounts.CreateUserAsync("bob", "bob's password");
            for (var i = 0; i < 5; i++)
                await accounts.VerifyPasswordAsync("bob", "wrong " + i);
        }

        await using var fresh = database.Context();
        var later = Service(fresh, clock);
        var locked = await later.VerifyPasswordAsync("bob", "bob's password");
        Assert.Equal(SignInStatus.LockedOut, locked.Status);
        Assert.Equal(clock.GetUtcNow().AddMinutes(15), locked.LockedUntil);

        clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(SignInStatus.Succeeded, (await later.VerifyPasswordAsync("bob", "bob's password")).Status);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Api_tokens_authenticate_until_revoked_or_expired(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var db = database.Context();
        var clock = new TestClock();
        var accounts = Service(db, clock);
        var user = await accounts.CreateUserAsync("carol", "carol's password");
        var (kept, keptSecret) = await accounts.CreateApiTokenAsync(user.Id, "kept");
        var (revoked, revokedSecret) = await accounts.CreateApiTokenAsync(user.Id, "revoked");
        var (_, expiringSecret) = await accounts.CreateApiTokenAsync(user.Id, "expiring", clock.GetUtcNow().AddHours(1));

        Assert.True(await accounts.RevokeApiTokenAsync(user.Id, revoked.Id));
        Assert.False(await accounts.RevokeApiTokenAsync(user.Id + 1, kept.Id)); // not theirs
        Assert.Equal("carol", (await accounts.AuthenticateApiTokenAsync(keptSecret))?.User.UserName);
        Assert.Null(await accounts.AuthenticateApiTokenAsync(revokedSecret));
        Assert.NotNull(await accounts.AuthenticateApiTokenAsync(expiringSecret));
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Null(await accounts.AuthenticateApiTokenAsync(expiringSecret));

        await using var check = database.Context();
        var stored = await check.ApiTokens.AsNoTracking().SingleAsync(t => t.Id == kept.Id);
        Assert.Equal(ApiTokenSecret.Hash(keptSecret), stored.TokenHash);
        Assert.NotNull(stored.LastUsedAt);
    }
}
