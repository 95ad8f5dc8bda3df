namespace Memento.Tests.Support;

public class SnapshotTests
{
    [Fact]
    public void Text_equal_to_the_checked_in_snapshot_passes() =>
        Snapshot.Match("first line\nsecond line\n");

    [Fact]
    public void Snapshots_live_in_a_snapshots_folder_beside_the_test_file_named_after_the_test()
    {
        var path = Snapshot.PathFor("/src/Tests/Schema/FooTests.cs", "Bar", "json");
        Assert.Equal(Path.Combine("/src/Tests/Schema/__snapshots__", "FooTests.Bar.json.snap"), path);
        Assert.Throws<ArgumentException>(() => Snapshot.PathFor("/src/FooTests.cs", "Bar", "../escape"));
    }

    [Fact]
    public void A_mismatch_fails_with_a_line_diff_and_leaves_the_snapshot_alone()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "x.snap");
        File.WriteAllText(path, "alpha\nbeta\ngamma\n");

        var error = Assert.Throws<SnapshotMismatchException>(() => Snapshot.Match("alpha\nBETA\ngamma\n", path, update: false));

        Assert.Contains("-    2 beta", error.Message);
        Assert.Contains("+      BETA", error.Message);
        Assert.Contains("MEMENTO_UPDATE_SNAPSHOTS=1", error.Message);
        Assert.Equal("alpha\nbeta\ngamma\n", File.ReadAllText(path));
    }

    [Fact]
    public void A_missing_snapshot_fails_showing_the_text_to_accept_unless_updating()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "__snapshots__", "new.snap");

        var error = Assert.Throws<SnapshotMismatchException>(() => Snapshot.Match("brand new\n", path, update: false));
        Assert.Contains("brand new", error.Message);
        Assert.False(File.Exists(path));

        Snapshot.Match("brand new\r\n", path, update: true);
        Assert.Equal("brand new\n", File.ReadAllText(path));
        Snapshot.Match("brand new\n", path, update: false);
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("memento-snapshot-").FullName;
        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
