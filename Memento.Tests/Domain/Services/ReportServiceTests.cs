using System.Text.Json;
using Memento.Domain.Model;
using Memento.Domain.Services.Layers;
using Memento.Domain.Services.Regions;

namespace Memento.Tests.Domain.Services;

/// <summary>The manual's exports, and that a narrower role's export leaks nothing of sibling categories.</summary>
public sealed class ReportServiceTests : ServiceTestBase
{
    private async Task AnnotateAsync()
    {
        using var request = World.NewRequest();
        var admin = World.As("proadm");
        await request.Labels.CreateAsync(admin, World.Kidney, "positive");
        await request.Annotations.SetLabelsAsync(admin, World.Wt1, ["positive"]);
        await request.Annotations.SetLabelsAsync(admin, World.Ko1, ["positive"]);
        await request.Annotations.SubmitAsync(admin, World.Ko1);
        await request.Comments.AddAsync(World.As("propar"), World.LayerKo1, "KO secret remark");
        await request.Comments.AddAsync(World.As("catpar"), World.LayerWt1, "nucleus at top left");
        var drawing = await request.Layers.CreateAsync(World.As("propar"), World.Ko1, new LayerSpec("ko rois", LayerKind.Drawing));
        await request.Regions.SaveAsync(World.As("propar"), drawing.Id,
            [new RegionInput("bbox", JsonDocument.Parse("""{"x":10,"y":20,"w":30,"h":40}""").RootElement)]);
        await request.ShareLinks.CreateAsync(admin, World.Ko1, null);
    }

    [Fact]
    public async Task Project_data_has_one_row_per_annotation_with_the_manuals_columns()
    {
        await AnnotateAsync();
        using var request = World.NewRequest();
        var rows = await request.Reports.DataAsync(World.As("proadm"), World.Kidney);
        Assert.Equal(["ko1", "wt1", "wt2"], rows.Select(r => r.Annotation));
        var ko1 = rows[0];
        Assert.Equal(("Kidney", "KO", "ko1.png", "S", "positive"), (ko1.Project, ko1.Category, ko1.Image, ko1.Status, ko1.Label));
        Assert.Equal($"/images/{World.ImgKo1}", ko1.ImageUri);
        Assert.Equal(("N", "", ""), (rows[2].Status, rows[2].Image, rows[2].Label));
    }

    [Fact]
    public async Task Summary_counts_participants_annotations_submitted_and_shared()
    {
        await AnnotateAsync();
        using var request = World.NewRequest();
        var summary = await request.Reports.SummaryAsync(World.As("proadm"), World.Kidney);
        // Participants: propar, catpar, annpar (viewers and administrators are not participants).
        Assert.Equal(new(3, 3, 1, 1), summary);
    }

    [Fact]
    public async Task A_category_participants_exports_hold_nothing_of_the_sibling_category()
    {
        await AnnotateAsync();
        using var request = World.NewRequest();
        var catpar = World.As("catpar");
        var rows = await request.Reports.DataAsync(catpar, World.Kidney);
        Assert.Equal(["wt1", "wt2"], rows.Select(r => r.Annotation));
        Assert.DoesNotContain(rows, r => r.Category == "KO");
        Assert.Empty(await request.Reports.RoisAsync(catpar, World.Kidney));
        var comments = await request.Reports.CommentsAsync(catpar, World.Kidney);
        Assert.Equal(["nucleus at top left"], comments.Select(c => c.Content));
        // KO's submitted and shared annotation is not counted; nor is propar (project-wide) hidden from the count.
        Assert.Equal(new(3, 2, 0, 0), await request.Reports.SummaryAsync(catpar, World.Kidney));
        var annpar = await request.Reports.DataAsync(World.As("annpar"), World.Kidney);
        Assert.Equal(["wt1"], annpar.Select(r => r.Annotation));
    }

    [Fact]
    public async Task Rois_export_the_regions_of_each_drawing_layer_as_json_in_pixels()
    {
        await AnnotateAsync();
        using var request = World.NewRequest();
        var row = Assert.Single(await request.Reports.RoisAsync(World.As("provie"), World.Kidney));
        Assert.Equal(("KO", "ko1", "ko rois"), (row.Category, row.Annotation, row.Layer));
        var region = JsonDocument.Parse(row.Data).RootElement[0];
        Assert.Equal("bbox", region.GetProperty("type").GetString());
        Assert.Equal(30, region.GetProperty("shape").GetProperty("w").GetDouble());
    }
}
