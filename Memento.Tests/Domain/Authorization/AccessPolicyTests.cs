using Memento.Domain.Authorization;
using Memento.Tests.Domain.Services.Support;
using Microsoft.EntityFrameworkCore;

namespace Memento.Tests.Domain.Authorization;

/// <summary>What each role sees and may do in project Kidney (categories WT: wt1, wt2; KO: ko1).</summary>
public sealed class AccessPolicyTests : IAsyncLifetime
{
    private ServiceWorld world = null!;

    public async Task InitializeAsync() => world = await ServiceWorld.CreateAsync();

    public async Task DisposeAsync() => await world.DisposeAsync();

    [Theory]
    // role,        visible categories, visible annotations, participates in wt1 / ko1, administers
    [InlineData("anonymous", "", "", false, false, false)]
    [InlineData("outsider", "", "", false, false, false)]
    [InlineData("sysadm", "KO,WT", "ko1,wt1,wt2", true, true, true)]
    [InlineData("owner", "KO,WT", "ko1,wt1,wt2", true, true, true)]
    [InlineData("proadm", "KO,WT", "ko1,wt1,wt2", true, true, true)]
    [InlineData("propar", "KO,WT", "ko1,wt1,wt2", true, true, false)]
    [InlineData("provie", "KO,WT", "ko1,wt1,wt2", false, false, false)]
    // A category participant never sees the sibling category KO or its annotation.
    [InlineData("catpar", "WT", "wt1,wt2", true, false, false)]
    [InlineData("catvie", "WT", "wt1,wt2", false, false, false)]
    // An annotation participant sees the category holding it, and only that one annotation in it.
    [InlineData("annpar", "WT", "wt1", true, false, false)]
    [InlineData("annvie", "WT", "wt1", false, false, false)]
    public async Task Each_role_sees_exactly_its_scope(string role, string categories, string annotations,
        bool participatesWt1, bool participatesKo1, bool administers)
    {
        using var request = world.NewRequest();
        var caller = world.As(role);
        var policy = request.Policy;
        Assert.Equal(categories, string.Join(",",
            await policy.VisibleCategories(caller, world.Kidney).OrderBy(c => c.Name).Select(c => c.Name).ToListAsync()));
        Assert.Equal(annotations, string.Join(",", await policy.VisibleAnnotationsInProject(caller, world.Kidney)
            .OrderBy(a => a.Name).Select(a => a.Name).ToListAsync()));
        Assert.Equal(categories != "", await policy.CanReadProjectAsync(caller, world.Kidney));
        Assert.Equal(categories.Contains("KO"), await policy.CanReadCategoryAsync(caller, world.KO));
        Assert.Equal(annotations.Contains("ko1"), await policy.CanReadImageAsync(caller, world.ImgKo1));
        Assert.Equal(annotations.Contains("wt1"), await policy.CanReadImageAsync(caller, world.ImgWt1));
        Assert.Equal(participatesWt1, await policy.CanParticipateAsync(caller, world.Wt1));
        Assert.Equal(participatesKo1, await policy.CanParticipateAsync(caller, world.Ko1));
        Assert.Equal(administers, await policy.CanAdministerProjectAsync(caller, world.Kidney));
    }

    [Theory]
    [InlineData("outsider", true)]
    [InlineData("catpar", true)]
    [InlineData("anonymous", false)]
    public async Task Public_projects_are_readable_by_any_signed_in_user_but_not_writable(string role, bool reads)
    {
        using var request = world.NewRequest();
        var caller = world.As(role);
        Assert.Equal(reads, await request.Policy.CanReadProjectAsync(caller, world.Open));
        Assert.Equal(reads, await request.Policy.CanReadAnnotationAsync(caller, world.OpenAnn));
        Assert.False(await request.Policy.CanParticipateAsync(caller, world.OpenAnn));
        Assert.False(await request.Policy.CanAdministerProjectAsync(caller, world.Open));
    }

    [Fact]
    public async Task A_refused_read_says_forbidden_not_found_or_sign_in_and_nothing_else()
    {
        using var request = world.NewRequest();
        var forbidden = await Assert.ThrowsAsync<MementoException>(() =>
            request.Policy.RequireReadCategoryAsync(world.As("catpar"), world.KO));
        Assert.Equal(ErrorCode.Forbidden, forbidden.Code);
        Assert.DoesNotContain("KO", forbidden.Message);
        var missing = await Assert.ThrowsAsync<MementoException>(() =>
            request.Policy.RequireReadCategoryAsync(world.As("catpar"), 999_999));
        Assert.Equal(ErrorCode.NotFound, missing.Code);
        var anonymous = await Assert.ThrowsAsync<MementoException>(() =>
            request.Policy.RequireReadProjectAsync(Caller.Anonymous, world.Kidney));
        Assert.Equal(ErrorCode.Unauthenticated, anonymous.Code);
    }
}
