using Memento.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Memento.Tests.Support;

/// <summary>The current model's full create script per provider, as EF Core generates it.</summary>
public static class ModelScripts
{
    public static string Generate(DatabaseProvider provider)
    {
        var options = new DbContextOptionsBuilder<MementoDbContext>();
        // No connection is opened: script generation only needs the provider.
        if (provider == DatabaseProvider.Sqlite) MementoDatabase.Configure(options, null, Path.GetTempPath());
        else MementoDatabase.Configure(options, "Host=localhost;Database=script", Path.GetTempPath());
        using var db = new MementoDbContext(options.Options);
        return db.Database.GenerateCreateScript().ReplaceLineEndings("\n").Trim() + "\n";
    }

    /// <summary>Memento.Domain/Data/Migrations/{provider} in the source tree (tests run from bin/).</summary>
    public static string SourceFolder(DatabaseProvider provider, string testFile)
    {
        var directory = new DirectoryInfo(Path.GetDirectoryName(testFile)!);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Memento.sln")))
            directory = directory.Parent;
        if (directory is null) throw new InvalidOperationException("Cannot find Memento.sln above " + testFile);
        return Path.Combine(directory.FullName, "Memento.Domain", "Data", "Migrations", provider.ToString());
    }
}
