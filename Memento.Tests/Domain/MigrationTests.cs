using Memento.Domain.Data;
using Memento.Domain.Data.Migrations;
using Memento.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Memento.Tests.Domain;

/// <summary>Migrations build the schema the model describes, once, even with several servers starting together.</summary>
public class MigrationTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_migrated_database_has_exactly_the_schema_of_the_current_model(DatabaseProvider provider)
    {
        // Migrated here rather than copied from the fixture's template, to test the migrations themselves.
        await using var migrated = await TestDatabase.CreateMigratedAsync(provider);
        await using var created = await databases.CreateEmptyAsync(provider);
        await using (var db = created.Context()) await db.Database.EnsureCreatedAsync();

        string fromMigrations, fromModel;
        await using (var db = migrated.Context()) fromMigrations = await SchemaDescription.ReadAsync(db);
        await using (var db = created.Context()) fromModel = await SchemaDescription.ReadAsync(db);

        // Guard against comparing two empty descriptions.
        Assert.Contains("Users", fromModel);
        Assert.Contains("CK_Ratings_Stars", fromModel);
        if (fromMigrations != fromModel)
            Assert.Fail("The migrations do not produce the model's schema; add a migration for the model change.\n" +
                        LineDiff.Format(fromModel, fromMigrations));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Migrating_twice_applies_each_migration_once_and_keeps_data(DatabaseProvider provider)
    {
        await using var database = await databases.CreateMigratedAsync(provider);
        await using (var db = database.Context())
        {
            db.Projects.Add(new() { Name = "Kidney_2026", CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
        await using (var db = database.Context())
        {
            await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);
            Assert.Equal(MigrationScripts.For(provider).Select(m => m.Id), await DatabaseMigrator.AppliedMigrationsAsync(db, CancellationToken.None));
            Assert.Equal("Kidney_2026", (await db.Projects.SingleAsync()).Name);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Several_instances_migrating_at_once_all_succeed(DatabaseProvider provider)
    {
        await using var database = await databases.CreateEmptyAsync(provider);
        var runs = Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var db = database.Context();
            await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);
        });
        await Task.WhenAll(runs);
        await using var check = database.Context();
        Assert.Equal(MigrationScripts.For(provider).Select(m => m.Id), await DatabaseMigrator.AppliedMigrationsAsync(check, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Migrations_bring_the_default_licences_and_natures(DatabaseProvider provider)
    {
        await using var database = await databases.CreateMigratedAsync(provider);
        await using var db = database.Context();
        var ccBy = await db.Licences.SingleAsync(l => l.Id == "CC-BY-4.0");
        Assert.True(ccBy.IsFree);
        Assert.True(ccBy.IsPinned);
        Assert.False((await db.Licences.SingleAsync(l => l.Id == "CC-BY-NC-4.0")).IsFree);
        // Every licence the image-dataset API's example query names must exist.
        string[] named = ["CC-BY-1.0", "CC-BY-2.0", "CC-BY-3.0", "CC-BY-4.0", "CC0-1.0", "Unlicense", "WTFPL", "MIT",
            "BSD-2-Clause", "BSD-3-Clause", "Apache-2.0", "X-informal-attribution", "X-informal-do-anything",
            "X-public-domain-old", "X-public-domain"];
        Assert.Equal(named.Length, await db.Licences.CountAsync(l => named.Contains(l.Id)));
        Assert.True(await db.Natures.AnyAsync(n => n.Id == "fluorescence-microscopy"));
    }
}
