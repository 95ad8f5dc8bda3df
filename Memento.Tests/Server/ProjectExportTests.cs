using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Memento.Domain.Accounts;
using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Memento.Domain.Model;
using Memento.Domain.Services.Annotations;
using Memento.Domain.Services.Categories;
using Memento.Domain.Services.Comments;
using Memento.Domain.Services.Images;
using Memento.Domain.Services.Labels;
using Memento.Domain.Services.Layers;
using Memento.Domain.Services.Permissions;
using Memento.Domain.Services.Projects;
using Memento.Domain.Services.Regions;
using Memento.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Memento.Tests.Server;

/// <summary>
/// The one-click exports at /projects/{id}/exports/…: the formats the field's tools read (Python's csv module,
/// GeoJSON as QuPath expects it, COCO), the same rows as the API's reports, streamed, and only for who may read
/// the reports.
/// </summary>
public sealed class ProjectExportTests : IDisposable
{
    private readonly MementoAppFactory app = new();

    public void Dispose() => app.Dispose();

    private sealed record Scene(long ProjectId, long UserId, long ImageId, long CategoryId);

    /// <summary>A project with one image (800 × 600), an annotation with an image layer and a drawing layer of four regions.</summary>
    private async Task<Scene> BuildAsync(string owner = "olga")
    {
        var user = await app.CreateUserAsync(owner, owner + "'s password", isProAdm: true);
        var me = Caller.ForUser(user.Id);
        await using var scope = app.Services.CreateAsyncScope();
        var s = scope.ServiceProvider;
        var project = await s.GetRequiredService<ProjectService>().CreateAsync(me, "Kidney, \"2026\"");
        var category = await s.GetRequiredService<CategoryService>().CreateAsync(me, project.Id, "WT");
        var image = await s.GetRequiredService<ImageService>().CreateAsync(me, project.Id, "DAPI.tif", 1, "E", "https://example.org/dapi.tif");
        await app.WithDbAsync(async db =>
        {
            var row = await db.Images.FindAsync(image.Id);
            (row!.Width, row.Height) = (800, 600);
            return await db.SaveChangesAsync();
        });
        await s.GetRequiredService<LabelService>().CreateAsync(me, project.Id, "positive");
        var annotations = s.GetRequiredService<AnnotationService>();
        var mouse = await annotations.CreateAsync(me, category.Id, "=mouse 01", new LayerSpec("DAPI", LayerKind.Image, image.Id));
        await annotations.SetLabelsAsync(me, mouse.Annotation.Id, ["positive"]);
        await annotations.CreateAsync(me, category.Id, "mouse, 02", new LayerSpec("DAPI", LayerKind.Image, image.Id));
        var drawing = await s.GetRequiredService<LayerService>().CreateAsync(me, mouse.Annotation.Id, new LayerSpec("cells", LayerKind.Drawing));
        var regions = s.GetRequiredService<RegionService>();
        await app.WithDbAsync(async db =>
        {
            if (!db.ObjectTypes.Any(o => o.Id == "nucleus")) db.ObjectTypes.Add(new ObjectType { Id = "nucleus" });
            return await db.SaveChangesAsync();
        });
        JsonElement J(string json) => JsonDocument.Parse(json).RootElement.Clone();
        await regions.AddAsync(me, drawing.Id, new("bbox", J("""{"x":10,"y":20,"w":100,"h":50}"""), "nucleus", J("""{"stroke":"#00ff00"}""")));
        await regions.AddAsync(me, drawing.Id, new("polygon", J("""[{"x":0,"y":0},{"x":40,"y":0},{"x":40,"y":30}]""")));
        await regions.AddAsync(me, drawing.Id, new("line", J("""[{"x":1,"y":2},{"x":3,"y":4}]""")));
        await regions.AddAsync(me, drawing.Id, new("point", J("""{"x":7.5,"y":8.5}""")));
        await s.GetRequiredService<CommentService>().AddAsync(me, drawing.Id, "looks \"odd\"");
        return new Scene(project.Id, user.Id, image.Id, category.Id);
    }

