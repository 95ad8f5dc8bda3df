using System.Text.Json;
using Memento.Tests.Imaging;

namespace Memento.Tests.Server;

/// <summary>
/// The manual's import scripts (both folder layouts) and its export script, run unchanged by python3 against the
/// live server on real CellProfiler images, as a user following the manual would. Only the server address and
/// the credentials come from the environment (clients/python/examples).
/// </summary>
public sealed class ManualScriptsTests(LiveServer server) : IClassFixture<LiveServer>, IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("memento-scripts-").FullName;

    // Sizes from the sample data's CREDITS.md table, not from the code under test.
    private const string Ht29 = "512x512";
    private const string Coloc = "1392x1040";

    [Fact]
    public async Task Folder_import_builds_the_hierarchy_with_channel_groups_and_a_second_run_changes_nothing()
    {
        LayOutChannelFolders("MyExperiment");

        var first = await server.RunExampleAsync("import_folder.py", work, null, "MyExperiment");
        Assert.Contains("Import complete.", first);
        Assert.DoesNotContain("Could not", first);
        var tree = await ReadProjectAsync("MyExperiment");

        Assert.Equal(
        [
            "KO/mouse_03: R.png IMAGE seq 1 in channels shows KO_mouse_03_channels_R.png",
            "KO/mouse_03: channels GROUP seq 4",
            "WT/mouse_01: d0.tif IMAGE seq 1 in channels shows WT_mouse_01_channels_d0.tif",
            "WT/mouse_01: d1.tif IMAGE seq 2 in channels shows WT_mouse_01_channels_d1.tif",
            "WT/mouse_01: channels GROUP seq 4",
            "WT/mouse_02: d2.tif IMAGE seq 1 in channels shows WT_mouse_02_channels_d2.tif",
            "WT/mouse_02: channels GROUP seq 4",
        ], Layers(tree));
        // The script's IMAGE_FORMAT = 2 (RGBA PNG, at most 2048 px): every upload was processed before the script
        // went on, at its own size since none is larger than 2048.
        Assert.Equal(
        [
            $"KO_mouse_03_channels_R.png READY format 2 type '' {Coloc}",
            $"WT_mouse_01_channels_d0.tif READY format 2 type '' {Ht29}",
            $"WT_mouse_01_channels_d1.tif READY format 2 type '' {Ht29}",
            $"WT_mouse_02_channels_d2.tif READY format 2 type '' {Ht29}",
        ], Images(tree));

        // Import scripts are re-run after an interruption: the same ids come back and nothing is duplicated.
        var second = await server.RunExampleAsync("import_folder.py", work, null, "MyExperiment");
        Assert.Equal(first, second);
        var again = await ReadProjectAsync("MyExperiment");
        Assert.Equal(tree.GetRawText(), again.GetRawText());
    }

    [Fact]
    public async Task Flat_import_makes_one_annotation_per_file_even_when_signed_in_with_an_api_token()
    {
        Copy("HumanHT29/D03/f00/d2.tif", "MyFlatExperiment/WT/mouse_01.tif");
        Copy("Colocalization/0_2/site1/R.png", "MyFlatExperiment/WT/mouse_02.png");
        Copy("HumanHT29/D03/f00/d1.tif", "MyFlatExperiment/KO/mouse_03.tif");
        Directory.CreateDirectory(Path.Combine(work, "MyFlatExperiment", "KO", "thumbnails")); // not a file: skipped
        var token = (await server.RunPythonAsync("""
            c = MementoClient(URL)
            c.login("admin", PASSWORD)
            out["token"] = c.execute('mutation { createApiToken(input: {name: "import"}) { token } }')["createApiToken"]["token"]
            """)).GetProperty("token").GetString()!;

        var output = await server.RunExampleAsync("import_flat.py", work,
            new Dictionary<string, string> { ["MEMENTO_PASSWORD"] = token }, "MyFlatExperiment");

        Assert.Contains("Done.", output);
        Assert.Matches(@"KO / mouse_03 → annotation [1-9]\d*\n", output);
        var tree = await ReadProjectAsync("MyFlatExperiment");
        Assert.Equal(
        [
            "KO/mouse_03: image IMAGE seq 1 shows KO_mouse_03.tif",
            "WT/mouse_01: image IMAGE seq 1 shows WT_mouse_01.tif",
            "WT/mouse_02: image IMAGE seq 1 shows WT_mouse_02.png",
        ], Layers(tree));
        Assert.Equal(
        [
            $"KO_mouse_03.tif READY format 2 type '' {Ht29}",
            $"WT_mouse_01.tif READY format 2 type '' {Ht29}",
            $"WT_mouse_02.png READY format 2 type '' {Coloc}",
        ], Images(tree));
    }

    [Fact]
    public async Task Export_writes_the_manuals_three_tables_with_labels_status_classifications_rois_and_comments()
    {
        LayOutChannelFolders("Kidney_2026");
        Assert.Contains("Import complete.", await server.RunExampleAsync("import_folder.py", work, null, "Kidney_2026"));
        // What annotators do in the browser, done here through the client.
        var ids = await server.RunPythonAsync("""
            c = MementoClient(URL)
            c.login("admin", PASSWORD)
            uid = c.get_user_id("admin")
            p = c.get_project_id("Kidney_2026")
            wt, ko = c.get_category_id(uid, p, "WT"), c.get_category_id(uid, p, "KO")
            m1, m3 = c.get_annotation_id(uid, p, wt, "mouse_01"), c.get_annotation_id(uid, p, ko, "mouse_03")
            c.get_or_create_label(uid, p, "positive")
            c.get_or_create_label(uid, p, "good_quality")
            c.set_annotation_labels(uid, p, m1, ["positive", "good_quality"])
            c.submit_annotation(uid, p, m1)
            grade = c.get_or_create_classification(uid, p, "Grade", "M", ["1", "2", "3"])
            c.set_category_classifications(uid, p, wt, ["Grade"])
            c.execute("mutation($i: ClassifyAnnotationInput!) { classifyAnnotation(input: $i) { choices { option } } }",
                      {"i": {"annotationId": m1, "choices": [{"classificationId": grade, "option": "2"}]}})
            d0 = c.get_layer_id(uid, p, wt, m1, "d0.tif")
            c.execute("mutation($i: AddCommentInput!) { addComment(input: $i) { comment { id } } }",
                      {"i": {"layerId": d0, "content": "nuclei in focus, \"good\" field"}})
            cells = c.get_layer_id(uid, p, ko, m3, "cells")
            if cells == -1:
                cells = c.new_drawing_layer(uid, p, ko, m3, "cells")
            c.execute("mutation($i: SaveRegionsInput!) { saveRegions(input: $i) { regions { id } } }",
                      {"i": {"layerId": cells, "regions": [{"type": "polygon",
                             "shape": [{"x": 10, "y": 10}, {"x": 200, "y": 10}, {"x": 100, "y": 150}]}]}})
            out["images"] = [c.get_image_id(uid, p, n) for n in ["KO_mouse_03_channels_R.png", "WT_mouse_01_channels_d0.tif",
                                                                   "WT_mouse_02_channels_d2.tif"]]
            """);
        var images = ids.GetProperty("images").EnumerateArray().Select(i => i.GetInt64()).ToArray();

        var output = await server.RunExampleAsync("export.py", work);

        Assert.Contains("Total annotations: 3\n", output);
        Assert.Matches(@"Submitted: +1\n", output);
        Assert.Equal(
        [
            ["project", "category", "classification", "annotation", "image", "status", "label", "image_uri"],
            ["Kidney_2026", "KO", "", "mouse_03", "KO_mouse_03_channels_R.png", "N", "", $"/images/{images[0]}"],
            ["Kidney_2026", "WT", "Grade:2", "mouse_01", "WT_mouse_01_channels_d0.tif", "S", "good_quality,positive",
                $"/images/{images[1]}"],
            ["Kidney_2026", "WT", "", "mouse_02", "WT_mouse_02_channels_d2.tif", "N", "", $"/images/{images[2]}"],
        ], await ReadCsvAsync("kidney_2026_results.csv"));
        Assert.Equal(
        [
            ["project", "category", "annotation", "layer", "content"],
            ["Kidney_2026", "WT", "mouse_01", "d0.tif", "nuclei in focus, \"good\" field"],
        ], await ReadCsvAsync("kidney_2026_comments.csv"));
        var rois = await ReadCsvAsync("kidney_2026_rois.csv");
        Assert.Equal(["project", "category", "annotation", "layer", "data"], rois[0]);
        var roi = Assert.Single(rois[1..]);
        Assert.Equal(["Kidney_2026", "KO", "mouse_03", "cells"], roi[..4]);
        var shape = Assert.Single(JsonDocument.Parse(roi[4]).RootElement.EnumerateArray());
        Assert.Equal("polygon", shape.GetProperty("type").GetString());
        Assert.Equal([200d, 10d], [shape.GetProperty("shape")[1].GetProperty("x").GetDouble(),
            shape.GetProperty("shape")[1].GetProperty("y").GetDouble()]);
    }

    public void Dispose()
    {
        try { Directory.Delete(work, recursive: true); } catch (IOException) { }
    }

    /// <summary>The manual's first layout: Project/Category/Annotation/Group/channel files.</summary>
    private void LayOutChannelFolders(string project)
    {
        Copy("HumanHT29/D03/f00/d0.tif", $"{project}/WT/mouse_01/channels/d0.tif");
        Copy("HumanHT29/D03/f00/d1.tif", $"{project}/WT/mouse_01/channels/d1.tif");
        Copy("HumanHT29/D03/f00/d2.tif", $"{project}/WT/mouse_02/channels/d2.tif");
        Copy("Colocalization/0_1/site1/R.png", $"{project}/KO/mouse_03/channels/R.png");
        File.WriteAllText(Path.Combine(work, project, "README.txt"), "files beside the categories are skipped");
    }

    private void Copy(string sample, string target)
    {
        var path = Path.Combine(work, target);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(ImagingFixture.CellProfiler(sample), path);
    }

    /// <summary>The project as the API shows it: categories, annotations, layers, and every image a layer shows.</summary>
    private async Task<JsonElement> ReadProjectAsync(string name) => (await server.RunPythonAsync($$"""
        c = MementoClient(URL)
        c.login("admin", PASSWORD)
        p = c.get_project_id({{JsonSerializer.Serialize(name)}})
        project = c.execute("query($p: Long!) { project(id: $p) { name categories { name annotations { name"
                            " layers { id name kind sequence parentLayerId imageId } } } } }", {"p": p})["project"]
        ids = sorted({l["imageId"] for k in project["categories"] for a in k["annotations"] for l in a["layers"]
                      if l["imageId"]})
        project["images"] = [c.execute("query($i: Long!) { image(id: $i) { id name state formatCode typeCode width height } }",
                                       {"i": i})["image"] for i in ids]
        out["project"] = project
        """)).GetProperty("project");

    private static List<string> Layers(JsonElement project)
    {
        var images = project.GetProperty("images").EnumerateArray()
            .ToDictionary(i => i.GetProperty("id").GetInt64(), i => i.GetProperty("name").GetString());
        var lines = new List<string>();
        foreach (var category in project.GetProperty("categories").EnumerateArray())
        foreach (var annotation in category.GetProperty("annotations").EnumerateArray())
        {
            var layers = annotation.GetProperty("layers").EnumerateArray().ToList();
            var names = layers.ToDictionary(l => l.GetProperty("id").GetInt64(), l => l.GetProperty("name").GetString());
            lines.AddRange(layers.Select(l =>
                $"{category.GetProperty("name")}/{annotation.GetProperty("name")}: {l.GetProperty("name")} " +
                $"{l.GetProperty("kind")} seq {l.GetProperty("sequence")}" +
                (l.GetProperty("parentLayerId") is { ValueKind: JsonValueKind.Number } parent ? $" in {names[parent.GetInt64()]}" : "") +
                (l.GetProperty("imageId") is { ValueKind: JsonValueKind.Number } image ? $" shows {images[image.GetInt64()]}" : "")));
        }
        return lines;
    }

    private static List<string> Images(JsonElement project) =>
        project.GetProperty("images").EnumerateArray().Select(i =>
                $"{i.GetProperty("name")} {i.GetProperty("state")} format {i.GetProperty("formatCode")} " +
                $"type '{i.GetProperty("typeCode")}' {i.GetProperty("width")}x{i.GetProperty("height")}")
            .Order(StringComparer.Ordinal).ToList();

    /// <summary>A CSV the export wrote, parsed by Python's csv module (quoting as pandas writes it).</summary>
    private async Task<string[][]> ReadCsvAsync(string file)
    {
        var result = await server.RunPythonAsync($$"""
            import csv
            with open({{JsonSerializer.Serialize(Path.Combine(work, file))}}, newline="", encoding="utf-8") as f:
                out["rows"] = list(csv.reader(f))
            """);
        return result.GetProperty("rows").EnumerateArray()
            .Select(r => r.EnumerateArray().Select(c => c.GetString()!).ToArray()).ToArray();
    }
}
