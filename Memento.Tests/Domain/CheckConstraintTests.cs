using Memento.Domain.Data;
using Memento.Domain.Model;
using Memento.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Memento.Tests.Domain;

/// <summary>Values no feature should ever write are refused by the database itself, whatever code writes them.</summary>
public class CheckConstraintTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Ratings_are_one_to_five_stars(DatabaseProvider provider)
    {
        await using var database = await databases.CreateMigratedAsync(provider);
        var (userId, imageId) = await UserAndImageAsync(database);

        await UniquenessTests.ExpectRejectedAsync(database, new Rating { UserId = userId, ImageId = imageId, Stars = 0, RatedAt = Now });
        await UniquenessTests.ExpectRejectedAsync(database, new Rating { UserId = userId, ImageId = imageId, Stars = 6, RatedAt = Now });
        await using var db = database.Context();
        db.Ratings.Add(new Rating { UserId = userId, ImageId = imageId, Stars = 5, RatedAt = Now });
        await db.SaveChangesAsync();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_share_link_targets_exactly_one_annotation_or_image(DatabaseProvider provider)
    {
        await using var database = await databases.CreateMigratedAsync(provider);
        await using var db = database.Context();
        var sample = new SampleData(db, database.DataDirectory);
        await sample.AddPeopleAsync();
        await sample.AddProjectAsync("P");
        var annotation = await db.Annotations.FirstAsync();
        var image = await db.Images.FirstAsync();
        var owner = sample.Owner.Id;

        await UniquenessTests.ExpectRejectedAsync(database, new ShareLink { TokenHash = new string('a', 64), CreatedById = owner, CreatedAt = Now });
        await UniquenessTests.ExpectRejectedAsync(database, new ShareLink
        {
            TokenHash = new string('b', 64), AnnotationId = annotation.Id, ImageId = image.Id, CreatedById = owner, CreatedAt = Now,
        });
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Only_sysadm_is_global_and_every_other_role_needs_a_scope(DatabaseProvider provider)
    {
        await using var database = await databases.CreateMigratedAsync(provider);
        var (userId, _) = await UserAndImageAsync(database);

        await UniquenessTests.ExpectRejectedAsync(database, new Permission { UserId = userId, Role = PermissionRole.ProAdm, GrantedAt = Now });
        await UniquenessTests.ExpectRejectedAsync(database, new Permission { UserId = userId, Role = PermissionRole.SysAdm, ScopeId = 3, GrantedAt = Now });
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Image_format_codes_are_one_to_five(DatabaseProvider provider)
    {
        await using var database = await databases.CreateMigratedAsync(provider);
        var (project, _) = await UniquenessTests.TwoProjectsAsync(database);

        await UniquenessTests.ExpectRejectedAsync(database, new Image { ProjectId = project, Name = "x", FormatCode = 6, UploadedAt = Now });
        await UniquenessTests.ExpectRejectedAsync(database, new Image { ProjectId = project, Name = "y", FormatCode = 0, UploadedAt = Now });
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_object_type_cannot_be_its_own_parent(DatabaseProvider provider)
    {
        await using var database = await databases.CreateMigratedAsync(provider);
        await using (var db = database.Context())
        {
            db.ObjectTypes.AddRange(new ObjectType { Id = "cell" }, new ObjectType { Id = "nucleus" });
            await db.SaveChangesAsync();
            db.ObjectTypeParents.Add(new ObjectTypeParent { ChildId = "nucleus", ParentId = "cell" });
            await db.SaveChangesAsync();
        }

        await UniquenessTests.ExpectRejectedAsync(database, new ObjectTypeParent { ChildId = "cell", ParentId = "cell" });
    }

    private static async Task<(long UserId, long ImageId)> UserAndImageAsync(TestDatabase database)
    {
        var (project, _) = await UniquenessTests.TwoProjectsAsync(database);
        await using var db = database.Context();
        var user = UniquenessTests.NewUser("dave");
        var image = new Image { ProjectId = project, Name = "a.png", UploadedAt = Now };
        db.AddRange(user, image);
        await db.SaveChangesAsync();
        return (user.Id, image.Id);
    }
}