    private async Task<HttpClient> ScriptAsync(long userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateApiTokenAsync(userId, "export");
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    private static async Task<JsonElement> GraphQLAsync(HttpClient client, string query, object variables)
    {
        using var response = await client.PostAsync("/graphql", new StringContent(
            JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        Assert.False(body.TryGetProperty("errors", out var errors), errors.ToString());
        return body.GetProperty("data");
    }

    [Fact]
    public async Task The_annotation_csv_opens_with_pythons_csv_module_and_holds_the_api_reports_rows()
    {
        var scene = await BuildAsync();
        using var script = await ScriptAsync(scene.UserId);
        using var response = await script.GetAsync($"/projects/{scene.ProjectId}/exports/annotations.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment; filename=\"Kidney___2026_-annotations.csv\"", response.Content.Headers.ContentDisposition?.ToString());
        var file = Path.Combine(app.DataDirectory, "export.csv");
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());

        var parsed = JsonDocument.Parse(RunPython(
            "import csv, json, sys\nr = csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8'))\nprint(json.dumps({'columns': r.fieldnames, 'rows': list(r)}))",
            file)).RootElement;
        Assert.Equal(["project", "category", "classification", "annotation", "image", "status", "label", "image_uri"],
            parsed.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!));
        var api = (await GraphQLAsync(script, "query($p: Long!) { projectData(projectId: $p) { project category classification annotation image status label imageUri } }",
            new { p = scene.ProjectId })).GetProperty("projectData");
        var apiRows = (api.ValueKind == JsonValueKind.Array ? api.EnumerateArray() : api.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")))
            .Select(r => new[] { "project", "category", "classification", "annotation", "image", "status", "label", "imageUri" }
                .Select(k => r.GetProperty(k).GetString()!).ToArray()).ToList();
        var csvRows = parsed.GetProperty("rows").EnumerateArray()
            .Select(r => new[] { "project", "category", "classification", "annotation", "image", "status", "label", "image_uri" }
                .Select(k => r.GetProperty(k).GetString()!).ToArray()).ToList();
        Assert.Equal(2, csvRows.Count);
        // A name a spreadsheet would run as a formula is defused with an apostrophe; everything else is as in the API.
        Assert.Equal("'=mouse 01", csvRows[0][3]);
        csvRows[0][3] = csvRows[0][3][1..];
        Assert.Equal(apiRows, csvRows);
        Assert.Equal(["Kidney, \"2026\"", "WT", "", "=mouse 01", "DAPI.tif", "N", "positive", "https://example.org/dapi.tif"], apiRows[0]);
    }

    [Fact]
    public async Task The_geojson_is_an_rfc7946_feature_collection_in_image_pixels_as_qupath_reads_it()
    {
        var scene = await BuildAsync();
        using var script = await ScriptAsync(scene.UserId);
        using var response = await script.GetAsync($"/projects/{scene.ProjectId}/exports/rois.geojson");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("FeatureCollection", doc.GetProperty("type").GetString());
        var features = doc.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(4, features.Count);
        foreach (var f in features)
        {
            Assert.Equal("Feature", f.GetProperty("type").GetString());
            Assert.Equal("annotation", f.GetProperty("properties").GetProperty("objectType").GetString());
            Assert.Equal("=mouse 01", f.GetProperty("properties").GetProperty("name").GetString());
        }
        var box = features[0];
        Assert.Equal("Polygon", box.GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal("[[[10,20],[110,20],[110,70],[10,70],[10,20]]]", box.GetProperty("geometry").GetProperty("coordinates").GetRawText());
        var classification = box.GetProperty("properties").GetProperty("classification");
        Assert.Equal("nucleus", classification.GetProperty("name").GetString());
        Assert.Equal("[0,255,0]", classification.GetProperty("color").GetRawText());
        Assert.Equal("[[[0,0],[40,0],[40,30],[0,0]]]", features[1].GetProperty("geometry").GetProperty("coordinates").GetRawText());
        Assert.False(features[1].GetProperty("properties").TryGetProperty("classification", out _));
        Assert.Equal("LineString", features[2].GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal("[[1,2],[3,4]]", features[2].GetProperty("geometry").GetProperty("coordinates").GetRawText());
        Assert.Equal("Point", features[3].GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal("[7.5,8.5]", features[3].GetProperty("geometry").GetProperty("coordinates").GetRawText());
    }

    [Fact]
    public async Task The_coco_json_has_the_required_fields_and_consistent_ids()
    {
        var scene = await BuildAsync();
        using var script = await ScriptAsync(scene.UserId);
        var doc = JsonDocument.Parse(await script.GetStringAsync($"/projects/{scene.ProjectId}/exports/rois.coco.json")).RootElement;
        var image = Assert.Single(doc.GetProperty("images").EnumerateArray());
        Assert.Equal(scene.ImageId, image.GetProperty("id").GetInt64());
        Assert.Equal(800, image.GetProperty("width").GetInt32());
        Assert.Equal(600, image.GetProperty("height").GetInt32());
        Assert.Equal("DAPI.tif", image.GetProperty("file_name").GetString());
        var categories = doc.GetProperty("categories").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetInt32(), c => c.GetProperty("name").GetString());
        Assert.Equal(["nucleus", "region"], categories.Values.Order());
        var annotations = doc.GetProperty("annotations").EnumerateArray().ToList();
        Assert.Equal(4, annotations.Count);
        Assert.Equal(4, annotations.Select(a => a.GetProperty("id").GetInt64()).Distinct().Count());
        foreach (var a in annotations)
        {
            Assert.Equal(scene.ImageId, a.GetProperty("image_id").GetInt64());
            Assert.Contains(a.GetProperty("category_id").GetInt32(), categories.Keys);
            Assert.Equal(0, a.GetProperty("iscrowd").GetInt32());
            Assert.Equal(4, a.GetProperty("bbox").GetArrayLength());
            Assert.Equal(JsonValueKind.Array, a.GetProperty("segmentation")[0].ValueKind);
        }
        var box = annotations[0];
        Assert.Equal("nucleus", categories[box.GetProperty("category_id").GetInt32()]);
        Assert.Equal("[10,20,100,50]", box.GetProperty("bbox").GetRawText());
        Assert.Equal(5000, box.GetProperty("area").GetDouble());
        Assert.Equal("[[10,20,110,20,110,70,10,70]]", box.GetProperty("segmentation").GetRawText());
        Assert.Equal(600, annotations[1].GetProperty("area").GetDouble()); // the triangle 40 × 30 / 2
    }

    [Fact]
    public async Task The_fabric_rois_and_the_comments_are_the_reports_rows()
    {
        var scene = await BuildAsync();
        using var script = await ScriptAsync(scene.UserId);
        var rois = JsonDocument.Parse(await script.GetStringAsync($"/projects/{scene.ProjectId}/exports/rois.json")).RootElement;
        var layer = Assert.Single(rois.EnumerateArray());
        Assert.Equal("cells", layer.GetProperty("layer").GetString());
        Assert.Equal("=mouse 01", layer.GetProperty("annotation").GetString());
        var objects = layer.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(["rect", "polygon", "line", "circle"], objects.Select(o => o.GetProperty("type").GetString()));
        Assert.Equal((10, 20, 100, 50), (objects[0].GetProperty("left").GetInt32(), objects[0].GetProperty("top").GetInt32(),
            objects[0].GetProperty("width").GetInt32(), objects[0].GetProperty("height").GetInt32()));
        Assert.Equal("#00ff00", objects[0].GetProperty("stroke").GetString());
        Assert.Equal((1, 2, 3, 4), (objects[2].GetProperty("x1").GetInt32(), objects[2].GetProperty("y1").GetInt32(),
            objects[2].GetProperty("x2").GetInt32(), objects[2].GetProperty("y2").GetInt32()));
        Assert.Equal(7.5, objects[3].GetProperty("left").GetDouble() + objects[3].GetProperty("radius").GetDouble());

        var comments = JsonDocument.Parse(await script.GetStringAsync($"/projects/{scene.ProjectId}/exports/comments.json")).RootElement;
        var comment = Assert.Single(comments.EnumerateArray());
        Assert.Equal("looks \"odd\"", comment.GetProperty("content").GetString());
        Assert.Equal("cells", comment.GetProperty("layer").GetString());
        var data = JsonDocument.Parse(await script.GetStringAsync($"/projects/{scene.ProjectId}/exports/annotations.json")).RootElement;
        Assert.Equal(["=mouse 01", "mouse, 02"], data.EnumerateArray().Select(r => r.GetProperty("annotation").GetString()));
    }

    [Fact]
    public async Task Outsiders_get_403_or_404_and_a_category_participant_exports_only_their_category()
    {
        var scene = await BuildAsync();
        var outsider = await app.CreateUserAsync("ottokar", "ottokar's password");
        using var stranger = await ScriptAsync(outsider.Id);
        using var refused = await stranger.GetAsync($"/projects/{scene.ProjectId}/exports/annotations.csv");
        Assert.Contains(refused.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        var body = await refused.Content.ReadAsStringAsync();
        Assert.DoesNotContain("mouse", body);
        Assert.DoesNotContain("Kidney", body);
        using var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        using var signedOut = await anonymous.GetAsync($"/projects/{scene.ProjectId}/exports/rois.geojson");
        Assert.Contains(signedOut.StatusCode, new[] { HttpStatusCode.Redirect, HttpStatusCode.Unauthorized });
        using var unknown = await stranger.GetAsync($"/projects/{scene.ProjectId}/exports/secrets.txt");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        // A participant of another category of the same project sees none of WT's rows.
        var owner = Caller.ForUser(scene.UserId);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var other = await scope.ServiceProvider.GetRequiredService<CategoryService>().CreateAsync(owner, scene.ProjectId, "KO");
            await scope.ServiceProvider.GetRequiredService<AnnotationService>().CreateAsync(owner, other.Id, "ko mouse",
                new LayerSpec("DAPI", LayerKind.Image, scene.ImageId));
            await scope.ServiceProvider.GetRequiredService<PermissionService>().GrantAsync(owner, outsider.Id, PermissionRole.CatPar, other.Id);
        }
        var csv = await stranger.GetStringAsync($"/projects/{scene.ProjectId}/exports/annotations.csv");
        Assert.Contains("ko mouse", csv);
        Assert.DoesNotContain("mouse 01", csv);
        Assert.DoesNotContain("cells", await stranger.GetStringAsync($"/projects/{scene.ProjectId}/exports/rois.geojson"));
    }

    [Fact]
    public async Task A_project_of_thousands_of_annotations_is_streamed_in_report_order()
    {
        var scene = await BuildAsync();
        // 2,400 more annotations with repeated names across categories: the pages' keyset must neither skip nor repeat.
        await app.WithDbAsync(async db =>
        {
            for (var c = 0; c < 3; c++)
            {
                var category = new Category { ProjectId = scene.ProjectId, Name = $"bulk {c}", CreatedAt = DateTimeOffset.UtcNow };
                db.Categories.Add(category);
                for (var i = 0; i < 800; i++)
                    category.Annotations.Add(new Annotation { Name = $"a{i:D4}", CreatedAt = DateTimeOffset.UtcNow });
            }
            return await db.SaveChangesAsync();
        });
        using var script = await ScriptAsync(scene.UserId);
        using var response = await script.GetAsync($"/projects/{scene.ProjectId}/exports/annotations.csv", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Written as it is read: the length is not known when the headers leave.
        Assert.Null(response.Content.Headers.ContentLength);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + 2 + 2400, lines.Length);
        var api = (await GraphQLAsync(script, "query($p: Long!) { projectData(projectId: $p) { annotation category } }", new { p = scene.ProjectId }))
            .GetProperty("projectData");
        var apiRows = (api.ValueKind == JsonValueKind.Array ? api.EnumerateArray() : api.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node"))).ToList();
        Assert.Equal(2402, apiRows.Count);
        // Every line starts with the quoted project name (it has a comma); then category, classification, annotation.
        const string project = "\"Kidney, \"\"2026\"\"\",";
        Assert.All(lines.Skip(1), l => Assert.StartsWith(project, l));
        // The bulk rows (plain names) in the API's order; the first two are checked cell by cell in the CSV test.
        Assert.Equal(lines.Skip(3).Select(l => string.Join("/", l[project.Length..].Split(',')[0], l[project.Length..].Split(',')[2].TrimStart('\''))),
            apiRows.Skip(2).Select(r => r.GetProperty("category").GetString() + "/" + r.GetProperty("annotation").GetString()));
        Assert.Equal(2400, lines.Count(l => l.Contains(",bulk ")));
    }

    private static string RunPython(string script, params string[] args)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
        return output;
    }
}
