using Memento.Domain.Data;

namespace Memento.Tests.Domain;

/// <summary>Stored image directories can only ever name something inside the data directory.</summary>
public sealed class DataPathsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("memento-paths-").FullName;
    private string Data => Path.Combine(_root, "data");

    public DataPathsTests() => Directory.CreateDirectory(Data);

    [Theory]
    [InlineData("images/abc")]
    [InlineData("images/./abc")]
    public void A_relative_path_inside_resolves_under_the_data_directory(string relative) =>
        Assert.Equal(Path.Combine(Data, "images", "abc"), DataPaths.Resolve(Data, relative));

    [Theory]
    [InlineData("../outside")]
    [InlineData("images/../../outside")]
    [InlineData("/etc")]
    [InlineData("")] // the data directory itself
    [InlineData(".")]
    public void A_path_leaving_the_data_directory_is_refused(string relative) =>
        Assert.Null(DataPaths.Resolve(Data, relative));

    [Fact]
    public void A_path_through_a_symbolic_link_is_refused()
    {
        var outside = Directory.CreateDirectory(Path.Combine(_root, "outside")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(Data, "images"), outside);
        Assert.Null(DataPaths.Resolve(Data, "images/abc"));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
