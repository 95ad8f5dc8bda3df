using System.Runtime.CompilerServices;
using Memento.Domain.Data;
using Memento.Domain.Data.Migrations;
using Memento.Tests.Support;

namespace Memento.Tests.Domain;

/// <summary>
/// Keeps the checked-in SQL in step with the model. schema.sql is the model's full create script (regenerated with
/// MEMENTO_UPDATE_MIGRATIONS=1, reviewed in the diff); while 0001 is the only migration it is that same script.
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

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void While_it_is_the_only_migration_0001_initial_creates_the_whole_model(DatabaseProvider provider)
    {
        if (MigrationScripts.For(provider).Count > 1) return; // later migrations are checked by the drift test
        CheckFile(provider, "0001_initial.sql");
    }

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
