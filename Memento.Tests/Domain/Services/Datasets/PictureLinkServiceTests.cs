using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Memento.Domain.Model;
using Memento.Domain.Services.Images;
using Memento.Domain.Services.Pictures;
using Memento.Tests.Domain.Services.Support;
using Memento.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Memento.Tests.Domain.Services.Datasets;

public sealed class PictureLinkServiceTests
{
    private static PictureLinkService Links(ServiceWorld world, Request request) =>
        new(request.Db, request.Policy, new ImageDirectories(world.DataDirectory), request.Clock);

    private static async Task<long> AddImageAsync(ServiceWorld world, long projectId, string name, string? directory = null)
    {
        await using var db = world.NewContext();
        var image = new Image
        {
            ProjectId = projectId, Name = name, FormatCode = 2, UploadedAt = world.Clock.Now, Width = 200, Height = 100,
            State = ImageProcessingState.Ready, StorageDirectory = directory, Title = "Cells", Description = "Stained",
            OriginUrl = "https://example.org/cells", MimeType = "image/png",
        };
        db.Images.Add(image);
        await db.SaveChangesAsync();
        return image.Id;
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_picture_has_at_most_one_replacement_and_replacements_never_loop(DatabaseProvider provider)
    {
        await using var world = await ServiceWorld.CreateAsync(provider);
        var third = await AddImageAsync(world, world.Kidney, "third.png");
        using var request = world.NewRequest();
        var links = Links(world, request);
        var admin = world.As("proadm");
        await links.ReplaceAsync(admin, world.ImgKo1, world.ImgWt1); // ko1 replaces wt1

        var twice = await Assert.ThrowsAsync<MementoException>(() => links.ReplaceAsync(admin, third, world.ImgWt1));
        Assert.Equal((ErrorCode.Conflict, $"Picture {world.ImgWt1} is already replaced by picture {world.ImgKo1}."),
            (twice.Code, twice.Message));
        var loop = await Assert.ThrowsAsync<MementoException>(() => links.ReplaceAsync(admin, world.ImgWt1, world.ImgKo1));
        Assert.Equal((ErrorCode.Validation, "replacesId"), (loop.Code, loop.Field));
        Assert.Equal($"Picture {world.ImgKo1} already descends from picture {world.ImgWt1}: replacing it would make a loop.", loop.Message);
        var self = await Assert.ThrowsAsync<MementoException>(() => links.ReplaceAsync(admin, third, third));
        Assert.Equal(ErrorCode.Validation, self.Code);
        // A reader of the project may not link its pictures.
        var reader = await Assert.ThrowsAsync<MementoException>(() => links.ReplaceAsync(world.As("provie"), third, world.ImgKo1));
        Assert.Equal(ErrorCode.Forbidden, reader.Code);

        await links.ReplaceAsync(admin, third, world.ImgKo1); // a chain: third → ko1 → wt1
        await links.ReplaceAsync(admin, world.ImgKo1, null);  // cleared: wt1 may be replaced by another
        await links.ReplaceAsync(admin, third, null);
        await links.ReplaceAsync(admin, third, world.ImgWt1);
        await using var db = world.NewContext();
        Assert.Equal([(world.ImgKo1, (long?)null), (third, world.ImgWt1)], await db.Images
            .Where(i => i.Id == world.ImgKo1 || i.Id == third).OrderBy(i => i.Id)
            .Select(i => new { i.Id, i.ReplacesId }).ToListAsync().ContinueWith(t => t.Result.Select(r => (r.Id, r.ReplacesId)).ToList()));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_copy_has_its_own_files_the_same_metadata_and_regions_and_remembers_its_source(DatabaseProvider provider)
    {
        await using var world = await ServiceWorld.CreateAsync(provider);
        long target, source;
        var directory = Path.Combine("images", world.Kidney.ToString(), "src");
        Directory.CreateDirectory(Path.Combine(world.DataDirectory, directory, "image_files", "0"));
        await File.WriteAllTextAsync(Path.Combine(world.DataDirectory, directory, "image_files", "0", "0_0.jpg"), "tile");
        await using (var db = world.NewContext())
        {
            var project = new Project { Name = "Target", OwnerId = world.Users["proadm"], CreatedAt = world.Clock.Now };
            db.Projects.Add(project);
            db.Licences.Add(new Licence { Id = "X-test-licence", Title = "Test" });
            db.Natures.Add(new Nature { Id = "test-photo", Description = "Photo" });
            await db.SaveChangesAsync();
            target = project.Id;
        }
        source = await AddImageAsync(world, world.Kidney, "cells.png", directory);
        await using (var db = world.NewContext())
        {
            var image = await db.Images.SingleAsync(i => i.Id == source);
            image.NatureId = "test-photo";
            db.ImageLicences.Add(new ImageLicence { ImageId = source, LicenceId = "X-test-licence" });
            var shown = new Layer { AnnotationId = world.Wt2, ImageId = source, Name = "img", Kind = LayerKind.Image, CreatedAt = world.Clock.Now };
            var drawing = new Layer { AnnotationId = world.Wt2, Name = "roi", Kind = LayerKind.Drawing, CreatedAt = world.Clock.Now };
            db.Layers.AddRange(shown, drawing);
            await db.SaveChangesAsync();
            db.Regions.AddRange(
                new Region { LayerId = drawing.Id, Shape = RegionShape.Point, GeometryJson = """{"x":10,"y":20}""", CreatedAt = world.Clock.Now },
                new Region { LayerId = drawing.Id, Shape = RegionShape.Rectangle, GeometryJson = """{"x":1,"y":2,"w":3,"h":4}""", CreatedAt = world.Clock.Now });
            await db.SaveChangesAsync();
        }

        using var request = world.NewRequest();
        var links = Links(world, request);
        // provie reads Kidney but administers no target project.
        Assert.Equal(ErrorCode.Forbidden, (await Assert.ThrowsAsync<MementoException>(() => links.CopyAsync(world.As("provie"), source, target))).Code);
        var copyId = await links.CopyAsync(world.As("proadm"), source, target);

        await using var check = world.NewContext();
        var copy = await check.Images.AsNoTracking().SingleAsync(i => i.Id == copyId);
        Assert.Equal((target, "cells.png", source, "Cells", "Stained", "https://example.org/cells", "test-photo", 200, 100),
            (copy.ProjectId, copy.Name, copy.CopiedFromId, copy.Title, copy.Description, copy.OriginUrl, copy.NatureId, copy.Width, copy.Height));
        Assert.Equal(["X-test-licence"], await check.ImageLicences.Where(l => l.ImageId == copyId).Select(l => l.LicenceId).ToListAsync());
        Assert.NotEqual(directory, copy.StorageDirectory);
        Assert.StartsWith(Path.Combine("images", target.ToString()) + Path.DirectorySeparatorChar, copy.StorageDirectory);
        Assert.Equal("tile", await File.ReadAllTextAsync(Path.Combine(world.DataDirectory, copy.StorageDirectory!, "image_files", "0", "0_0.jpg")));
        var copiedRegions = await (from shown in check.Layers
                                   where shown.ImageId == copyId
                                   from drawing in check.Layers
                                   where drawing.AnnotationId == shown.AnnotationId && drawing.Kind == LayerKind.Drawing
                                   from r in check.Regions
                                   where r.LayerId == drawing.Id
                                   orderby r.Id
                                   select r.GeometryJson).ToListAsync();
        Assert.Equal(["""{"x":10,"y":20}""", """{"x":1,"y":2,"w":3,"h":4}"""], copiedRegions);
        Assert.Equal(PictureLinkService.CopiesCategory, await check.Layers.Where(l => l.ImageId == copyId)
            .Select(l => l.Annotation.Category.Name).SingleAsync());

        // A second copy into the same project gets a free name.
        var again = await links.CopyAsync(world.As("proadm"), source, target);
        Assert.Equal("cells.png (copy)", await check.Images.Where(i => i.Id == again).Select(i => i.Name).SingleAsync());
    }
}
