using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Memento.Domain.Model;
using Memento.Domain.Services.Licences;
using Memento.Domain.Services.Natures;
using Memento.Server.Hosting;
using Memento.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Memento.Tests.Domain.Services.Vocabulary;

/// <summary>
/// Licences seeded from the SPDX list the build copies beside the binaries (idempotently, the curated rows kept),
/// listed pinned first; natures edited by vocabulary administrators and never deleted while images carry them.
/// </summary>
public sealed class LicenceAndNatureServiceTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_SPDX_list_is_seeded_once_beside_the_curated_licences(DatabaseProvider provider)
    {
        await using var database = await databases.CreateMigratedAsync(provider);
        await using var db = database.Context();

        // 727 SPDX licences in spdx-license-list 6.12.0, 16 of which the migrations' seed already holds.
        Assert.Equal(711, await SeedAsync(db));
        Assert.Equal(0, await SeedAsync(db));

        var licences = new LicenceService(db);
        var list = await licences.ListAsync();
        Assert.Equal(727 + 5, list.Count); // and the five X- ones
        Assert.Equal(["CC-BY-4.0", "CC-BY-SA-4.0", "CC0-1.0"], list.TakeWhile(l => l.Pinned).Select(l => l.Id));
        Assert.Equal(new LicenceDetails("GPL-3.0-only", "GNU General Public License v3.0 only",
                "GNU General Public License v3.0 only, from the SPDX licence list; approved by the Open Source Initiative.",
                "https://spdx.org/licenses/GPL-3.0-only.html", "https://www.gnu.org/licenses/gpl-3.0-standalone.html",
                Free: true, Pinned: false, LogoUrl: null),
            await licences.GetAsync("GPL-3.0-only"));
        Assert.False((await licences.GetAsync("CC-BY-NC-4.0")).Free);
        // The curated row keeps its logo and hand-set flags.
        Assert.Equal("https://licensebuttons.net/l/by/4.0/88x31.png", (await licences.GetAsync("CC-BY-4.0")).LogoUrl);
        var missing = await Assert.ThrowsAsync<MementoException>(() => licences.GetAsync("GPL-4.0"));
        Assert.Equal((ErrorCode.NotFound, "There is no licence 'GPL-4.0'."), (missing.Code, missing.Message));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Natures_are_added_described_and_deleted_only_when_no_image_carries_them(DatabaseProvider provider)
    {
        await using var database = await databases.CreateMigratedAsync(provider);
        var (_, admin, db) = await ObjectTypeServiceTests.WorldAsync(database, withRegion: true);
        await using var context = db;
        var natures = new NatureService(db, new AccessPolicy(db, new TestClock()));
        Assert.Contains(new NatureInfo("computer-3d-art", "3D render or computer-generated image"), await natures.ListAsync());

        await natures.CreateAsync(admin, "cryo-em", "Cryo-electron microscopy");
        await natures.SetDescriptionAsync(admin, "cryo-em", "Cryo-EM");
        Assert.Equal(new NatureInfo("cryo-em", "Cryo-EM"), await natures.GetAsync("cryo-em"));
        var bad = await Assert.ThrowsAsync<MementoException>(() => natures.CreateAsync(admin, "Cryo EM", "x"));
        Assert.Equal((ErrorCode.Validation, "id"), (bad.Code, bad.Field));
        var taken = await Assert.ThrowsAsync<MementoException>(() => natures.CreateAsync(admin, "photo", "again"));
        Assert.Equal((ErrorCode.Conflict, "The nature 'photo' already exists."), (taken.Code, taken.Message));

        await db.Images.Where(i => i.Name == "DAPI.tif").ExecuteUpdateAsync(s => s.SetProperty(i => i.NatureId, "cryo-em"));
        var used = await Assert.ThrowsAsync<MementoException>(() => natures.DeleteAsync(admin, "cryo-em"));
        Assert.Equal((ErrorCode.Conflict, "'cryo-em' is the nature of 1 image; it cannot be deleted."), (used.Code, used.Message));
        await db.Images.ExecuteUpdateAsync(s => s.SetProperty(i => i.NatureId, (string?)null));
        await natures.DeleteAsync(admin, "cryo-em");
        Assert.DoesNotContain("cryo-em", (await natures.ListAsync()).Select(n => n.Id));
        var anonymous = await Assert.ThrowsAsync<MementoException>(() => natures.CreateAsync(Caller.Anonymous, "scan-2", "x"));
        Assert.Equal(ErrorCode.Unauthenticated, anonymous.Code);
    }

    private static async Task<int> SeedAsync(MementoDbContext db)
    {
        await using var file = File.OpenRead(LicenceSeeding.DataFile);
        return await SpdxLicenceList.SeedAsync(db, file);
    }
}
