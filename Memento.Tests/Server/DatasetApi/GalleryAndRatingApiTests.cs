using System.Net;
using System.Text;
using System.Text.Json;
using Memento.Domain.Model;
using Memento.Tests.Support;

namespace Memento.Tests.Server.DatasetApi;

/// <summary>
/// The document's gallery and rating endpoints as a script calls them: sign in with POST /api/login and keep the
/// cookie, then post JSON bodies; errors come back as {"error": …} with the HTTP status.
/// </summary>
public sealed class GalleryAndRatingApiTests : IDisposable
{
    private readonly MementoAppFactory app = new();

    public void Dispose() => app.Dispose();

    private HttpClient Client() => app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient client, string path, string json)
    {
        using var response = await client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private async Task<HttpClient> SignedInAsync(string name)
    {
        await app.CreateUserAsync(name, $"{name}'s password");
        var client = Client();
        var (status, _) = await PostAsync(client, "/api/login", JsonSerializer.Serialize(new { username = name, password = $"{name}'s password" }));
        Assert.Equal(HttpStatusCode.OK, status);
        return client;
    }

    // A public project's picture (anyone finds it) and a private project's (nobody here does).
    private Task<(long Public, long Private)> PicturesAsync() => app.WithDbAsync(async db =>
    {
        var open = new Project { Name = "Open", Visibility = ProjectVisibility.Public, CreatedAt = DateTimeOffset.UtcNow };
        var closed = new Project { Name = "Closed", CreatedAt = DateTimeOffset.UtcNow };
        db.AddRange(open, closed);
        await db.SaveChangesAsync();
        var visible = new Image { ProjectId = open.Id, Name = "cat.png", UploadedAt = DateTimeOffset.UtcNow, State = ImageProcessingState.Ready };
        var hidden = new Image { ProjectId = closed.Id, Name = "secret.png", UploadedAt = DateTimeOffset.UtcNow, State = ImageProcessingState.Ready };
        db.AddRange(visible, hidden);
        await db.SaveChangesAsync();
        return (visible.Id, hidden.Id);
    });

    [Fact]
    public async Task A_script_makes_a_gallery_fills_it_with_a_trusted_user_and_anyone_reads_its_metadata()
    {
        var (picture, secret) = await PicturesAsync();
        using var gina = await SignedInAsync("gina");
        using var hal = await SignedInAsync("hal");
        using var anonymous = Client();

        var (created, made) = await PostAsync(gina, "/api/new-gallery", """{"title": "Cats", "description": "<b>fluffy</b>"}""");
        Assert.Equal(HttpStatusCode.OK, created);
        var id = made.GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(gina, $"/api/gallery/{id}/add-picture", $$"""{"picture_id": {{picture}}}""")).Status);

        var (refused, error) = await PostAsync(hal, $"/api/gallery/{id}/add-picture", $$"""{"picture_id": {{picture}}}""");
        Assert.Equal(HttpStatusCode.Forbidden, refused);
        Assert.Equal("Only the gallery's owner and the users they trust can change its pictures.", error.GetProperty("error").GetString());
        var (trusted, after) = await PostAsync(gina, $"/api/gallery/{id}/users/add", """{"username": "hal"}""");
        Assert.Equal((HttpStatusCode.OK, "hal"), (trusted, after.GetProperty("users")[0].GetString()));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(hal, $"/api/gallery/{id}/remove-picture", $$"""{"picture_id": {{picture}}}""")).Status);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(hal, $"/api/gallery/{id}/add-picture/", $$"""{"picture_id": {{picture}}}""")).Status);
        var (hidden, notFound) = await PostAsync(hal, $"/api/gallery/{id}/add-picture", $$"""{"picture_id": {{secret}}}""");
        Assert.Equal((HttpStatusCode.NotFound, $"Picture {secret} does not exist."), (hidden, notFound.GetProperty("error").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(hal, $"/api/gallery/{id}/edit", """{"title": "Mine now"}""")).Status);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(gina, $"/api/gallery/{id}/edit", """{"title": "Cats and kittens", "description": "all"}""")).Status);
        var (badId, badIdBody) = await PostAsync(gina, $"/api/gallery/{id}/add-picture", """{"picture_id": "one"}""");
        Assert.Equal((HttpStatusCode.BadRequest, "picture_id"), (badId, badIdBody.GetProperty("field").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(gina, $"/api/gallery/{id}/users/remove", """{"username": "hal"}""")).Status);

        var (read, gallery) = await GetAsync(anonymous, $"/api/gallery/{id}");
        Assert.Equal(HttpStatusCode.OK, read);
        Assert.Equal($$"""{"id":{{id}},"title":"Cats and kittens","description":"all","owner":"gina","users":[]}""", gallery.GetRawText());
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(anonymous, "/api/new-gallery", """{"title": "Spam"}""")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(anonymous, "/api/gallery/999999")).Status);
        var (untitled, untitledBody) = await PostAsync(gina, "/api/new-gallery", """{"description": "no title"}""");
        Assert.Equal((HttpStatusCode.BadRequest, "title"), (untitled, untitledBody.GetProperty("field").GetString()));
    }

    [Fact]
    public async Task Rating_puts_replaces_and_deletes_the_callers_stars()
    {
        var (picture, secret) = await PicturesAsync();
        using var gina = await SignedInAsync("gina");
        using var hal = await SignedInAsync("hal");

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(hal, $"/api/picture/{picture}/rate", """{"rating": 2}""")).Status);
        await PostAsync(gina, $"/api/picture/{picture}/rate", """{"rating": 5}""");
        var (status, rated) = await PostAsync(gina, $"/api/picture/{picture}/rate", """{"rating": 4}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal($$$"""{"id":{{{picture}}},"rating":4,"rating_average":3,"rating_count":{"1":0,"2":1,"3":0,"4":1,"5":0}}""", rated.GetRawText());

        var (deleted, afterDelete) = await PostAsync(gina, $"/api/picture/{picture}/rate", """{"rating": false}""");
        Assert.Equal(HttpStatusCode.OK, deleted);
        Assert.Equal(2, afterDelete.GetProperty("rating_average").GetDouble());
        Assert.Equal(JsonValueKind.Null, afterDelete.GetProperty("rating").ValueKind);

        foreach (var bad in new[] { """{"rating": 6}""", """{"rating": 0}""", """{"rating": 3.5}""", """{"rating": true}""", "{}" })
        {
            var (refused, error) = await PostAsync(gina, $"/api/picture/{picture}/rate", bad);
            Assert.Equal((HttpStatusCode.BadRequest, "rating"), (refused, error.GetProperty("field").GetString()));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(gina, $"/api/picture/{secret}/rate", """{"rating": 3}""")).Status);
        using var anonymous = Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(anonymous, $"/api/picture/{picture}/rate", """{"rating": 3}""")).Status);
    }
}
