using System.Runtime.CompilerServices;
using Memento.Domain.Data;
using Memento.Domain.Data.Migrations;
using Memento.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Memento.Tests.Domain;

/// <summary>
/// Keeps the checked-in SQL in step with the model. schema.sql is the model's full create script (regenerated with
/// MEMENTO_UPDATE_MIGRATIONS=1, reviewed in the diff); the migrations, run in order, build what it builds.
/// </summary>
public class MigrationScriptTests
{
    public const string UpdateVariable = "MEMENTO_UPDATE_MIGRATIONS";
    private static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void Schema_sql_is_the_models_create_script(DatabaseProvider provider) =>
        CheckFile(provider, "schema.sql");

    /// <summary>
    /// Once a second migration exists, 0001_initial can no longer be compared with the model as text; instead the
    /// checked-in scripts, run in order on an empty database, must build exactly what schema.sql builds.
    /// </summary>
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_migrations_in_order_create_the_whole_model(DatabaseProvider provider)
    {
        await using var migrated = await TestDatabase.CreateAsync(provider);
        await using var fromScript = await TestDatabase.CreateAsync(provider);
        foreach (var migration in MigrationScripts.For(provider)) await ExecuteAsync(migrated, migration.Sql);
        await ExecuteAsync(fromScript, File.ReadAllText(Path.Combine(ModelScripts.SourceFolder(provider, SourceFile()), "schema.sql")));

        string byMigrations, bySchemaSql;
        await using (var db = migrated.Context()) byMigrations = await SchemaDescription.ReadAsync(db);
        await using (var db = fromScript.Context()) bySchemaSql = await SchemaDescription.ReadAsync(db);

        Assert.Contains("Projects", bySchemaSql); // not two empty descriptions
        if (byMigrations != bySchemaSql)
            Assert.Fail("Run in order, the migrations do not build what schema.sql builds; add or fix a migration.\n" +
                        LineDiff.Format(bySchemaSql, byMigrations));
    }

    private static async Task ExecuteAsync(TestDatabase database, string sql)
    {
        await using var db = database.Context();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static string SourceFile([CallerFilePath] string path = "") => path;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void Migrations_are_embedded_in_order(DatabaseProvider provider)
    {
        var ids = MigrationScripts.For(provider).Select(m => m.Id).ToList();
        Assert.Equal("0001_initial", ids.FirstOrDefault());
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.DoesNotContain("schema", ids);
    }

    private static void CheckFile(DatabaseProvider provider, string fileName, [CallerFilePath] string testFile = "")
    {
        var path = Path.Combine(ModelScripts.SourceFolder(provider, testFile), fileName);
        var expected = ModelScripts.Generate(provider);
        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, expected);
            return;
        }
        Assert.True(File.Exists(path), $"{path} is missing; run the tests with {UpdateVariable}=1 to create it.");
        var actual = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (actual != expected)
            Assert.Fail($"{path} differs from the model. Run the tests with {UpdateVariable}=1 to regenerate it, " +
                        "then add a migration for the change.\n" + LineDiff.Format(actual, expected));
    }
}
