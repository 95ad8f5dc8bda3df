using Memento.Domain.Data;
using Memento.Domain.Datasets;
using Memento.Domain.Model;
using Memento.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Memento.Tests.Server.Pages;

/// <summary>
/// One server for the dataset pages' tests: a public project "Open" with <see cref="PublicCount"/> pictures titled
/// "open NN" (uploaded a minute apart) plus <see cref="Hostile"/> (1000×500, CC0-1.0, nature photo, one bbox of a
/// "Cell" and a point of a "Nucleus", origin a javascript: URL), and a private project "Closed" with the picture
/// <see cref="PrivateTitle"/>. owner owns both; stranger reads nothing but public projects.
/// </summary>
public sealed class DatasetPagesWorld : IAsyncLifetime
{
    public const string Password = "a long enough password";
    public const string HostileTitle = "<script>alert('pwn')</script> & <b>bold</b>";
    public const string PrivateTitle = "closed secret picture";
    public const int PublicCount = 30;
    private static readonly DateTimeOffset Start = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    public MementoAppFactory App { get; } = new();
    public long Hostile, Private;
    public List<long> Open { get; } = [];
    private readonly Dictionary<string, BrowserClient> browsers = [];

    public async Task InitializeAsync()
    {
        var owner = (await App.CreateUserAsync("owner", Password, isProAdm: true)).Id;
        await App.CreateUserAsync("stranger", Password);
        await App.WithDbAsync(async db =>
        {
            foreach (var id in new[] { "CC0-1.0", "CC-BY-4.0" })
                if (!await db.Licences.AnyAsync(l => l.Id == id))
                    db.Licences.Add(new Licence { Id = id, Title = id, IsFree = true });
            if (!await db.Natures.AnyAsync(n => n.Id == "photo")) db.Natures.Add(new Nature { Id = "photo", Description = "A photo" });
            foreach (var type in new[] { "Cell", "Nucleus" })
                if (!await db.ObjectTypes.AnyAsync(o => o.Id == type)) db.ObjectTypes.Add(new ObjectType { Id = type });
            await ObjectTypeClosure.RebuildAsync(db);
            var open = new Project { Name = "Open", OwnerId = owner, Visibility = ProjectVisibility.Public, CreatedAt = Start };
            var closed = new Project { Name = "Closed", OwnerId = owner, CreatedAt = Start };
            db.AddRange(open, closed);
            await db.SaveChangesAsync();
            for (var i = 1; i <= PublicCount; i++)
            {
                var image = new Image { ProjectId = open.Id, Name = $"open{i:00}.png", Title = $"open {i:00}", FormatCode = 2, MimeType = "image/png",
                    Width = 64, Height = 64, UploaderId = owner, UploadedAt = Start.AddMinutes(i), State = ImageProcessingState.Ready };
                db.Add(image);
                await db.SaveChangesAsync();
                Open.Add(image.Id);
            }
            var hostile = new Image { ProjectId = open.Id, Name = "hostile.png", Title = HostileTitle, Description = "<i>desc</i>",
                OriginUrl = "javascript:alert(1)", FormatCode = 2, MimeType = "image/png", Width = 1000, Height = 500,
                UploaderId = owner, NatureId = "photo", UploadedAt = Start, State = ImageProcessingState.Ready };
            var secret = new Image { ProjectId = closed.Id, Name = "secret.png", Title = PrivateTitle, FormatCode = 2,
                UploaderId = owner, UploadedAt = Start.AddDays(1), State = ImageProcessingState.Ready };
            db.AddRange(hostile, secret);
            await db.SaveChangesAsync();
            Hostile = hostile.Id;
            Private = secret.Id;
            db.ImageLicences.Add(new ImageLicence { ImageId = Hostile, LicenceId = "CC0-1.0" });
            var category = new Category { ProjectId = open.Id, Name = "All", CreatedAt = Start };
            db.Add(category);
            await db.SaveChangesAsync();
            var annotation = new Annotation { CategoryId = category.Id, Name = "hostile", CreatedAt = Start };
            db.Add(annotation);
            await db.SaveChangesAsync();
            var drawing = new Layer { AnnotationId = annotation.Id, Name = "Drawing", Kind = LayerKind.Drawing, Sequence = 2, CreatedAt = Start };
            db.AddRange(new Layer { AnnotationId = annotation.Id, Name = "Image", Kind = LayerKind.Image, ImageId = Hostile, Sequence = 1, CreatedAt = Start }, drawing);
            await db.SaveChangesAsync();
            db.Regions.AddRange(
                new Region { LayerId = drawing.Id, Shape = RegionShape.Rectangle, GeometryJson = """{"x":100,"y":50,"w":500,"h":250}""", ObjectTypeId = "Cell", CreatedAt = Start },
                new Region { LayerId = drawing.Id, Shape = RegionShape.Point, GeometryJson = """{"x":250,"y":125}""", ObjectTypeId = "Nucleus", CreatedAt = Start });
            await db.SaveChangesAsync();
            return 0;
        });
    }

    /// <summary>A browser signed in as <paramref name="user"/> ("anonymous": signed out), reused across tests.</summary>
    public async Task<BrowserClient> AsAsync(string user)
    {
        if (browsers.TryGetValue(user, out var browser)) return browser;
        browser = App.CreateBrowser();
        if (user != "anonymous") await browser.SignInAsync(user, Password);
        return browsers[user] = browser;
    }

    public Task DisposeAsync()
    {
        foreach (var browser in browsers.Values) browser.Dispose();
        App.Dispose();
        return Task.CompletedTask;
    }
}
