using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Memento.Domain.Services.Galleries;
using Memento.Tests.Domain.Services.Support;
using Memento.Tests.Support;

namespace Memento.Tests.Domain.Services.Datasets;

public sealed class GalleryServiceTests
{
    private static GalleryService Galleries(Request request) => new(request.Db, request.Policy, request.Clock);

    private static async Task<ErrorCode> Refusal(Func<Task> action) =>
        (await Assert.ThrowsAsync<MementoException>(action)).Code;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_owner_trusts_a_user_who_may_then_add_pictures_and_a_stranger_may_not(DatabaseProvider provider)
    {
        await using var world = await ServiceWorld.CreateAsync(provider);
        using var request = world.NewRequest();
        var galleries = Galleries(request);
        var gallery = await galleries.CreateAsync(world.As("proadm"), "  Glomeruli ", "Best <b>shots</b>");
        Assert.Equal(("Glomeruli", "Best <b>shots</b>", "proadm"), (gallery.Title, gallery.Description, gallery.Owner));

        Assert.Equal(ErrorCode.Forbidden, await Refusal(() => galleries.AddPictureAsync(world.As("provie"), gallery.Id, world.ImgWt1)));
        var trusted = await galleries.TrustAsync(world.As("proadm"), gallery.Id, "PROVIE");
        Assert.Equal(["provie"], trusted.TrustedUsers);
        await galleries.AddPictureAsync(world.As("provie"), gallery.Id, world.ImgWt1);
        await galleries.AddPictureAsync(world.As("provie"), gallery.Id, world.ImgWt1); // twice: still once
        // A trusted user adds, but never trusts others.
        Assert.Equal(ErrorCode.Forbidden, await Refusal(() => galleries.TrustAsync(world.As("provie"), gallery.Id, "outsider")));
        Assert.Equal(ErrorCode.Unauthenticated, await Refusal(() => galleries.AddPictureAsync(Caller.Anonymous, gallery.Id, world.ImgKo1)));

        // The metadata is public; the private project's picture is listed to readers only.
        var seen = await galleries.GetAsync(Caller.Anonymous, gallery.Id);
        Assert.Equal((gallery.Id, "Glomeruli", "proadm"), (seen.Id, seen.Title, seen.Owner));
        Assert.Equal(["provie"], seen.TrustedUsers);
        var (items, total) = await galleries.PicturesAsync(world.As("provie"), gallery.Id, 0, 20);
        Assert.Equal([world.ImgWt1], items.Select(i => i.Id));
        Assert.Equal(1, total);
        var (none, zero) = await galleries.PicturesAsync(world.As("outsider"), gallery.Id, 0, 20);
        Assert.Equal((0, 0), (none.Count, zero));
        Assert.Equal([gallery.Id], (await galleries.ForPictureAsync(world.As("provie"), world.ImgWt1)).Select(g => g.Id));
        Assert.Equal([gallery.Id], (await galleries.WritableAsync(world.As("provie"))).Select(g => g.Id));

        await galleries.UntrustAsync(world.As("proadm"), gallery.Id, "provie");
        Assert.Equal(ErrorCode.Forbidden, await Refusal(() => galleries.RemovePictureAsync(world.As("provie"), gallery.Id, world.ImgWt1)));
        Assert.Empty(await galleries.WritableAsync(world.As("provie")));
        await galleries.RemovePictureAsync(world.As("proadm"), gallery.Id, world.ImgWt1);
        Assert.Equal(0, (await galleries.PicturesAsync(world.As("proadm"), gallery.Id, 0, 20)).Total);
    }

    [Fact]
    public async Task Only_pictures_the_caller_can_read_go_in_and_only_the_owner_or_a_system_administrator_edits()
    {
        await using var world = await ServiceWorld.CreateAsync();
        using var request = world.NewRequest();
        var galleries = Galleries(request);
        var gallery = await galleries.CreateAsync(world.As("outsider"), "Mine", "");
        var hidden = await Assert.ThrowsAsync<MementoException>(() => galleries.AddPictureAsync(world.As("outsider"), gallery.Id, world.ImgWt1));
        Assert.Equal((ErrorCode.NotFound, $"Picture {world.ImgWt1} does not exist."), (hidden.Code, hidden.Message));

        Assert.Equal(ErrorCode.Forbidden, await Refusal(() => galleries.EditAsync(world.As("proadm"), gallery.Id, "Theirs", "")));
        var title = await Assert.ThrowsAsync<MementoException>(() => galleries.EditAsync(world.As("outsider"), gallery.Id, "  ", ""));
        Assert.Equal((ErrorCode.Validation, "title"), (title.Code, title.Field));
        var edited = await galleries.EditAsync(world.As("sysadm"), gallery.Id, "Moderated", "by an admin");
        Assert.Equal(("Moderated", "by an admin"), (edited.Title, edited.Description));
        var missingUser = await Assert.ThrowsAsync<MementoException>(() => galleries.TrustAsync(world.As("outsider"), gallery.Id, "nobody"));
        Assert.Equal((ErrorCode.NotFound, "User 'nobody' does not exist."), (missingUser.Code, missingUser.Message));

        Assert.Equal(ErrorCode.Forbidden, await Refusal(() => galleries.DeleteAsync(world.As("proadm"), gallery.Id)));
        await galleries.DeleteAsync(world.As("outsider"), gallery.Id);
        Assert.Equal(ErrorCode.NotFound, await Refusal(() => galleries.GetAsync(Caller.Anonymous, gallery.Id)));
        Assert.Equal(ErrorCode.Validation, await Refusal(() => galleries.ListAsync(Caller.Anonymous, 0, 101)));
    }
}
