using Memento.Domain.Services.Images;

namespace Memento.Tests.Domain.Services;

/// <summary>
/// The one delete for image and project directories: whatever a database column holds, it removes nothing outside
/// <c>images/</c> and never follows a symbolic link out of it.
/// </summary>
public sealed class ImageDirectoriesTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"memento-dirs-{Guid.NewGuid():N}");
    private readonly string _data;
    private readonly string _outside;
    private readonly List<string> _forgotten = [];
    private readonly ImageDirectories _directories;

    public ImageDirectoriesTests()
    {
        _data = Path.Combine(_root, "data");
        _outside = Path.Combine(_root, "precious");
        Directory.CreateDirectory(_outside);
        File.WriteAllText(Path.Combine(_outside, "thesis.tif"), "years of work");
        _directories = new ImageDirectories(_data, _forgotten.Add);
    }

    [Fact]
    public void An_image_directory_and_its_tiles_are_removed_and_the_tile_cache_told()
    {
        var image = Populate("images/7/abc");
        Assert.True(_directories.Delete("images/7/abc"));
        Assert.False(Directory.Exists(image));
        Assert.Equal([image], _forgotten);
    }

    [Fact]
    public void A_project_directory_is_removed_with_the_same_rules()
    {
        var project = Populate("images/7");
        Assert.True(_directories.Delete(ImageDirectories.ProjectDirectory(7)));
        Assert.False(Directory.Exists(project));
    }

    [Theory]
    [InlineData("../precious")]          // climbs out of the data directory
    [InlineData("images/../../precious")] // climbs out through images/
    [InlineData("uploads/incoming")]      // inside the data directory, but not an image's
    [InlineData("images")]                // every project's images at once
    [InlineData("images/")]
    public void A_path_outside_the_images_folder_is_refused(string relative)
    {
        Populate("uploads/incoming");
        Populate("images/7/abc");
        Assert.False(_directories.Delete(relative));
        Assert.True(File.Exists(Path.Combine(_outside, "thesis.tif")));
        Assert.True(Directory.Exists(Path.Combine(_data, "uploads", "incoming")));
        Assert.True(Directory.Exists(Path.Combine(_data, "images", "7", "abc")));
        Assert.Empty(_forgotten);
    }

    [Fact]
    public void An_absolute_path_is_refused()
    {
        Assert.False(_directories.Delete(_outside));
        Assert.True(File.Exists(Path.Combine(_outside, "thesis.tif")));
    }

    [Fact]
    public void A_symbolic_link_on_the_way_is_refused_and_its_target_kept()
    {
        Directory.CreateDirectory(Path.Combine(_data, "images"));
        Directory.CreateSymbolicLink(Path.Combine(_data, "images", "7"), _root); // images/7 → outside the data directory
        Assert.False(_directories.Delete("images/7/precious"));
        Assert.True(File.Exists(Path.Combine(_outside, "thesis.tif")));
    }

    [Fact]
    public void A_symbolic_link_in_an_image_directorys_place_is_unlinked_never_followed()
    {
        Directory.CreateDirectory(Path.Combine(_data, "images", "7"));
        var link = Path.Combine(_data, "images", "7", "abc");
        Directory.CreateSymbolicLink(link, _outside);
        Assert.True(_directories.Delete("images/7/abc"));
        Assert.False(Path.Exists(link));
        Assert.True(File.Exists(Path.Combine(_outside, "thesis.tif")));
    }

    private string Populate(string relative)
    {
        var full = Path.Combine(_data, relative);
        Directory.CreateDirectory(Path.Combine(full, "image_files", "0"));
        File.WriteAllText(Path.Combine(full, "image_files", "0", "0_0.jpg"), "tile");
        return full;
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { /* a leftover temp folder must not fail the test that used it */ }
    }
}
