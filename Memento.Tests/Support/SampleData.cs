using Memento.Domain.Data;
using Memento.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace Memento.Tests.Support;

/// <summary>
/// Builds containers filled with one of everything that can live inside them (layers, comments, regions, labels,
/// choices, share links, scoped permissions, image rows with files on disk), for cascade and deletion tests.
/// </summary>
public sealed class SampleData(MementoDbContext db, string dataDirectory)
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private int _counter;

    public User Owner { get; private set; } = null!;
    public User Annotator { get; private set; } = null!;
    public Gallery Gallery { get; private set; } = null!;

    /// <summary>Users and a gallery: things that live outside any project.</summary>
    public async Task AddPeopleAsync()
    {
        Owner = NewUser("owner");
        Annotator = NewUser("annotator");
        Gallery = new Gallery { Owner = Owner, Title = "Best of", CreatedAt = Now, TrustedUsers = [Annotator] };
        db.AddRange(Owner, Annotator, Gallery);
        db.Permissions.Add(new Permission { User = Owner, Role = PermissionRole.SysAdm, GrantedAt = Now });
        db.ObjectTypes.Add(new ObjectType { Id = "nucleus", Description = "Cell nucleus" });
        await db.SaveChangesAsync();
    }

    /// <summary>A project with two images (files on disk), a label, a classification and one full category.</summary>
    public async Task<Project> AddProjectAsync(string name)
    {
        var project = new Project { Name = name, Owner = Owner, CreatedAt = Now };
        var images = new[] { NewImage(project, "DAPI.tif"), NewImage(project, "GFP.tif") };
        images[1].Replaces = images[0];
        images[0].Licences = await db.Licences.Where(l => l.Id == "CC-BY-4.0").ToListAsync();
        Gallery.Images.Add(images[0]);
        db.AddRange(project, new Label { Project = project, Name = "positive" },
            new Classification { Project = project, Name = "Phenotype", OptionData = "normal,abnormal" },
            new Rating { User = Annotator, Image = images[0], Stars = 4, RatedAt = Now },
            new ShareLink { TokenHash = Hash(), Image = images[1], CreatedBy = Owner, CreatedAt = Now });
        db.AddRange(images);
        await db.SaveChangesAsync();
        Grant(PermissionRole.ProAdm, project.Id);
        Grant(PermissionRole.ProVie, project.Id);
        await db.SaveChangesAsync();
        await AddCategoryAsync(project, "WT");
        return project;
    }

    /// <summary>A category linked to the project's classification, holding one full annotation.</summary>
    public async Task<Category> AddCategoryAsync(Project project, string name)
    {
        var category = new Category { Project = project, Name = name, CreatedAt = Now };
        category.Classifications.AddRange(await db.Classifications.Where(c => c.ProjectId == project.Id).ToListAsync());
        db.Categories.Add(category);
        await db.SaveChangesAsync();
        Grant(PermissionRole.CatPar, category.Id);
        await db.SaveChangesAsync();
        await AddAnnotationAsync(category, "mouse_01");
        return category;
    }

    /// <summary>An annotation with a group layer holding an image layer, a drawing layer with a region,
    /// a comment, a label, a classification choice, a share link and scoped permissions.</summary>
    public async Task<Annotation> AddAnnotationAsync(Category category, string name)
    {
        var projectId = category.ProjectId;
        var image = await db.Images.FirstAsync(i => i.ProjectId == projectId);
        var annotation = new Annotation { Category = category, Name = name, CreatedAt = Now };
        annotation.Labels.AddRange(await db.Labels.Where(l => l.ProjectId == projectId).ToListAsync());
        var group = new Layer { Annotation = annotation, Name = "channels", Kind = LayerKind.Group, CreatedAt = Now };
        var channel = new Layer { Annotation = annotation, Name = "DAPI", Kind = LayerKind.Image, Image = image, ParentLayer = group, Sequence = 1, CreatedAt = Now };
        var drawing = new Layer { Annotation = annotation, Name = "ROIs", Kind = LayerKind.Drawing, Owner = Annotator, Sequence = 2, CreatedAt = Now };
        db.AddRange(annotation, group, channel, drawing,
            new Comment { Layer = channel, Author = Annotator, Text = "Nice staining", CreatedAt = Now },
            new Region { Layer = drawing, Shape = RegionShape.Polygon, GeometryJson = "[[0,0],[10,0],[10,10]]", ObjectTypeId = "nucleus", CreatedAt = Now },
            new ClassificationChoice { Annotation = annotation, Classification = await db.Classifications.FirstAsync(c => c.ProjectId == projectId), SelectedOption = "normal", ChosenBy = Annotator, ChosenAt = Now },
            new ShareLink { TokenHash = Hash(), Annotation = annotation, CreatedBy = Owner, CreatedAt = Now });
        await db.SaveChangesAsync();
        Grant(PermissionRole.AnnVie, annotation.Id);
        await db.SaveChangesAsync();
        return annotation;
    }

    private void Grant(PermissionRole role, long scopeId) =>
        db.Permissions.Add(new Permission { User = Annotator, Role = role, ScopeId = scopeId, GrantedAt = Now });

    private User NewUser(string name) => new()
    {
        UserName = name + ++_counter, NormalizedUserName = User.Normalize(name + _counter), CreatedAt = Now,
    };

    private string Hash() => Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()).PadRight(64, '0');

    private Image NewImage(Project project, string name)
    {
        // Mirrors ingest: a server-chosen directory holding the original and a nested tile pyramid.
        var relative = Path.Combine("images", Guid.NewGuid().ToString("N"));
        var full = Path.Combine(dataDirectory, relative);
        Directory.CreateDirectory(Path.Combine(full, "tiles", "0"));
        File.WriteAllText(Path.Combine(full, "original.tif"), "pixels");
        File.WriteAllText(Path.Combine(full, "tiles", "0", "0_0.jpg"), "tile");
        return new Image
        {
            Project = project, Name = name, StorageDirectory = relative, OriginalFileName = name,
            State = ImageProcessingState.Ready, Width = 100, Height = 100, UploadedAt = Now, Uploader = Owner, NatureId = "fluorescence-microscopy",
        };
    }

    /// <summary>Row count of every table in the model, "Table=N" per line, to spot any orphan anywhere.</summary>
    public static async Task<string> RowCountsAsync(MementoDbContext db)
    {
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal);
        var lines = new List<string>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            foreach (var table in tables)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
                lines.Add($"{table}={Convert.ToInt64(await command.ExecuteScalarAsync())}");
            }
        }
        finally { await db.Database.CloseConnectionAsync(); }
        return string.Join("\n", lines);
    }

    /// <summary>Every file under the data directory except the SQLite database itself, relative and sorted.</summary>
    public static string Files(string dataDirectory) => string.Join("\n",
        Directory.EnumerateFiles(dataDirectory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(dataDirectory, f))
            .Where(f => !f.StartsWith(MementoDatabase.SqliteFileName, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal));
}
