using Memento.Domain.Data;
using Memento.Domain.Model;
using Memento.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Memento.Tests.Domain;

/// <summary>
/// Deleting a container leaves the database and the data directory exactly as they were before the container
/// was created: every table's row count and every file are compared, so an orphan anywhere fails.
/// </summary>
public class ContainerDeletionTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Deleting_a_project_removes_every_row_inside_it_and_its_image_files(DatabaseProvider provider)
    {
        await using var database = await databases.CreateMigratedAsync(provider);
        await using var db = database.Context();
        var sample = new SampleData(db, database.DataDirectory);
        await sample.AddPeopleAsync();
        await sample.AddProjectAsync("Kept");
        var rowsBefore = await SampleData.RowCountsAsync(db);
        var filesBefore = SampleData.Files(database.DataDirectory);

        var doomed = await sample.AddProjectAsync("Kidney_2026");
        await sample.AddCategoryAsync(doomed, "KO");
        Assert.NotEqual(rowsBefore, await SampleData.RowCountsAsync(db));
        Assert.NotEqual(filesBefore, SampleData.Files(database.DataDirectory));
        db.ChangeTracker.Clear();

        Assert.True(await new ContainerDeletion(db, database.DataDirectory).DeleteProjectAsync(doomed.Id, CancellationToken.None));

        Assert.Equal(rowsBefore, await SampleData.RowCountsAsync(db));
        Assert.Equal(filesBefore, SampleData.Files(database.DataDirectory));
        Assert.True(await db.Projects.AnyAsync(p => p.Name == "Kept"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Deleting_a_category_removes_its_annotations_but_keeps_the_projects_images(DatabaseProvider provider)
    {
        await using var database = await databases.CreateMigratedAsync(provider);
        await using var db = database.Context();
        var sample = new SampleData(db, database.DataDirectory);
        await sample.AddPeopleAsync();
        var project = await sample.AddProjectAsync("Kidney_2026");
        var rowsBefore = await SampleData.RowCountsAsync(db);
        var filesBefore = SampleData.Files(database.DataDirectory);

        var doomed = await sample.AddCategoryAsync(project, "KO");
        await sample.AddAnnotationAsync(doomed, "mouse_02");
        db.ChangeTracker.Clear();

        Assert.True(await new ContainerDeletion(db, database.DataDirectory).DeleteCategoryAsync(doomed.Id, CancellationToken.None));

        Assert.Equal(rowsBefore, await SampleData.RowCountsAsync(db));
        Assert.Equal(filesBefore, SampleData.Files(database.DataDirectory));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Deleting_an_annotation_removes_its_layers_comments_regions_labels_choices_links_and_permissions(DatabaseProvider provider)
    {
        await using var database = await databases.CreateMigratedAsync(provider);
        await using var db = database.Context();
        var sample = new SampleData(db, database.DataDirectory);
        await sample.AddPeopleAsync();
        await sample.AddProjectAsync("Kidney_2026");
        var category = await db.Categories.SingleAsync();
        var rowsBefore = await SampleData.RowCountsAsync(db);

        var doomed = await sample.AddAnnotationAsync(category, "mouse_02");
        db.ChangeTracker.Clear();

        Assert.True(await new ContainerDeletion(db, database.DataDirectory).DeleteAnnotationAsync(doomed.Id, CancellationToken.None));

        Assert.Equal(rowsBefore, await SampleData.RowCountsAsync(db));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Deleting_something_that_does_not_exist_reports_false_and_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await databases.CreateMigratedAsync(provider);
        await using var db = database.Context();
        var sample = new SampleData(db, database.DataDirectory);
        await sample.AddPeopleAsync();
        await sample.AddProjectAsync("Kidney_2026");
        var rowsBefore = await SampleData.RowCountsAsync(db);
        var deletion = new ContainerDeletion(db, database.DataDirectory);

        Assert.False(await deletion.DeleteProjectAsync(999_999, CancellationToken.None));
        Assert.False(await deletion.DeleteCategoryAsync(999_999, CancellationToken.None));
        Assert.False(await deletion.DeleteAnnotationAsync(999_999, CancellationToken.None));
        Assert.Equal(rowsBefore, await SampleData.RowCountsAsync(db));
    }

    [Fact]
    public async Task An_image_directory_pointing_outside_the_data_directory_is_never_deleted()
    {
        await using var database = await databases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        var outside = Path.Combine(database.Root, "precious");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "thesis.docx"), "years of work");
        await using var db = database.Context();
        var sample = new SampleData(db, database.DataDirectory);
        await sample.AddPeopleAsync();
        var project = await sample.AddProjectAsync("Kidney_2026");
        var image = await db.Images.FirstAsync(i => i.ProjectId == project.Id);
        image.StorageDirectory = "../precious"; // e.g. a row written by a buggy or hostile import
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        Assert.True(await new ContainerDeletion(db, database.DataDirectory).DeleteProjectAsync(project.Id, CancellationToken.None));

        Assert.True(File.Exists(Path.Combine(outside, "thesis.docx")));
        Assert.False(await db.Images.AnyAsync());
    }

    [Fact]
    public async Task An_image_directory_that_is_a_symbolic_link_is_unlinked_without_touching_its_target()
    {
        await using var database = await databases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        var outside = Path.Combine(database.Root, "shared-scans");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "scan.tif"), "pixels");
        await using var db = database.Context();
        var sample = new SampleData(db, database.DataDirectory);
        await sample.AddPeopleAsync();
        var project = await sample.AddProjectAsync("Kidney_2026");
        var image = await db.Images.FirstAsync(i => i.ProjectId == project.Id);
        Directory.CreateSymbolicLink(Path.Combine(database.DataDirectory, "images", "linked"), outside);
        image.StorageDirectory = Path.Combine("images", "linked");
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        Assert.True(await new ContainerDeletion(db, database.DataDirectory).DeleteProjectAsync(project.Id, CancellationToken.None));

        Assert.False(Path.Exists(Path.Combine(database.DataDirectory, "images", "linked")));
        Assert.True(File.Exists(Path.Combine(outside, "scan.tif")));
    }
}
