using Memento.Domain.Data;
using Memento.Domain.Model;
using Memento.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Memento.Tests.Domain.Datasets;

/// <summary>
/// Images.RegionCount and ImageObjects are kept by triggers (migration 0012). After every kind of write — regions
/// added, retyped, deleted; image layers added, re-pointed, deleted; drawing layers, annotations and categories deleted
/// by cascade — they must equal a recount made from scratch, on both databases.
/// </summary>
public class ImageContentsTests
{
    private static readonly DateTimeOffset At = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_counts_equal_a_recount_after_every_kind_of_write(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var db = database.Context();
        var user = new User { UserName = "u", NormalizedUserName = "U", CreatedAt = At };
        var project = new Project { Name = "p", Owner = user, CreatedAt = At };
        var categories = Enumerable.Range(0, 3).Select(c => new Category { Project = project, Name = "c" + c, CreatedAt = At }).ToList();
        db.AddRange(categories);
        string[] types = ["cat", "dog", "grass"];
        db.ObjectTypes.AddRange(types.Select(t => new ObjectType { Id = t }));
        var images = Enumerable.Range(0, 6).Select(i => new Image
        {
            Project = project, Name = "i" + i, Title = "i" + i, UploadedAt = At, Width = 100, Height = 100,
        }).ToList();
        db.Images.AddRange(images);
        await db.SaveChangesAsync();

        var random = new Random(15);
        var names = 0;
        for (var step = 0; step < 100; step++)
        {
            var annotations = await db.Annotations.Select(a => a.Id).ToListAsync();
            var drawings = await db.Layers.Where(l => l.Kind == LayerKind.Drawing).Select(l => l.Id).ToListAsync();
            var imageLayers = await db.Layers.Where(l => l.ImageId != null).Select(l => l.Id).ToListAsync();
            var regions = await db.Regions.Select(r => r.Id).ToListAsync();
            string? Type() => random.Next(4) == 0 ? null : types[random.Next(types.Length)];
            long AnImage() => images[random.Next(images.Count)].Id;
            switch (random.Next(15))
            {
                case 0 or 1: // an annotation showing one or two images (maybe the same twice), with a drawing layer
                {
                    var annotation = new Annotation { CategoryId = categories[random.Next(3)].Id, Name = "a" + ++names, CreatedAt = At };
                    db.Annotations.Add(annotation);
                    await db.SaveChangesAsync();
                    db.Layers.Add(new Layer { AnnotationId = annotation.Id, ImageId = AnImage(), Name = "img", Kind = LayerKind.Image, CreatedAt = At });
                    if (random.Next(2) == 0)
                        db.Layers.Add(new Layer { AnnotationId = annotation.Id, ImageId = AnImage(), Name = "img2", Kind = LayerKind.Image, CreatedAt = At });
                    db.Layers.Add(new Layer { AnnotationId = annotation.Id, Name = "draw", Kind = LayerKind.Drawing, CreatedAt = At });
                    break;
                }
                case 2 or 3 or 4 or 12 or 13 or 14 when drawings.Count > 0: // regions, several at once as a save does
                    for (var k = random.Next(1, 4); k > 0; k--)
                        db.Regions.Add(new Region { LayerId = drawings[random.Next(drawings.Count)], Shape = RegionShape.Point,
                            GeometryJson = "{\"x\":1,\"y\":2}", ObjectTypeId = Type(), CreatedAt = At });
                    break;
                case 5 when regions.Count > 0:
                {
                    var id = regions[random.Next(regions.Count)];
                    await db.Regions.Where(r => r.Id == id).ExecuteDeleteAsync();
                    break;
                }
                case 6 when regions.Count > 0:
                {
                    var (type, id) = (Type(), regions[random.Next(regions.Count)]);
                    await db.Regions.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.ObjectTypeId, type));
                    break;
                }
                case 7 when annotations.Count > 0: // another image layer on an existing annotation
                    db.Layers.Add(new Layer { AnnotationId = annotations[random.Next(annotations.Count)], ImageId = AnImage(), Name = "more", Kind = LayerKind.Image, CreatedAt = At });
                    break;
                case 8 when imageLayers.Count > 0: // a layer made to show another image
                {
                    var (image, id) = (AnImage(), imageLayers[random.Next(imageLayers.Count)]);
                    await db.Layers.Where(l => l.Id == id).ExecuteUpdateAsync(s => s.SetProperty(l => l.ImageId, image));
                    break;
                }
                case 9 when imageLayers.Count + drawings.Count > 0: // a layer deleted (its regions cascade)
                {
                    var all = imageLayers.Concat(drawings).ToList();
                    var id = all[random.Next(all.Count)];
                    await db.Layers.Where(l => l.Id == id).ExecuteDeleteAsync();
                    break;
                }
                case 10 when annotations.Count > 0:
                {
                    var id = annotations[random.Next(annotations.Count)];
                    await db.Annotations.Where(a => a.Id == id).ExecuteDeleteAsync();
                    break;
                }
                case 11 when random.Next(4) == 0: // a whole category, rarely
                {
                    var category = categories[random.Next(3)].Id;
                    await db.Categories.Where(c => c.Id == category).ExecuteDeleteAsync();
                    categories.RemoveAll(c => c.Id == category);
                    var fresh = new Category { ProjectId = project.Id, Name = "c" + ++names, CreatedAt = At };
                    db.Categories.Add(fresh);
                    categories.Add(fresh);
                    break;
                }
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            await AssertCountsMatchARecountAsync(db, step);
        }
        Assert.True(await db.Regions.CountAsync() > 10, "the walk should leave regions to count");
        Assert.True(await db.ImageObjects.AnyAsync(), "and object rows");
    }

    private static async Task AssertCountsMatchARecountAsync(MementoDbContext db, int step)
    {
        var shows = await db.Layers.Where(l => l.ImageId != null).Select(l => new { ImageId = l.ImageId!.Value, l.AnnotationId }).ToListAsync();
        var regions = await db.Regions.Select(r => new { r.Id, r.Layer.AnnotationId, r.Layer.Kind, r.ObjectTypeId }).ToListAsync();
        var over = shows.Distinct()
            .SelectMany(s => regions.Where(r => r.Kind == LayerKind.Drawing && r.AnnotationId == s.AnnotationId).Select(r => (s.ImageId, Region: r)))
            .DistinctBy(x => (x.ImageId, x.Region.Id)).ToList();
        var expectedCounts = (await db.Images.Select(i => i.Id).ToListAsync())
            .ToDictionary(id => id, id => over.Count(x => x.ImageId == id));
        var actualCounts = await db.Images.ToDictionaryAsync(i => i.Id, i => i.RegionCount);
        Assert.True(expectedCounts.OrderBy(p => p.Key).SequenceEqual(actualCounts.OrderBy(p => p.Key)),
            $"step {step}: region counts {string.Join(", ", actualCounts.OrderBy(p => p.Key))} should be {string.Join(", ", expectedCounts.OrderBy(p => p.Key))}");
        var expectedObjects = over.Where(x => x.Region.ObjectTypeId != null)
            .GroupBy(x => (x.ImageId, Type: x.Region.ObjectTypeId!)).Select(g => $"{g.Key.ImageId}/{g.Key.Type}={g.Count()}").Order().ToList();
        var actualObjects = (await db.ImageObjects.ToListAsync()).Select(o => $"{o.ImageId}/{o.ObjectTypeId}={o.RegionCount}").Order().ToList();
        Assert.True(expectedObjects.SequenceEqual(actualObjects),
            $"step {step}: objects {string.Join(", ", actualObjects)} should be {string.Join(", ", expectedObjects)}");
    }
}
