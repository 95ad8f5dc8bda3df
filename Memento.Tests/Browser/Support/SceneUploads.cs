using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Memento.Tests.Browser.Support;

/// <summary>
/// Scene setup for browser tests that need a READY image: uploads a real file through the API's multipart upload
/// (as the Python client does) as the admin, then waits for the server's ingest to finish. Not the action under test.
/// </summary>
public static class SceneUploads
{
    /// <summary>A small real microscopy image (CellProfiler's HT29 example, 16-bit TIFF).</summary>
    public const string SampleImage = "/work/shared/sample-data/cellprofiler-examples/CellProfilerExamples/HumanHT29/D03/f00/d0.tif";

    public static Task<long> UploadReadyImageAsync(BrowserWorld world, long projectId, string name, string path = SampleImage,
        int format = 2) =>
        UploadReadyImageAsync(world, projectId, name, File.ReadAllBytes(path), Path.GetFileName(path), format);

    /// <summary>
    /// Uploads <paramref name="bytes"/> (e.g. a <see cref="SyntheticImages"/> PNG) as <paramref name="fileName"/> in the
    /// manual's <paramref name="format"/> (2: RGBA PNG, 5: PNG tiles; 16-bit data is tiled as 16-bit PNG either way).
    /// </summary>
    public static async Task<long> UploadReadyImageAsync(BrowserWorld world, long projectId, string name, byte[] bytes,
        string fileName, int format = 2)
    {
        using var http = new HttpClient { BaseAddress = new Uri(world.Url) };
        var login = await http.PostAsJsonAsync("graphql", new
        {
            query = "mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p, mode: TOKEN, tokenName: \"scene upload\" }) { token } }",
            variables = new { u = "admin", p = Memento.Tests.Server.LiveServer.Password },
        });
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").GetProperty("login").GetProperty("token").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var operations = JsonSerializer.Serialize(new
        {
            query = "mutation($input: UploadImageInput!) { uploadImage(input: $input) { image { id } } }",
            variables = new { input = new Dictionary<string, object?> { ["projectId"] = projectId, ["name"] = name, ["format"] = format, ["type"] = "", ["file"] = null } },
        });
        using var content = new MultipartFormDataContent
        {
            { new StringContent(operations, Encoding.UTF8), "operations" },
            { new StringContent("""{ "0": ["variables.input.file"] }""", Encoding.UTF8), "map" },
        };
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(part, "0", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = content };
        request.Headers.Add("GraphQL-Preflight", "1");
        var uploaded = await (await http.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        if (uploaded.TryGetProperty("errors", out var errors)) throw new InvalidOperationException($"Upload failed: {errors}");
        var id = uploaded.GetProperty("data").GetProperty("uploadImage").GetProperty("image").GetProperty("id").GetInt64();

        for (var attempt = 0; attempt < 600; attempt++)
        {
            var state = (await world.AdminAsync("query($id: Long!) { image(id: $id) { state error } }", new { id }))
                .GetProperty("image");
            switch (state.GetProperty("state").GetString())
            {
                case "READY": return id;
                case "FAILED": throw new InvalidOperationException($"Ingest failed: {state.GetProperty("error")}");
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The uploaded image did not become READY within a minute.");
    }
}
