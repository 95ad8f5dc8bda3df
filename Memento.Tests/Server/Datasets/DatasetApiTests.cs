using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Memento.Domain.Model;
using Memento.Tests.Support;
using static Memento.Tests.Server.TilesTestSupport;

namespace Memento.Tests.Server.Datasets;

/// <summary>
/// The dataset document's JSON API called exactly as the document describes it: a cookie-keeping client logs in at
/// /api/login, uploads with a multipart form ('json' + 'file', annotations in the raw format), reads
/// /api/picture/&lt;id&gt;/, updates, sets regions, deletes; plus the limits and errors a script meets.
/// </summary>
public sealed class DatasetApiTests : IAsyncLifetime
{
    private const string Cat = "Cat (Felis catus) api";
    private const string Eye = "Cat (Felis catus) - left eye api";
    private static readonly string Sample = CellProfiler("HumanHT29/D03/f00/d1.tif"); // 512 × 512 TIFF, 241 kB

    private readonly MementoAppFactory app = new(new Dictionary<string, string?>(FastPolling)
    {
        // Small, so the 413 test need not send 64 MiB; the sample is well below it.
        ["Memento:Datasets:MaxUploadBytes"] = (1024 * 1024).ToString(),
    });

    public async Task InitializeAsync()
    {
        await app.CreateUserAsync("root", "root's password", isSysAdmin: true);
        await app.CreateUserAsync("alice", "alice's password");
        await app.CreateUserAsync("bob", "bob's password");
        await app.WithDbAsync(async db =>
        {
            db.ObjectTypes.AddRange(new ObjectType { Id = Cat, Description = "" }, new ObjectType { Id = Eye, Description = "" });
            db.Licences.AddRange(new Licence { Id = "X-api-free", Title = "Free for the test" },
                new Licence { Id = "X-api-other", Title = "Other" });
            db.Natures.AddRange(new Nature { Id = "api-photo", Description = "A photo" },
                new Nature { Id = "api-drawing", Description = "A drawing" });
            return await db.SaveChangesAsync();
        });
    }

    public Task DisposeAsync()
    {
        app.Dispose();
        return Task.CompletedTask;
    }

    private HttpClient Client() => app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task LoginAsync(HttpClient client, string name) =>
        await ReadAsync(await client.PostAsync("/api/login", Json(new { username = name, password = name + "'s password" })),
            HttpStatusCode.OK);

    private static MultipartFormDataContent UploadForm(object json, byte[] file, string fileName = "d1.tif")
    {
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("image/tiff");
        return new MultipartFormDataContent { { new StringContent(JsonSerializer.Serialize(json)), "json" }, { part, "file", fileName } };
    }

    private static readonly object[] Annotations =
    [
        new { type = "bbox", shape = new { x = 0.125, y = 0.25, w = 0.5, h = 0.25 }, @object = Cat },
        new { type = "polygon", shape = new[] { new { x = 0.0, y = 0.0 }, new { x = 1.0, y = 0.0 }, new { x = 0.0, y = 1.0 } }, @object = Cat },
        new { type = "point", shape = new { x = 0.5, y = 0.5 }, @object = Eye },
    ];

    private async Task<long> UploadAsync(HttpClient client)
    {
        var json = new
        {
            title = "Two <cats>", description = "On a mat", origin_url = "https://commons.wikimedia.org/wiki/File:Cat.tif",
            licence = new[] { "X-api-free" }, nature = "api-photo", annotations = Annotations,
        };
        var answer = await ReadAsync(await client.PostAsync("/api/upload", UploadForm(json, await File.ReadAllBytesAsync(Sample))),
            HttpStatusCode.OK);
        var id = answer.GetProperty("id").GetInt64();
        Assert.Equal(ImageProcessingState.Ready, (await WaitForIngestAsync(app, id)).State);
        return id;
    }

