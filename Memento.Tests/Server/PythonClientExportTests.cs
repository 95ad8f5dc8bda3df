using System.Text.Json;

namespace Memento.Tests.Server;

/// <summary>The Python client downloads the project editor's exports: the same rows as its project_data, streamed to a file.</summary>
public sealed class PythonClientExportTests(LiveServer server) : IClassFixture<LiveServer>
{
    [Fact]
    public async Task The_client_downloads_each_export_and_the_csv_holds_project_data_rows()
    {
        var result = await server.RunPythonAsync("""
            import csv, tempfile
            c = MementoClient(URL)
            c.login("admin", PASSWORD)
            uid = c.get_user_id("admin")
            p = c.get_or_create_project(uid, "Export project")
            k = c.get_or_create_category(uid, p, "Cat, A")
            c.new_annotation(uid, p, k, 0, "ann \"1\"", "group", is_group_layer=True)
            folder = tempfile.mkdtemp()
            out["files"] = [c.download_export(p, f, folder + "/" + f) is not None for f in c.EXPORTS]
            with open(folder + "/annotations.csv", newline="", encoding="utf-8") as f:
                out["csv"] = list(csv.DictReader(f))
            out["data"] = c.project_data(uid, p)
            with open(folder + "/rois.geojson", encoding="utf-8") as f:
                out["geojson"] = json.load(f)
            out["unknown"] = c.download_export(p, "secrets.txt", folder + "/x")
            out["outsider"] = MementoClient(URL).download_export(p, "annotations.csv", folder + "/y")
            """);
        Assert.All(result.GetProperty("files").EnumerateArray(), f => Assert.True(f.GetBoolean()));
        Assert.Equal(result.GetProperty("data").GetRawText(), result.GetProperty("csv").GetRawText());
        Assert.Equal("FeatureCollection", result.GetProperty("geojson").GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("unknown").ValueKind);
        Assert.Equal(JsonValueKind.Null, result.GetProperty("outsider").ValueKind);
    }
}
