using System.Reflection;

namespace Memento.Domain.Data.Migrations;

/// <summary>One migration: its id (file name without extension, e.g. "0001_initial") and its SQL.</summary>
public sealed record MigrationScript(string Id, string Sql);

/// <summary>Reads the embedded migration scripts of one provider, ordered by their numeric prefix.</summary>
public static class MigrationScripts
{
    /// <summary>The migrations for <paramref name="provider"/>, oldest first.</summary>
    public static IReadOnlyList<MigrationScript> For(DatabaseProvider provider)
    {
        var assembly = typeof(MigrationScripts).Assembly;
        var prefix = $"{assembly.GetName().Name}.Data.Migrations.{provider}.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => n[prefix.Length..^".sql".Length])
            // schema.sql is the model's full script for review, never applied.
            .Where(id => id.Length > 5 && char.IsAsciiDigit(id[0]) && id[4] == '_')
            .Order(StringComparer.Ordinal)
            .Select(id => new MigrationScript(id, Read(assembly, prefix + id + ".sql")))
            .ToList();
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Missing embedded migration {resource}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
