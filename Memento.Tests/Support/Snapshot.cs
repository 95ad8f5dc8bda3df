using System.Runtime.CompilerServices;

namespace Memento.Tests.Support;

/// <summary>
/// Compares text with a checked-in snapshot in a __snapshots__ folder beside the calling test file. A mismatch
/// fails with a line diff; MEMENTO_UPDATE_SNAPSHOTS=1 writes the actual text instead (review it in the git diff).
/// </summary>
public static class Snapshot
{
    public const string UpdateVariable = "MEMENTO_UPDATE_SNAPSHOTS";

    /// <summary>
    /// Asserts <paramref name="actual"/> equals the snapshot named
    /// <c>{TestClassFile}.{TestMethod}[.{name}].snap</c>. Line endings are normalised to \n.
    /// </summary>
    public static void Match(string actual, string? name = null,
        [CallerFilePath] string callerFile = "", [CallerMemberName] string callerMember = "")
    {
        Match(actual, PathFor(callerFile, callerMember, name), Environment.GetEnvironmentVariable(UpdateVariable) == "1");
    }

    /// <summary>The comparison itself, with the update switch explicit so the helper's own tests do not depend on the environment.</summary>
    internal static void Match(string actual, string path, bool update)
    {
        var text = actual.ReplaceLineEndings("\n");
        if (update)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (!File.Exists(path) || File.ReadAllText(path) != text) File.WriteAllText(path, text);
            return;
        }
        if (!File.Exists(path))
            throw new SnapshotMismatchException(
                $"Snapshot {path} does not exist. Run the tests with {UpdateVariable}=1 to accept this text:\n{text}");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected != text)
            throw new SnapshotMismatchException(
                $"Snapshot {path} does not match. Run the tests with {UpdateVariable}=1 to accept the new text.\n" +
                LineDiff.Format(expected, text));
    }

    /// <summary>Where <see cref="Match"/> keeps a snapshot; names are restricted to safe file-name characters.</summary>
    public static string PathFor(string callerFile, string callerMember, string? name)
    {
        var folder = Path.Combine(Path.GetDirectoryName(callerFile)!, "__snapshots__");
        var file = Path.GetFileNameWithoutExtension(callerFile) + "." + callerMember;
        if (name is not null)
        {
            if (name.Length == 0 || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')) || name.Contains(".."))
                throw new ArgumentException($"Snapshot name '{name}' may only use letters, digits, '-', '_' and '.'.", nameof(name));
            file += "." + name;
        }
        return Path.Combine(folder, file + ".snap");
    }
}

/// <summary>Thrown when text differs from its snapshot; the message carries the diff.</summary>
public sealed class SnapshotMismatchException(string message) : Xunit.Sdk.XunitException(message);
