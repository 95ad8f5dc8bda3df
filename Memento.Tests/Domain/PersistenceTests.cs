using Memento.Domain.Data;
using Memento.Domain.Data.Conversions;
using Memento.Domain.Model;
using Memento.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Memento.Tests.Domain;

/// <summary>Values come back as written and behave the same in SQL on both providers.</summary>
public class PersistenceTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Times_with_any_offset_sort_and_filter_by_instant_in_sql(DatabaseProvider provider)
    {
        await using var database = await databases.CreateMigratedAsync(provider);
        var (project, _) = await UniquenessTests.TwoProjectsAsync(database);
        var noonUtc = new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
        await using (var db = database.Context())
        {
            // 13:30+02:00 is 11:30 UTC, earlier than noon UTC although its local clock reads later.
            db.Images.AddRange(
                new Image { ProjectId = project, Name = "noon", UploadedAt = noonUtc },
                new Image { ProjectId = project, Name = "paris", UploadedAt = new DateTimeOffset(2026, 5, 1, 13, 30, 0, TimeSpan.FromHours(2)) },
                new Image { ProjectId = project, Name = "later", UploadedAt = noonUtc.AddTicks(10) });
            await db.SaveChangesAsync();
        }
        await using (var db = database.Context())
        {
            Assert.Equal(["paris", "noon", "later"], await db.Images.OrderBy(i => i.UploadedAt).Select(i => i.Name).ToListAsync());
            Assert.Equal(["later"], await db.Images.Where(i => i.UploadedAt > noonUtc).Select(i => i.Name).ToListAsync());
            var paris = await db.Images.SingleAsync(i => i.Name == "paris");
            Assert.Equal(new DateTimeOffset(2026, 5, 1, 11, 30, 0, TimeSpan.Zero), paris.UploadedAt);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Two_annotators_saving_the_same_annotation_cannot_overwrite_each_other(DatabaseProvider provider)
    {
        await using var database = await databases.CreateMigratedAsync(provider);
        var (project, _) = await UniquenessTests.TwoProjectsAsync(database);
        long id;
        await using (var db = database.Context())
        {
            var category = new Category { ProjectId = project, Name = "WT" };
            var annotation = new Annotation { Category = category, Name = "mouse_01" };
            db.Add(annotation);
            await db.SaveChangesAsync();
            id = annotation.Id;
        }
        await using var alice = database.Context();
        await using var bob = database.Context();
        var mine = await alice.Annotations.SingleAsync(a => a.Id == id);
        var theirs = await bob.Annotations.SingleAsync(a => a.Id == id);

        mine.Status = AnnotationStatus.Submitted;
        await alice.SaveChangesAsync();
        theirs.Name = "mouse_01b";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => bob.SaveChangesAsync());

        await using var check = database.Context();
        var saved = await check.Annotations.SingleAsync(a => a.Id == id);
        Assert.Equal(("mouse_01", AnnotationStatus.Submitted, 1), (saved.Name, saved.Status, saved.Version));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Codes_from_the_manual_are_what_the_database_stores(DatabaseProvider provider)
    {
        await using var database = await databases.CreateMigratedAsync(provider);
        var (project, _) = await UniquenessTests.TwoProjectsAsync(database);
        await using (var db = database.Context())
        {
            db.Add(new Annotation { Category = new Category { ProjectId = project, Name = "WT" }, Name = "a", Status = AnnotationStatus.Submitted });
            db.Add(new Image { ProjectId = project, Name = "tiled", Type = ImageType.Tiled });
            db.Add(new Image { ProjectId = project, Name = "plain", Type = ImageType.Standard });
            await db.SaveChangesAsync();
        }
        await using (var db = database.Context())
        {
            // Raw SQL: exports and other tools read these columns directly.
            Assert.Equal(["S"], await db.Database.SqlQueryRaw<string>("SELECT \"Status\" AS \"Value\" FROM \"Annotations\"").ToListAsync());
            Assert.Equal(["", "T"], await db.Database.SqlQueryRaw<string>("SELECT \"Type\" AS \"Value\" FROM \"Images\" ORDER BY \"Type\"").ToListAsync());
            Assert.Equal(ImageType.Tiled, (await db.Images.SingleAsync(i => i.Type == ImageType.Tiled)).Type);
        }
        Assert.Equal("catvie", ManualCodes.Code(PermissionRole.CatVie));
        Assert.Equal(PermissionRole.ProAdm, ManualCodes.StoredRole("proadm"));
        Assert.Throws<FormatException>(() => ManualCodes.StoredRole("ProAdm"));
    }
}
