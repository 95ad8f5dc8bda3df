using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Memento.Domain.Model;
using Memento.Domain.Services.ObjectTypes;
using Memento.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Memento.Tests.Domain.Services.Vocabulary;

/// <summary>
/// The object vocabulary's changes on both databases: the closure equals the hierarchy after every change (several
/// parents included), a cycle is refused and named, a rename carries the regions, a used type is not deleted.
/// </summary>
public sealed class ObjectTypeServiceTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_closure_follows_every_change_of_a_hierarchy_with_several_parents(DatabaseProvider provider)
    {
        await using var database = await databases.CreateMigratedAsync(provider);
        var (types, admin, db) = await WorldAsync(database);
        await using var _ = db;

        await types.RegisterAsync(admin, "cell", "a cell", null);
        await types.RegisterAsync(admin, "organelle", "part of a cell", ["cell"]);
        await types.SetParentsAsync(admin, "nucleus", ["cell", "organelle"]);
        await types.RegisterAsync(admin, "nucleolus", null, ["nucleus"]);
        Assert.Equal("cell<cell nucleolus<cell nucleolus<nucleolus nucleolus<nucleus nucleolus<organelle nucleus<cell "
                     + "nucleus<nucleus nucleus<organelle organelle<cell organelle<organelle", await ClosureAsync(db));
        var nucleolus = await types.GetAsync(Caller.Anonymous, "nucleolus");
        Assert.Equal(["nucleus"], nucleolus.Parents);
        Assert.Equal(["cell", "nucleus", "organelle"], nucleolus.Ancestors);
        Assert.Equal(["nucleus", "organelle"], (await types.GetAsync(Caller.Anonymous, "cell")).Children);

        // Dropping a parent keeps what is still reachable through the other one.
        await types.SetParentsAsync(admin, "organelle", []);
        Assert.Equal("cell<cell nucleolus<cell nucleolus<nucleolus nucleolus<nucleus nucleolus<organelle nucleus<cell "
                     + "nucleus<nucleus nucleus<organelle organelle<organelle", await ClosureAsync(db));

        // Deleting a type takes the children's edges to it, not the children.
        await types.DeleteAsync(admin, "organelle");
        Assert.Equal("cell<cell nucleolus<cell nucleolus<nucleolus nucleolus<nucleus nucleus<cell nucleus<nucleus",
            await ClosureAsync(db));
        Assert.Equal(["cell"], (await types.GetAsync(Caller.Anonymous, "nucleus")).Parents);
        Assert.Equal(["cell", "nucleolus", "nucleus"], (await types.ListAsync(Caller.Anonymous)).Select(t => t.Id));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_parent_that_would_close_a_cycle_is_refused_and_the_cycle_named(DatabaseProvider provider)
    {
        await using var database = await databases.CreateMigratedAsync(provider);
        var (types, admin, db) = await WorldAsync(database);
        await using var _ = db;
        await types.RegisterAsync(admin, "cell", null, null);
        await types.SetParentsAsync(admin, "nucleus", ["cell"]);
        await types.RegisterAsync(admin, "nucleolus", null, ["nucleus"]);
        var before = await ClosureAsync(db);

        var cycle = await Assert.ThrowsAsync<MementoException>(() => types.SetParentsAsync(admin, "cell", ["nucleolus"]));
        Assert.Equal((ErrorCode.Validation, "parents", "'cell' cannot be a kind of 'nucleolus': that would close the cycle cell → nucleolus → nucleus → cell."),
            (cycle.Code, cycle.Field, cycle.Message));
        var self = await Assert.ThrowsAsync<MementoException>(() => types.SetParentsAsync(admin, "cell", ["cell"]));
        Assert.Equal("An object type cannot be its own parent.", self.Message);
        var unknown = await Assert.ThrowsAsync<MementoException>(() => types.SetParentsAsync(admin, "cell", ["tissue"]));
        Assert.Equal("Unknown object type 'tissue'; register it first.", unknown.Message);

        Assert.Empty((await types.GetAsync(admin, "cell")).Parents);
        Assert.Equal(before, await ClosureAsync(db));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_rename_carries_the_regions_and_both_kinds_of_edges(DatabaseProvider provider)
    {
        await using var database = await databases.CreateMigratedAsync(provider);
        var (types, admin, db) = await WorldAsync(database, withRegion: true);
        await using var _ = db;
        await types.RegisterAsync(admin, "cell", null, null);
        await types.SetParentsAsync(admin, "nucleus", ["cell"]);
        await types.SetDescriptionAsync(admin, "nucleus", "holds the chromosomes");
        await types.RegisterAsync(admin, "nucleolus", null, ["nucleus"]);

        var renamed = await types.RenameAsync(admin, "nucleus", "cell nucleus");

        Assert.Equal("cell nucleus: holds the chromosomes; parents cell; children nucleolus",
            $"{renamed.Id}: {renamed.Description}; parents {string.Join(",", renamed.Parents)}; children {string.Join(",", renamed.Children)}");
        Assert.Equal(["cell nucleus"], await db.Regions.AsNoTracking().Select(r => r.ObjectTypeId).ToListAsync());
        Assert.Equal(["cell", "cell nucleus"], (await types.GetAsync(admin, "nucleolus")).Ancestors);
        Assert.Equal("cell nucleus<cell cell nucleus<cell nucleus cell<cell nucleolus<cell nucleolus<cell nucleus nucleolus<nucleolus",
            await ClosureAsync(db));
        var gone = await Assert.ThrowsAsync<MementoException>(() => types.GetAsync(admin, "nucleus"));
        Assert.Equal((ErrorCode.NotFound, "There is no object type 'nucleus'."), (gone.Code, gone.Message));
        var taken = await Assert.ThrowsAsync<MementoException>(() => types.RenameAsync(admin, "cell nucleus", "cell"));
        Assert.Equal((ErrorCode.Conflict, "The object type 'cell' already exists."), (taken.Code, taken.Message));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_type_regions_use_is_not_deleted_and_the_refusal_counts_them(DatabaseProvider provider)
    {
        await using var database = await databases.CreateMigratedAsync(provider);
        var (types, admin, db) = await WorldAsync(database, withRegion: true);
        await using var _ = db;

        var used = await Assert.ThrowsAsync<MementoException>(() => types.DeleteAsync(admin, "nucleus"));

        Assert.Equal((ErrorCode.Conflict, "'nucleus' is used by 1 region; rename it or retag them before deleting it."),
            (used.Code, used.Message));
        Assert.Equal("nucleus", (await types.GetAsync(admin, "nucleus")).Id);
        Assert.Equal(1, await db.Regions.CountAsync(r => r.ObjectTypeId == "nucleus"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Everyone_reads_the_vocabulary_and_only_its_administrators_change_it(DatabaseProvider provider)
    {
        await using var database = await databases.CreateMigratedAsync(provider);
        var (types, _, db) = await WorldAsync(database);
        await using var _ = db;
        var plain = new User { UserName = "plain", NormalizedUserName = "PLAIN", CreatedAt = DateTimeOffset.UtcNow };
        db.Users.Add(plain);
        await db.SaveChangesAsync();

        Assert.Equal(["nucleus"], (await types.ListAsync(Caller.Anonymous)).Select(t => t.Id));
        var anonymous = await Assert.ThrowsAsync<MementoException>(() => types.RenameAsync(Caller.Anonymous, "nucleus", "x"));
        Assert.Equal(ErrorCode.Unauthenticated, anonymous.Code);
        var refused = await Assert.ThrowsAsync<MementoException>(() => types.DeleteAsync(Caller.ForUser(plain.Id), "nucleus"));
        Assert.Equal((ErrorCode.Forbidden, "Changing the object vocabulary is for administrators and project managers."),
            (refused.Code, refused.Message));
        Assert.Equal(["nucleus"], (await types.ListAsync(Caller.Anonymous)).Select(t => t.Id));
    }

    /// <summary>A system administrator and the type "nucleus"; with a region tagged with it when asked.</summary>
    internal static async Task<(ObjectTypeService Types, Caller Admin, MementoDbContext Db)> WorldAsync(
        TestDatabase database, bool withRegion = false)
    {
        var db = database.Context();
        var sample = new SampleData(db, database.DataDirectory);
        await sample.AddPeopleAsync();
        if (withRegion) await sample.AddProjectAsync("P");
        db.ChangeTracker.Clear();
        var policy = new AccessPolicy(db, new TestClock());
        return (new ObjectTypeService(db, policy), Caller.ForUser(sample.Owner.Id), db);
    }

    /// <summary>The closure as "type&lt;ancestor" pairs, sorted.</summary>
    private static async Task<string> ClosureAsync(MementoDbContext db) => string.Join(" ",
        (await db.ObjectTypeAncestors.AsNoTracking().ToListAsync())
        .Select(a => $"{a.ObjectTypeId}<{a.AncestorId}").Order(StringComparer.Ordinal));
}
