using Memento.Domain.Data;
using Memento.Domain.Model;
using Memento.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Memento.Tests.Domain;

/// <summary>Names users and scripts look things up by cannot be duplicated where a look-up would become ambiguous.</summary>
public class UniquenessTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task User_names_are_unique_ignoring_case(DatabaseProvider provider)
    {
        await using var database = await databases.CreateMigratedAsync(provider);
        await using var db = database.Context();
        db.Users.Add(NewUser("Alice"));
        await db.SaveChangesAsync();

        db.Users.Add(NewUser("aLICE"));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Project_names_are_unique_per_owner_but_may_repeat_across_owners(DatabaseProvider provider)
    {
        await using var database = await databases.CreateMigratedAsync(provider);
        long alice;
        await using (var db = database.Context())
        {
            var users = new[] { NewUser("alice"), NewUser("bob") };
            db.Users.AddRange(users);
            await db.SaveChangesAsync();
            alice = users[0].Id;
            // Server-wide uniqueness let anyone probe for hidden projects by name (issue 10, finding 6a).
            db.Projects.AddRange(new Project { Name = "Kidney_2026", OwnerId = alice, CreatedAt = Now },
                new Project { Name = "Kidney_2026", OwnerId = users[1].Id, CreatedAt = Now },
                // Projects whose owner was deleted are not constrained among themselves (NULLs are distinct).
                new Project { Name = "Kidney_2026", CreatedAt = Now },
                new Project { Name = "Kidney_2026", CreatedAt = Now });
            await db.SaveChangesAsync();
        }

        await ExpectRejectedAsync(database, new Project { Name = "Kidney_2026", OwnerId = alice, CreatedAt = Now });
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Category_image_and_label_names_are_unique_within_a_project_but_may_repeat_across_projects(DatabaseProvider provider)
    {
        await using var database = await databases.CreateMigratedAsync(provider);
        var (first, second) = await TwoProjectsAsync(database);

        // The same names in another project are fine: scripts look them up per project.
        await using (var db = database.Context())
        {
            db.AddRange(new Category { ProjectId = first, Name = "WT", CreatedAt = Now },
                new Category { ProjectId = second, Name = "WT", CreatedAt = Now },
                new Image { ProjectId = first, Name = "DAPI.tif", UploadedAt = Now },
                new Image { ProjectId = second, Name = "DAPI.tif", UploadedAt = Now },
                new Label { ProjectId = first, Name = "positive" },
                new Label { ProjectId = second, Name = "positive" });
            await db.SaveChangesAsync();
        }

        await ExpectRejectedAsync(database, new Category { ProjectId = first, Name = "WT", CreatedAt = Now });
        await ExpectRejectedAsync(database, new Image { ProjectId = first, Name = "DAPI.tif", UploadedAt = Now });
        await ExpectRejectedAsync(database, new Label { ProjectId = first, Name = "positive" });
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Annotation_names_are_unique_within_a_category_but_may_repeat_across_categories(DatabaseProvider provider)
    {
        await using var database = await databases.CreateMigratedAsync(provider);
        var (project, _) = await TwoProjectsAsync(database);
        long wt, ko;
        await using (var db = database.Context())
        {
            var categories = new[] { new Category { ProjectId = project, Name = "WT", CreatedAt = Now }, new Category { ProjectId = project, Name = "KO", CreatedAt = Now } };
            db.AddRange(categories);
            await db.SaveChangesAsync();
            (wt, ko) = (categories[0].Id, categories[1].Id);
            db.AddRange(new Annotation { CategoryId = wt, Name = "mouse_01", CreatedAt = Now },
                new Annotation { CategoryId = ko, Name = "mouse_01", CreatedAt = Now });
            await db.SaveChangesAsync();
        }

        await ExpectRejectedAsync(database, new Annotation { CategoryId = wt, Name = "mouse_01", CreatedAt = Now });
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_user_holds_each_role_once_per_scope_and_sysadm_once(DatabaseProvider provider)
    {
        await using var database = await databases.CreateMigratedAsync(provider);
        long userId;
        await using (var db = database.Context())
        {
            var user = NewUser("bob");
            db.Users.Add(user);
            await db.SaveChangesAsync();
            userId = user.Id;
            db.AddRange(new Permission { UserId = userId, Role = PermissionRole.SysAdm, GrantedAt = Now },
                new Permission { UserId = userId, Role = PermissionRole.ProPar, ScopeId = 1, GrantedAt = Now },
                new Permission { UserId = userId, Role = PermissionRole.ProPar, ScopeId = 2, GrantedAt = Now });
            await db.SaveChangesAsync();
        }

        await ExpectRejectedAsync(database, new Permission { UserId = userId, Role = PermissionRole.ProPar, ScopeId = 1, GrantedAt = Now });
        // A null scope would slip past an ordinary unique index (NULLs are distinct); the filtered index catches it.
        await ExpectRejectedAsync(database, new Permission { UserId = userId, Role = PermissionRole.SysAdm, GrantedAt = Now });
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_user_rates_an_image_once(DatabaseProvider provider)
    {
        await using var database = await databases.CreateMigratedAsync(provider);
        var (project, _) = await TwoProjectsAsync(database);
        long userId, imageId;
        await using (var db = database.Context())
        {
            var user = NewUser("carol");
            var image = new Image { ProjectId = project, Name = "a.png", UploadedAt = Now };
            db.AddRange(user, image);
            await db.SaveChangesAsync();
            (userId, imageId) = (user.Id, image.Id);
            db.Ratings.Add(new Rating { UserId = userId, ImageId = imageId, Stars = 5, RatedAt = Now });
            await db.SaveChangesAsync();
        }

        await ExpectRejectedAsync(database, new Rating { UserId = userId, ImageId = imageId, Stars = 3, RatedAt = Now });
    }

    internal static User NewUser(string name) =>
        new() { UserName = name, NormalizedUserName = User.Normalize(name), CreatedAt = Now };

    internal static async Task<(long, long)> TwoProjectsAsync(TestDatabase database)
    {
        await using var db = database.Context();
        var projects = new[] { new Project { Name = "First", CreatedAt = Now }, new Project { Name = "Second", CreatedAt = Now } };
        db.Projects.AddRange(projects);
        await db.SaveChangesAsync();
        return (projects[0].Id, projects[1].Id);
    }

    /// <summary>Saving <paramref name="entity"/> in a fresh context fails and leaves nothing behind.</summary>
    internal static async Task ExpectRejectedAsync(TestDatabase database, object entity)
    {
        await using var db = database.Context();
        var before = await SampleData.RowCountsAsync(db);
        db.Add(entity);
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        Assert.Equal(before, await SampleData.RowCountsAsync(db));
    }
}
