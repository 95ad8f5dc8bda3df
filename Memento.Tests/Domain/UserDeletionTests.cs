using Memento.Domain.Data;
using Memento.Domain.Model;
using Memento.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Memento.Tests.Domain;

/// <summary>Removing an account removes what is personal to it and keeps the shared work it contributed to.</summary>
public class UserDeletionTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Deleting_an_account_keeps_projects_images_comments_and_regions_and_drops_its_tokens_permissions_and_ratings(DatabaseProvider provider)
    {
        await using var database = await databases.CreateMigratedAsync(provider);
        await using var db = database.Context();
        var sample = new SampleData(db, database.DataDirectory);
        await sample.AddPeopleAsync();
        await sample.AddProjectAsync("Kidney_2026");
        db.ApiTokens.Add(new ApiToken { UserId = sample.Annotator.Id, Name = "script", TokenHash = new string('c', 64), Prefix = "mem_cccc" });
        await db.SaveChangesAsync();
        var annotatorId = sample.Annotator.Id;
        db.ChangeTracker.Clear();

        await db.Users.Where(u => u.Id == annotatorId).ExecuteDeleteAsync();

        Assert.Equal(1, await db.Projects.CountAsync());
        Assert.Equal(2, await db.Images.CountAsync());
        var comment = await db.Comments.SingleAsync();
        Assert.Null(comment.AuthorId);
        Assert.Equal("Nice staining", comment.Text);
        Assert.Equal(1, await db.Regions.CountAsync());
        Assert.Null((await db.Layers.SingleAsync(l => l.Kind == LayerKind.Drawing)).OwnerId);
        Assert.False(await db.ApiTokens.AnyAsync());
        Assert.False(await db.Permissions.AnyAsync(p => p.UserId == annotatorId));
        Assert.False(await db.Ratings.AnyAsync());
        Assert.False(await db.GalleryTrustedUsers.AnyAsync());
        Assert.True(await db.Galleries.AnyAsync()); // owned by the other user
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Api_token_hashes_are_unique(DatabaseProvider provider)
    {
        await using var database = await databases.CreateMigratedAsync(provider);
        long userId;
        await using (var db = database.Context())
        {
            var user = UniquenessTests.NewUser("erin");
            db.Users.Add(user);
            await db.SaveChangesAsync();
            userId = user.Id;
            db.ApiTokens.Add(new ApiToken { UserId = userId, Name = "a", TokenHash = new string('d', 64), Prefix = "mem_dddd" });
            await db.SaveChangesAsync();
        }
        await UniquenessTests.ExpectRejectedAsync(database, new ApiToken { UserId = userId, Name = "b", TokenHash = new string('d', 64), Prefix = "mem_dddd" });
    }
}