    [Fact]
    public async Task A_script_logs_in_uploads_with_annotations_reads_updates_and_deletes_its_picture()
    {
        using var alice = Client();
        await LoginAsync(alice, "alice");
        var id = await UploadAsync(alice);

        // Every documented key, with the trailing slash as the document writes it.
        var picture = await ReadAsync(await alice.GetAsync($"/api/picture/{id}/"), HttpStatusCode.OK);
        Assert.Equal(
            ["id", "title", "description", "author", "origin_url", "timestamp", "width", "height", "file_format", "nature",
                "licences", "replaces", "replaced_by", "regions", "download", "rating_average", "rating_count"],
            picture.EnumerateObject().Select(p => p.Name));
        Assert.Equal(id, picture.GetProperty("id").GetInt64());
        Assert.Equal("Two <cats>", picture.GetProperty("title").GetString());
        Assert.Equal("On a mat", picture.GetProperty("description").GetString());
        Assert.Equal("alice", picture.GetProperty("author").GetString());
        Assert.Equal("https://commons.wikimedia.org/wiki/File:Cat.tif", picture.GetProperty("origin_url").GetString());
        Assert.Equal(app.Clock.GetUtcNow().ToUnixTimeSeconds(), picture.GetProperty("timestamp").GetInt64());
        Assert.Equal(512, picture.GetProperty("width").GetInt32());
        Assert.Equal(512, picture.GetProperty("height").GetInt32());
        Assert.Equal("image/tiff", picture.GetProperty("file_format").GetString());
        Assert.Equal("api-photo", picture.GetProperty("nature").GetString());
        Assert.Equal(["X-api-free"], picture.GetProperty("licences").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(JsonValueKind.Null, picture.GetProperty("replaces").ValueKind);
        Assert.Equal(JsonValueKind.Null, picture.GetProperty("replaced_by").ValueKind);
        Assert.Equal(JsonSerializer.Serialize(Annotations), picture.GetProperty("regions").GetRawText());
        Assert.Equal($"http://localhost/pictures/{id}/download", picture.GetProperty("download").GetString());
        Assert.Equal(JsonValueKind.Null, picture.GetProperty("rating_average").ValueKind);
        Assert.Equal("""{"1":0,"2":0,"3":0,"4":0,"5":0}""", picture.GetProperty("rating_count").GetRawText());

        // The download URL serves the original bytes to anyone: the dataset project is public.
        using var anonymous = Client();
        using (var download = await anonymous.GetAsync($"/pictures/{id}/download"))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("image/tiff", download.Content.Headers.ContentType?.MediaType);
            Assert.Equal(await File.ReadAllBytesAsync(Sample), await download.Content.ReadAsByteArrayAsync());
        }
        Assert.Equal(id, (await ReadAsync(await anonymous.GetAsync($"/api/picture/{id}"), HttpStatusCode.OK)).GetProperty("id").GetInt64());

        // The document's update keys.
        var updated = await ReadAsync(await alice.PostAsync($"/api/picture/{id}/update", Json(new
        {
            title = "Three cats", description = "", origin_url = "", licence_ids = new[] { "X-api-other", "X-api-free" },
            nature_id = "api-drawing",
        })), HttpStatusCode.OK);
        Assert.Equal("Three cats", updated.GetProperty("title").GetString());
        Assert.Equal("", updated.GetProperty("description").GetString());
        Assert.Equal(JsonValueKind.Null, updated.GetProperty("origin_url").ValueKind);
        Assert.Equal(["X-api-free", "X-api-other"], updated.GetProperty("licences").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("api-drawing", updated.GetProperty("nature").GetString());

        // Setting the caller's regions replaces what they sent with the upload.
        var regions = await ReadAsync(await alice.PostAsync($"/api/picture/{id}/regions",
            Json(new object[] { new { type = "polyline", shape = new[] { new { x = 0.25, y = 0.75 }, new { x = 0.75, y = 0.25 } }, @object = Eye } })),
            HttpStatusCode.OK);
        Assert.Equal($$"""[{"type":"polyline","shape":[{"x":0.25,"y":0.75},{"x":0.75,"y":0.25}],"object":"{{Eye}}"}]""",
            regions.GetProperty("regions").GetRawText());

        // Someone else may read but not change it.
        using var bob = Client();
        await LoginAsync(bob, "bob");
        var refused = await ReadAsync(await bob.PostAsync($"/api/picture/{id}/update", Json(new { title = "Mine" })), HttpStatusCode.Forbidden);
        Assert.Equal("Only the picture's uploader and its project's administrators may change it.", refused.GetProperty("error").GetString());
        await ReadAsync(await bob.PostAsync($"/api/picture/{id}/delete", null), HttpStatusCode.Forbidden);

        await ReadAsync(await alice.PostAsync($"/api/picture/{id}/delete", null), HttpStatusCode.OK);
        var gone = await ReadAsync(await alice.GetAsync($"/api/picture/{id}/"), HttpStatusCode.NotFound);
        Assert.Equal($"Picture {id} does not exist.", gone.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/pictures/{id}/download")).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => Task.FromResult(db.Annotations.Count(a => a.Layers.Any(l => l.ImageId == id)))));

        // After logging out the cookie no longer uploads.
        await ReadAsync(await alice.PostAsync("/api/logout", null), HttpStatusCode.OK);
        await ReadAsync(await alice.PostAsync("/api/upload", UploadForm(new { title = "x" }, [1, 2, 3])), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_yaml_query_in_the_body_answers_the_documented_list_and_a_bad_one_its_line_and_column()
    {
        using var alice = Client();
        await LoginAsync(alice, "alice");
        var id = await UploadAsync(alice);

        // Anyone may search the public dataset project, as the document's clients do, without a session.
        using var anonymous = Client();
        var found = await ReadAsync(await anonymous.PostAsync("/api/query?ordering=date-desc&offset=0&limit=5",
            new StringContent($"want:\n- has_object: [\"{Cat}\"]\n- nature: [api-photo]\n", Encoding.UTF8, "application/yaml")),
            HttpStatusCode.OK);
        var only = Assert.Single(found.EnumerateArray());
        Assert.Equal(id, only.GetProperty("id").GetInt64());
        Assert.Equal(
            ["id", "title", "description", "author", "origin_url", "timestamp", "width", "height", "file_format", "nature",
                "licences", "replaces", "replaced_by", "regions", "download"],
            only.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonSerializer.Serialize(Annotations), only.GetProperty("regions").GetRawText());

        // Excluding what it holds leaves nothing; an exclusion of something else keeps it.
        var none = await ReadAsync(await anonymous.PostAsync("/api/query",
            new StringContent($"exclude:\n- has_object: [\"{Eye}\"]\n", Encoding.UTF8, "application/yaml")), HttpStatusCode.OK);
        Assert.DoesNotContain(none.EnumerateArray(), p => p.GetProperty("id").GetInt64() == id);

        // A bad query: 400 with the parser's words and where.
        var bad = await ReadAsync(await anonymous.PostAsync("/api/query",
            new StringContent("want:\n- has_objekt: [x]\n", Encoding.UTF8, "application/yaml")), HttpStatusCode.BadRequest);
        Assert.Contains("has_objekt", bad.GetProperty("error").GetString());
        Assert.Equal(2, bad.GetProperty("line").GetInt32());
        Assert.Equal(3, bad.GetProperty("column").GetInt32());
        var unknownOrdering = await ReadAsync(await anonymous.PostAsync("/api/query?ordering=newest",
            new StringContent("want: []", Encoding.UTF8, "application/yaml")), HttpStatusCode.BadRequest);
        Assert.Contains("date-desc", unknownOrdering.GetProperty("error").GetString());
        var tooMany = await ReadAsync(await anonymous.PostAsync("/api/query?limit=1000",
            new StringContent("", Encoding.UTF8, "application/yaml")), HttpStatusCode.BadRequest);
        Assert.Contains("limit", tooMany.GetProperty("error").GetString());
        // A 10 MB body is refused unread.
        using var huge = await anonymous.PostAsync("/api/query", new StringContent(new string('#', 10_000_000), Encoding.UTF8, "application/yaml"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
    }

    [Fact]
    public async Task Put_file_replaces_the_picture_with_the_new_file()
    {
        using var alice = Client();
        await LoginAsync(alice, "alice");
        var id = await UploadAsync(alice);
        var png = CellProfiler("Colocalization/0_2/site1/R.png");
        var part = new ByteArrayContent(await File.ReadAllBytesAsync(png));
        using var form = new MultipartFormDataContent { { part, "file", "R.png" } };
        Assert.Equal(id, (await ReadAsync(await alice.PostAsync($"/api/picture/{id}/put-file", form), HttpStatusCode.OK)).GetProperty("id").GetInt64());
        Assert.Equal(ImageProcessingState.Ready, (await WaitForIngestAsync(app, id)).State);
        var picture = await ReadAsync(await alice.GetAsync($"/api/picture/{id}"), HttpStatusCode.OK);
        Assert.Equal("image/png", picture.GetProperty("file_format").GetString());
        using var download = await alice.GetAsync($"/pictures/{id}/download");
        Assert.Equal(await File.ReadAllBytesAsync(png), await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_upload_above_the_limit_is_413_and_stores_nothing()
    {
        using var alice = Client();
        await LoginAsync(alice, "alice");
        var answer = await ReadAsync(await alice.PostAsync("/api/upload", UploadForm(new { title = "big" }, new byte[2 * 1024 * 1024])),
            HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("The request is larger than this server accepts (1 MiB).", answer.GetProperty("error").GetString());
        Assert.Equal(0, await app.WithDbAsync(db => Task.FromResult(db.Images.Count())));
    }

    [Fact]
    public async Task Bad_input_gets_400_naming_what_is_wrong_and_stores_nothing()
    {
        using var alice = Client();
        await LoginAsync(alice, "alice");
        var file = await File.ReadAllBytesAsync(Sample);

        var badJson = await ReadAsync(await alice.PostAsync("/api/upload", new MultipartFormDataContent
        {
            { new StringContent("{\"title\": "), "json" }, { new ByteArrayContent(file), "file", "d1.tif" },
        }), HttpStatusCode.BadRequest);
        Assert.Equal("json", badJson.GetProperty("field").GetString());
        Assert.StartsWith("The json is not valid JSON: ", badJson.GetProperty("error").GetString());

        var unknownObject = await ReadAsync(await alice.PostAsync("/api/upload", UploadForm(new
        {
            title = "t", annotations = new[] { new { type = "point", shape = new { x = 0.5, y = 0.5 }, @object = "Unicorn" } },
        }, file)), HttpStatusCode.BadRequest);
        Assert.Equal("Unknown object 'Unicorn': register object types before using them.", unknownObject.GetProperty("error").GetString());

        var outside = await ReadAsync(await alice.PostAsync("/api/upload", UploadForm(new
        {
            title = "t", annotations = new[] { new { type = "point", shape = new { x = 1.5, y = 0.5 }, @object = Cat } },
        }, file)), HttpStatusCode.BadRequest);
        Assert.Equal("Region 1: Coordinates are fractions of the image's size, between 0 and 1.", outside.GetProperty("error").GetString());

        var licence = await ReadAsync(await alice.PostAsync("/api/upload", UploadForm(new { licence = new[] { "GPL-9" } }, file)),
            HttpStatusCode.BadRequest);
        Assert.Equal("Unknown licence 'GPL-9'.", licence.GetProperty("error").GetString());
        var nature = await ReadAsync(await alice.PostAsync("/api/upload", UploadForm(new { nature = "sculpture" }, file)),
            HttpStatusCode.BadRequest);
        Assert.Equal("Unknown nature 'sculpture'.", nature.GetProperty("error").GetString());

        var badLogin = await ReadAsync(await alice.PostAsync("/api/login",
            new StringContent("not json", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        Assert.StartsWith("The body is not valid JSON: ", badLogin.GetProperty("error").GetString());

        Assert.Equal(0, await app.WithDbAsync(db => Task.FromResult(db.Images.Count())));
    }

    [Fact]
    public async Task Without_a_session_uploads_and_user_lists_are_401_and_wrong_passwords_too()
    {
        using var anonymous = Client();
        var upload = await ReadAsync(await anonymous.PostAsync("/api/upload", UploadForm(new { title = "x" }, [1, 2, 3])),
            HttpStatusCode.Unauthorized);
        Assert.Equal("You need to sign in to do this.", upload.GetProperty("error").GetString());
        await ReadAsync(await anonymous.GetAsync("/api/user/"), HttpStatusCode.Unauthorized);
        await ReadAsync(await anonymous.PostAsync("/api/login", Json(new { username = "alice", password = "wrong" })),
            HttpStatusCode.Unauthorized);
        Assert.Equal(0, await app.WithDbAsync(db => Task.FromResult(db.Images.Count())));
    }

    [Fact]
    public async Task Anyone_reads_the_licence_and_nature_lists_and_one_licence()
    {
        using var anonymous = Client();
        var licences = await ReadAsync(await anonymous.GetAsync("/api/licence/"), HttpStatusCode.OK);
        Assert.Equal("""{"title":"Free for the test","free":false,"pinned":false}""", licences.GetProperty("X-api-free").GetRawText());
        Assert.True(licences.GetProperty("CC0-1.0").GetProperty("free").GetBoolean()); // seeded from the SPDX list
        var one = await ReadAsync(await anonymous.GetAsync("/api/licence/X-api-other/"), HttpStatusCode.OK);
        Assert.Equal("""{"id":"X-api-other","title":"Other","description":"","info_url":null,"legalese_url":null,"free":false,"pinned":false,"logo_url":null}""",
            one.GetRawText());
        var missing = await ReadAsync(await anonymous.GetAsync("/api/licence/GPL-9"), HttpStatusCode.NotFound);
        Assert.Equal("There is no licence 'GPL-9'.", missing.GetProperty("error").GetString());
        var natures = await ReadAsync(await anonymous.GetAsync("/api/nature/"), HttpStatusCode.OK);
        Assert.Equal("A photo", natures.GetProperty("api-photo").GetString());
        Assert.Equal("A drawing", natures.GetProperty("api-drawing").GetString());
    }

    [Fact]
    public async Task Signed_in_users_list_users_by_offset_and_limit_and_read_one()
    {
        using var bob = Client();
        await LoginAsync(bob, "bob");
        var all = await ReadAsync(await bob.GetAsync("/api/user/"), HttpStatusCode.OK);
        Assert.Equal("""{"root":{"admin":true},"alice":{"admin":false},"bob":{"admin":false}}""", all.GetRawText());
        var page = await ReadAsync(await bob.GetAsync("/api/user?offset=1&limit=1"), HttpStatusCode.OK);
        Assert.Equal("""{"alice":{"admin":false}}""", page.GetRawText());
        var alice = await app.FindUserAsync("alice");
        var one = await ReadAsync(await bob.GetAsync("/api/user/alice/"), HttpStatusCode.OK);
        Assert.Equal($$"""{"id":{{alice.Id}},"admin":false,"joined":{{alice.CreatedAt.ToUnixTimeSeconds()}}}""", one.GetRawText());
        await ReadAsync(await bob.GetAsync("/api/user/nobody/"), HttpStatusCode.NotFound);
        var limit = await ReadAsync(await bob.GetAsync("/api/user/?limit=1000"), HttpStatusCode.BadRequest);
        Assert.Equal("The limit must be between 1 and 100.", limit.GetProperty("error").GetString());
    }
}
