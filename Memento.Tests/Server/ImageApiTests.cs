using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Memento.Domain.Accounts;
using Memento.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Memento.Tests.Server.TilesTestSupport;

namespace Memento.Tests.Server;

/// <summary>Images through /graphql as a script drives them: multipart upload, processing state, signed file URLs.</summary>
public sealed class ImageApiTests : IDisposable
{
    private const string Upload =
        "mutation($input: UploadImageInput!) { uploadImage(input: $input) { image { id name state typeCode formatCode } } }";
    private const string GetOrUpload =
        "mutation($input: UploadImageInput!) { getOrUploadImage(input: $input) { created image { id state } } }";

    private static readonly string Sample = CellProfiler("HumanHT29/D03/f00/d1.tif");

    private readonly MementoAppFactory app;

    public ImageApiTests() : this(new Dictionary<string, string?>(FastPolling)) { }

    private ImageApiTests(Dictionary<string, string?> settings) => app = new MementoAppFactory(settings);

    public void Dispose() => app.Dispose();

    private static async Task<HttpClient> ScriptForAsync(MementoAppFactory app, string userName)
    {
        var user = await app.CreateUserAsync(userName, userName + "'s password", isProAdm: true) /* scripts that create projects */;
        await using var scope = app.Services.CreateAsyncScope();
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateApiTokenAsync(user.Id, "test");
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string query)
    {
        var body = JsonSerializer.Serialize(new { query });
        using var response = await client.PostAsync("/graphql", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>A GraphQL multipart request (operations, map, file) as the Python client and browsers send it.</summary>
    private static async Task<HttpResponseMessage> PostMultipartAsync(HttpClient client, string query,
        Dictionary<string, object?> input, byte[] file, string fileName)
    {
        input["file"] = null;
        var operations = JsonSerializer.Serialize(new { query, variables = new { input } });
        using var content = new MultipartFormDataContent
        {
            { new StringContent(operations, Encoding.UTF8), "operations" },
            { new StringContent("""{ "0": ["variables.input.file"] }""", Encoding.UTF8), "map" },
        };
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(part, "0", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
        request.Headers.Add("GraphQL-Preflight", "1");
        return await client.SendAsync(request);
    }

    private static async Task<JsonElement> UploadAsync(HttpClient client, string query, long projectId, string name,
        byte[] file, string fileName, int format = 4)
    {
        using var response = await PostMultipartAsync(client, query,
            new() { ["projectId"] = projectId, ["name"] = name, ["format"] = format, ["type"] = "" }, file, fileName);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {text}");
        var result = JsonDocument.Parse(text).RootElement.Clone();
        Assert.False(result.TryGetProperty("errors", out _), result.ToString());
        return result.GetProperty("data");
    }

    private static async Task<long> CreateProjectAsync(HttpClient client, string name)
    {
        var created = await PostAsync(client, $$"""mutation { createProject(input: { name: "{{name}}" }) { project { id } } }""");
        return created.GetProperty("data").GetProperty("createProject").GetProperty("project").GetProperty("id").GetInt64();
    }

    /// <summary>Polls image(id) as a client would, until it leaves PENDING/PROCESSING (bounded).</summary>
    private static async Task<JsonElement> WaitUntilProcessedAsync(HttpClient client, long id)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            var result = await PostAsync(client,
                $"{{ image(id: {id}) {{ id state progress: progressPercent error width height bands bitDepth dziUrl thumbnailUrl iiifInfoUrl }} }}");
            Assert.False(result.TryGetProperty("errors", out _), result.ToString());
            var image = result.GetProperty("data").GetProperty("image");
            var state = image.GetProperty("state").GetString();
            if (state is "READY" or "FAILED") return image;
            Assert.True(image.GetProperty("dziUrl").ValueKind == JsonValueKind.Null, "no URL before READY");
            if (DateTime.UtcNow > until) throw new TimeoutException($"Image {id} still {state}.");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task An_uploaded_image_becomes_ready_and_its_signed_files_are_served_to_readers_only()
    {
        using var alice = await ScriptForAsync(app, "alice");
        var projectId = await CreateProjectAsync(alice, "HT29");
        var data = await UploadAsync(alice, Upload, projectId, "d1", await File.ReadAllBytesAsync(Sample), "d1.tif");
        var uploaded = data.GetProperty("uploadImage").GetProperty("image");
        Assert.Contains(uploaded.GetProperty("state").GetString(), new[] { "PROCESSING", "READY" });
        Assert.Equal("", uploaded.GetProperty("typeCode").GetString());
        var id = uploaded.GetProperty("id").GetInt64();

        var ready = await WaitUntilProcessedAsync(alice, id);
        Assert.Equal("READY", ready.GetProperty("state").GetString());
        Assert.Equal(100, ready.GetProperty("progress").GetInt32());
        Assert.True(ready.GetProperty("width").GetInt32() > 0 && ready.GetProperty("height").GetInt32() > 0);
        Assert.Equal(1, ready.GetProperty("bands").GetInt32());
        // The upload's temporary copies are gone once it is converted; only the image's own directory remains.
        Assert.Empty(Directory.GetFiles(Path.Combine(app.DataDirectory, "uploads"), "*", SearchOption.AllDirectories));

        foreach (var field in new[] { "thumbnailUrl", "dziUrl", "iiifInfoUrl" })
        {
            using var response = await alice.GetAsync(ready.GetProperty(field).GetString());
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{field}: {response.StatusCode}");
        }
        var dzi = await alice.GetStringAsync(ready.GetProperty("dziUrl").GetString());
        Assert.Contains($"Width=\"{ready.GetProperty("width").GetInt32()}\"", dzi);

        // A tampered signature or another image's id under the same signature: refused.
        var thumbnail = ready.GetProperty("thumbnailUrl").GetString()!;
        var parts = thumbnail.Split('/');
        parts[5] = (parts[5][0] == 'A' ? "B" : "A") + parts[5][1..]; // "", tiles, id, version, expiry, signature, file
        using (var tampered = await alice.GetAsync(string.Join('/', parts)))
            Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);
        using (var otherImage = await alice.GetAsync(thumbnail.Replace($"/tiles/{id}/", $"/tiles/{id + 1}/")))
            Assert.Equal(HttpStatusCode.Forbidden, otherImage.StatusCode);

        // Listed and found by name for the owner; the list's thumbnail URL needs the state and type it projected.
        var listed = await PostAsync(alice, $"{{ images(projectId: {projectId}) {{ nodes {{ name thumbnailUrl }} }} imageByName(projectId: {projectId}, name: \"d1\") {{ id }} }}");
        var listedImage = listed.GetProperty("data").GetProperty("images").GetProperty("nodes")[0];
        Assert.Equal("d1", listedImage.GetProperty("name").GetString());
        Assert.Contains($"/tiles/{id}/", listedImage.GetProperty("thumbnailUrl").GetString());
        Assert.Equal(id, listed.GetProperty("data").GetProperty("imageByName").GetProperty("id").GetInt64());

        // An outsider gets FORBIDDEN and nothing of the image, no signed URL in particular.
        using var bob = await ScriptForAsync(app, "bob");
        foreach (var query in new[]
                 {
                     $"{{ image(id: {id}) {{ name dziUrl thumbnailUrl }} }}",
                     $"{{ imageByName(projectId: {projectId}, name: \"d1\") {{ id thumbnailUrl }} }}",
                     $"{{ images(projectId: {projectId}) {{ nodes {{ name thumbnailUrl }} }} }}",
                 })
        {
            var refused = await PostAsync(bob, query);
            Assert.Equal("FORBIDDEN", refused.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
            Assert.DoesNotContain("/tiles/", refused.ToString());
            Assert.DoesNotContain("\"d1\"", refused.ToString().Replace("name: \\\"d1\\\"", ""));
        }
        using (var bobUpload = await PostMultipartAsync(bob, Upload,
                   new() { ["projectId"] = projectId, ["name"] = "intruder", ["format"] = 4, ["type"] = "" },
                   await File.ReadAllBytesAsync(Sample), "x.tif"))
        {
            var refused = JsonDocument.Parse(await bobUpload.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("FORBIDDEN", refused.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        }

        // Delete: the record and its files go, and the signed URLs stop working.
        var directory = Directory.GetDirectories(Path.Combine(app.DataDirectory, "images", projectId.ToString()));
        Assert.Single(directory);
        var deleted = await PostAsync(alice, $"mutation {{ deleteImage(input: {{ id: {id} }}) {{ deletedId }} }}");
        Assert.False(deleted.TryGetProperty("errors", out _), deleted.ToString());
        Assert.False(Directory.Exists(directory[0]));
        using (var gone = await alice.GetAsync(thumbnail))
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Replacing_the_file_processes_it_again_and_removes_the_old_files()
    {
        using var alice = await ScriptForAsync(app, "alice");
        var projectId = await CreateProjectAsync(alice, "Replace");
        var data = await UploadAsync(alice, Upload, projectId, "nuclei", await File.ReadAllBytesAsync(Sample), "d1.tif");
        var id = data.GetProperty("uploadImage").GetProperty("image").GetProperty("id").GetInt64();
        var original = await WaitUntilProcessedAsync(alice, id);
        Assert.Equal("READY", original.GetProperty("state").GetString());
        var oldThumbnail = original.GetProperty("thumbnailUrl").GetString()!;
        var before = Directory.GetDirectories(Path.Combine(app.DataDirectory, "images", projectId.ToString())).Single();

        const string replace = "mutation($input: ReplaceImageFileInput!) { replaceImageFile(input: $input) { image { id state } } }";
        using (var response = await PostMultipartAsync(alice, replace, new() { ["id"] = id, ["format"] = 5 },
                   await File.ReadAllBytesAsync(CellProfiler("HumanHT29/D03/f00/d0.tif")), "d0.tif"))
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK && !text.Contains("\"errors\""), text);
        }
        var ready = await WaitUntilProcessedAsync(alice, id);
        Assert.Equal("READY", ready.GetProperty("state").GetString());
        Assert.False(Directory.Exists(before));
        Assert.Single(Directory.GetDirectories(Path.Combine(app.DataDirectory, "images", projectId.ToString())));
        using var thumbnail = await alice.GetAsync(ready.GetProperty("thumbnailUrl").GetString());
        Assert.Equal(HttpStatusCode.OK, thumbnail.StatusCode);
        // Tiles are cached as immutable: the new file must come under new URLs, and the old ones must stop resolving.
        Assert.NotEqual(oldThumbnail, ready.GetProperty("thumbnailUrl").GetString());
        using (var stale = await alice.GetAsync(oldThumbnail))
            Assert.Equal(HttpStatusCode.NotFound, stale.StatusCode);
        var format = await PostAsync(alice, $"{{ image(id: {id}) {{ formatCode }} }}");
        Assert.Equal(5, format.GetProperty("data").GetProperty("image").GetProperty("formatCode").GetInt32());
    }

    [Fact]
    public async Task The_exported_image_uri_opens_the_picture_for_readers_only()
    {
        using var alice = await ScriptForAsync(app, "alice");
        var projectId = await CreateProjectAsync(alice, "Links");
        var data = await UploadAsync(alice, Upload, projectId, "d1", await File.ReadAllBytesAsync(Sample), "d1.tif");
        var id = data.GetProperty("uploadImage").GetProperty("image").GetProperty("id").GetInt64();
        var ready = await WaitUntilProcessedAsync(alice, id);
        var uri = (await PostAsync(alice, $"{{ image(id: {id}) {{ uri }} }}")).GetProperty("data").GetProperty("image").GetProperty("uri").GetString()!;

        using var opened = await alice.GetAsync(uri);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var target = opened.Headers.Location!.OriginalString;
        Assert.Contains("/iiif/full/max/0/default.", target);
        using var picture = await alice.GetAsync(target);
        Assert.Equal(HttpStatusCode.OK, picture.StatusCode);
        Assert.StartsWith("image/", picture.Content.Headers.ContentType!.MediaType);
        Assert.Equal(ready.GetProperty("width").GetInt32().ToString(),
            ImagingFixtureHeader(await picture.Content.ReadAsByteArrayAsync(), "width"));

        using var bob = await ScriptForAsync(app, "bob");
        using (var refused = await bob.GetAsync(uri)) Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var anonymous = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using (var noSession = await anonymous.GetAsync(uri)) Assert.Equal(HttpStatusCode.Unauthorized, noSession.StatusCode);
    }

    private static string ImagingFixtureHeader(byte[] picture, string field)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(file, picture);
            return Memento.Tests.Imaging.ImagingFixture.Header(file, field);
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public async Task Deleting_the_project_stops_its_tiles_being_served_at_once()
    {
        using var alice = await ScriptForAsync(app, "alice");
        var projectId = await CreateProjectAsync(alice, "Short-lived");
        var data = await UploadAsync(alice, Upload, projectId, "d1", await File.ReadAllBytesAsync(Sample), "d1.tif");
        var ready = await WaitUntilProcessedAsync(alice, data.GetProperty("uploadImage").GetProperty("image").GetProperty("id").GetInt64());
        var thumbnail = ready.GetProperty("thumbnailUrl").GetString()!;
        using (var served = await alice.GetAsync(thumbnail)) Assert.Equal(HttpStatusCode.OK, served.StatusCode); // now in the tile cache

        var deleted = await PostAsync(alice, $"mutation {{ deleteProject(input: {{ id: {projectId} }}) {{ deletedId }} }}");
        Assert.False(deleted.TryGetProperty("errors", out _), deleted.ToString());
        using var gone = await alice.GetAsync(thumbnail);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task A_text_file_named_tif_ends_failed_with_a_clear_error()
    {
        using var alice = await ScriptForAsync(app, "alice");
        var projectId = await CreateProjectAsync(alice, "Corrupt");
        var data = await UploadAsync(alice, Upload, projectId, "notes",
            Encoding.UTF8.GetBytes("These are my lab notes, not an image.\n"), "notes.tif");
        var id = data.GetProperty("uploadImage").GetProperty("image").GetProperty("id").GetInt64();

        var failed = await WaitUntilProcessedAsync(alice, id);
        Assert.Equal("FAILED", failed.GetProperty("state").GetString());
        var error = failed.GetProperty("error").GetString();
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.DoesNotContain("   at ", error);
        Assert.True(failed.GetProperty("thumbnailUrl").ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task GetOrUploadImage_returns_the_existing_image_without_a_second_ingest()
    {
        using var alice = await ScriptForAsync(app, "alice");
        var projectId = await CreateProjectAsync(alice, "Bulk");
        var bytes = await File.ReadAllBytesAsync(Sample);
        var first = (await UploadAsync(alice, GetOrUpload, projectId, "d1", bytes, "d1.tif")).GetProperty("getOrUploadImage");
        Assert.True(first.GetProperty("created").GetBoolean());
        var id = first.GetProperty("image").GetProperty("id").GetInt64();

        // The second call's file is not even an image: it is not read, the existing record comes back.
        var second = (await UploadAsync(alice, GetOrUpload, projectId, "d1", Encoding.UTF8.GetBytes("junk"), "d1.tif"))
            .GetProperty("getOrUploadImage");
        Assert.False(second.GetProperty("created").GetBoolean());
        Assert.Equal(id, second.GetProperty("image").GetProperty("id").GetInt64());
        Assert.Equal("READY", (await WaitUntilProcessedAsync(alice, id)).GetProperty("state").GetString());
        var jobs = await app.WithDbAsync(db => Task.FromResult(db.BackgroundJobs.Count()));
        Assert.Equal(1, jobs);

        // uploadImage with an existing name is a CONFLICT, not a silent duplicate.
        using var again = await PostMultipartAsync(alice, Upload,
            new() { ["projectId"] = projectId, ["name"] = "d1", ["format"] = 4, ["type"] = "" }, bytes, "d1.tif");
        var conflict = JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("CONFLICT", conflict.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_external_image_stores_its_url_and_is_ready_without_a_file()
    {
        using var alice = await ScriptForAsync(app, "alice");
        var projectId = await CreateProjectAsync(alice, "External");
        var result = await PostAsync(alice, $$"""
            mutation { uploadImage(input: { projectId: {{projectId}}, name: "remote", format: 1, type: "E", url: "https://example.org/a.jpg" })
              { image { state typeCode uri thumbnailUrl } } }
            """);
        Assert.False(result.TryGetProperty("errors", out _), result.ToString());
        var image = result.GetProperty("data").GetProperty("uploadImage").GetProperty("image");
        Assert.Equal("READY", image.GetProperty("state").GetString());
        Assert.Equal("E", image.GetProperty("typeCode").GetString());
        Assert.Equal("https://example.org/a.jpg", image.GetProperty("uri").GetString());
        Assert.True(image.GetProperty("thumbnailUrl").ValueKind == JsonValueKind.Null);

        var missingFile = await PostAsync(alice, $$"""
            mutation { uploadImage(input: { projectId: {{projectId}}, name: "nofile", format: 1, type: "" }) { image { id } } }
            """);
        Assert.Equal("VALIDATION", missingFile.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Metadata_is_edited_by_the_project_administrator()
    {
        using var alice = await ScriptForAsync(app, "alice");
        var projectId = await CreateProjectAsync(alice, "Meta");
        var created = await PostAsync(alice, $$"""
            mutation { uploadImage(input: { projectId: {{projectId}}, name: "remote", format: 1, type: "E", url: "https://example.org/a.jpg" }) { image { id } } }
            """);
        var id = created.GetProperty("data").GetProperty("uploadImage").GetProperty("image").GetProperty("id").GetInt64();
        var edited = await PostAsync(alice, $$"""
            mutation { updateImageMetadata(input: { id: {{id}}, title: "HT29 nuclei", description: "DAPI", originUrl: "https://example.org/study",
                nature: "fluorescence-microscopy", licences: ["CC0-1.0"] })
              { image { title description originUrl nature licences } } }
            """);
        Assert.False(edited.TryGetProperty("errors", out _), edited.ToString());
        var image = edited.GetProperty("data").GetProperty("updateImageMetadata").GetProperty("image");
        Assert.Equal("HT29 nuclei", image.GetProperty("title").GetString());
        Assert.Equal("https://example.org/study", image.GetProperty("originUrl").GetString());
        Assert.Equal("fluorescence-microscopy", image.GetProperty("nature").GetString());
        Assert.Equal("CC0-1.0", image.GetProperty("licences")[0].GetString());

        // An unknown licence is refused and changes nothing.
        var unknown = await PostAsync(alice, $$"""
            mutation { updateImageMetadata(input: { id: {{id}}, title: "changed", licences: ["Made-Up-1.0"] }) { image { title } } }
            """);
        Assert.Equal("VALIDATION", unknown.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        var after = await PostAsync(alice, $"{{ image(id: {id}) {{ title licences }} }}");
        Assert.Equal("HT29 nuclei", after.GetProperty("data").GetProperty("image").GetProperty("title").GetString());
        Assert.Equal(1, after.GetProperty("data").GetProperty("image").GetProperty("licences").GetArrayLength());

        using var bob = await ScriptForAsync(app, "bob");
        var refused = await PostAsync(bob, $$"""mutation { updateImageMetadata(input: { id: {{id}}, title: "mine" }) { image { title } } }""");
        Assert.Equal("FORBIDDEN", refused.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_upload_over_the_limit_gets_413_and_leaves_nothing_behind()
    {
        using var small = new MementoAppFactory(new Dictionary<string, string?>(FastPolling) { ["Memento:MaxUploadBytes"] = "65536" });
        using var alice = await ScriptForAsync(small, "alice");
        var projectId = await CreateProjectAsync(alice, "Limits");
        using var response = await PostMultipartAsync(alice, Upload,
            new() { ["projectId"] = projectId, ["name"] = "big", ["format"] = 4, ["type"] = "" },
            await File.ReadAllBytesAsync(Sample), "d1.tif");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync());

        var images = await PostAsync(alice, $"{{ images(projectId: {projectId}) {{ totalCount }} }}");
        Assert.Equal(0, images.GetProperty("data").GetProperty("images").GetProperty("totalCount").GetInt32());
        var uploads = Path.Combine(small.DataDirectory, "uploads");
        Assert.True(!Directory.Exists(uploads) || Directory.GetFiles(uploads, "*", SearchOption.AllDirectories).Length == 0);
        Assert.Equal(0, await small.WithDbAsync(db => Task.FromResult(db.BackgroundJobs.Count())));
    }
}
