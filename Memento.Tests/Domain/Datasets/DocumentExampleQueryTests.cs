using Memento.Domain.Data;
using Memento.Domain.Model;
using Memento.Tests.Support;

namespace Memento.Tests.Domain.Datasets;

/// <summary>
/// The dataset document's example query on a world built for it: one picture that passes, and one failing each
/// of its clauses for exactly that one reason.
/// </summary>
public sealed class DocumentExampleQueryTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_documents_example_finds_only_the_picture_meeting_every_clause(DatabaseProvider provider)
    {
        await using var world = await SearchWorld.CreateAsync(provider);
        await world.TypesAsync(("Cat (Felis catus)", []), ("Dog (Canis lupus familiaris)", []), ("Grass", []),
            ("Flower", []), ("Human", []));
        var after2019 = (int)(DateTimeOffset.FromUnixTimeSeconds(1546300800) - new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero)).TotalHours;

        void Picture(string title, int hour = 1, string?[]? objects = null, string nature = "photo", string licence = "CC-BY-4.0",
            int width = 1024, int height = 768)
        {
            var image = world.Image(title, hour, configure: i => { i.NatureId = nature; i.Width = width; i.Height = height; });
            world.Regions(image, objects ?? ["Cat (Felis catus)", "Dog (Canis lupus familiaris)", "Grass"]);
            world.Licences(image, licence);
        }
        Picture("passes");
        Picture("passes as a 3D render with a flower", objects: ["Cat (Felis catus)", "Dog (Canis lupus familiaris)", "Flower"],
            nature: "computer-3d-art", licence: "X-public-domain", width: 801, height: 601);
        // below_width is inclusive, so excluding "below_width: 800" drops exactly 800 pixels wide too.
        Picture("exactly 800 wide", width: 800);
        Picture("no dog", objects: ["Cat (Felis catus)", "Grass"]);
        Picture("no cat", objects: ["Dog (Canis lupus familiaris)", "Flower"]);
        Picture("neither grass nor flower", objects: ["Cat (Felis catus)", "Dog (Canis lupus familiaris)"]);
        Picture("a drawing", nature: "drawing");
        Picture("not a permissive licence", licence: "CC-BY-NC-4.0");
        Picture("a human too", objects: ["Cat (Felis catus)", "Dog (Canis lupus familiaris)", "Grass", "Human"]);
        Picture("uploaded in 2018", hour: after2019 - 1);
        Picture("too narrow", width: 799);
        Picture("too low", height: 599);
        await world.SaveAsync();

        Assert.Equal(["passes", "passes as a 3D render with a flower"], await world.TitlesAsync(DocumentExample.Query));
    }
}
