using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Memento.Imaging.Tiles;
using Memento.Domain.Model;
using Memento.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Memento.Tests.Server.TilesTestSupport;

namespace Memento.Tests.Server;

/// <summary>Tiles are served fast and cacheably to holders of a valid signed URL, and to no one else.</summary>
public sealed class TilesEndpointTests(TilesEndpointTests.ReadyImage fx) : IClassFixture<TilesEndpointTests.ReadyImage>
{
    /// <summary>One server with one ingested image, shared by the tests of this class.</summary>
    public sealed class ReadyImage : IAsyncLifetime
    {
        public MementoAppFactory App { get; } = new(FastPolling);
        public HttpClient Http { get; private set; } = null!;
        public Image Image { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Http = App.CreateClient();
            Image = await WaitForIngestAsync(App, (await UploadAsync(App, CellProfiler("HumanHT29/D03/f00/d1.tif"), formatCode: 4)).Id);
            Assert.Equal(ImageProcessingState.Ready, Image.State);
        }

        public Task DisposeAsync()
        {
            App.Dispose();
            return Task.CompletedTask;
        }
    }

    private readonly MementoAppFactory _app = fx.App;
    private readonly HttpClient _http = fx.Http;
    private readonly Image _image = fx.Image;

    private string Sign(long imageId, TimeSpan? ttl = null, string? version = null) =>
        _app.Services.GetRequiredService<TileUrlSigner>().Sign(imageId,
            version ?? TileUrlSigner.VersionOf(_image.StorageDirectory!), ttl ?? TimeSpan.FromHours(1));

    [Fact]
    public async Task A_signed_tile_is_served_with_a_strong_etag_and_an_immutable_private_cache_lifetime()
    {
        var url = Sign(_image.Id) + "image_files/9/1_1.jpg";
        var response = await _http.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType!.MediaType);
        Assert.False(response.Headers.ETag!.IsWeak);
        var cache = response.Headers.CacheControl!;
        Assert.True(cache.Private);
        Assert.Equal(TimeSpan.FromDays(365), cache.MaxAge);
        Assert.Contains(cache.Extensions, e => e.Name == "immutable");
        var onDisk = File.ReadAllBytes(Path.Combine(_app.DataDirectory, _image.StorageDirectory!, "image_files", "9", "1_1.jpg"));
        Assert.Equal(onDisk, await response.Content.ReadAsByteArrayAsync());

        var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(response.Headers.ETag);
        var notModified = await _http.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("W/{0}")]                 // a weak form of the same tag
    [InlineData("\"other\", {0}")]        // one of a list
    [InlineData("*")]
    public async Task A_client_holding_the_tile_in_any_accepted_form_gets_not_modified(string ifNoneMatch)
    {
        var url = Sign(_image.Id) + "image_files/9/0_0.jpg";
        var etag = (await _http.GetAsync(url)).Headers.ETag!.Tag;
        var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.TryAddWithoutValidation("If-None-Match", string.Format(ifNoneMatch, etag));
        var response = await _http.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(etag, response.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task A_stale_etag_gets_the_tile_again()
    {
        var url = Sign(_image.Id) + "image_files/9/0_0.jpg";
        var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.TryAddWithoutValidation("If-None-Match", "\"1-1\", W/\"2-2\"");
        var response = await _http.SendAsync(again);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_head_request_gets_the_headers_and_length_without_the_body()
    {
        var url = Sign(_image.Id) + "image_files/9/0_0.jpg";
        var body = await (await _http.GetAsync(url)).Content.ReadAsByteArrayAsync();
        var head = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("image/jpeg", head.Content.Headers.ContentType!.MediaType);
        Assert.Equal(body.Length, head.Content.Headers.ContentLength);
        Assert.NotNull(head.Headers.ETag);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_dzi_thumbnail_and_iiif_files_are_served_and_info_json_names_the_url_it_was_fetched_from()
    {
        var prefix = Sign(_image.Id);
        var dzi = await _http.GetAsync(prefix + "image.dzi");
        Assert.Equal(HttpStatusCode.OK, dzi.StatusCode);
        Assert.Contains("TileSize=\"256\"", await dzi.Content.ReadAsStringAsync());
        Assert.Equal("image/jpeg", (await _http.GetAsync(prefix + "thumbnail.jpg")).Content.Headers.ContentType!.MediaType);

        var info = await _http.GetAsync(prefix + "iiif/info.json");
        Assert.Equal("application/ld+json", info.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await info.Content.ReadAsStringAsync());
        Assert.Equal($"http://localhost{prefix}iiif", json.RootElement.GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync(prefix + "iiif/256,256,256,256/256,256/0/default.jpg")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync(prefix + "iiif/full/max/0/default.jpg")).StatusCode);
    }

    [Fact]
    public async Task A_tampered_or_borrowed_signature_is_forbidden_whether_or_not_the_image_exists()
    {
        var prefix = Sign(_image.Id);
        var parts = prefix.Split('/'); // "", "tiles", id, version, expiry, signature, ""
        var (version, expiry, signature) = (parts[3], parts[4], parts[5]);
        var tampered = $"/tiles/{_image.Id}/{version}/{expiry}/{signature[..^2]}AA/image.dzi";
        var borrowed = $"/tiles/{_image.Id + 1}/{version}/{expiry}/{signature}/image.dzi";
        var nonexistent = $"/tiles/999999/{version}/{expiry}/{signature}/image.dzi";
        var extended = $"/tiles/{_image.Id}/{version}/{long.Parse(expiry) + 3600}/{signature}/image.dzi";
        var otherVersion = $"/tiles/{_image.Id}/{new string('0', version.Length)}/{expiry}/{signature}/image.dzi";
        // Served once first: the signer remembers signatures it has verified, which must not widen what they open.
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync(prefix + "image.dzi")).StatusCode);

        foreach (var url in new[] { tampered, borrowed, nonexistent, extended, otherVersion })
            Assert.Equal(HttpStatusCode.Forbidden, (await _http.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task A_signed_url_stops_working_when_it_expires()
    {
        var url = Sign(_image.Id, TimeSpan.FromMinutes(5)) + "image.dzi";
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync(url)).StatusCode);

        _app.Clock.Advance(TileUrlSigner.ExpiryStep + TimeSpan.FromMinutes(6));
        Assert.Equal(HttpStatusCode.Forbidden, (await _http.GetAsync(url)).StatusCode);
    }

    [Theory]
    [InlineData("original.tif")]              // the upload itself is never served
    [InlineData("image_files/../original.tif")]
    [InlineData("stats.json/../../../keys")]
    [InlineData("image_files/9/99_99.jpg")]   // well-formed but absent
    public async Task Only_files_ingest_wrote_are_served(string path)
    {
        var response = await _http.GetAsync(Sign(_image.Id) + path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_image_still_processing_is_not_served_even_with_a_valid_signature()
    {
        var pending = await _app.WithDbAsync(async db =>
        {
            var image = new Image { ProjectId = _image.ProjectId, Name = "pending", UploadedAt = DateTimeOffset.UtcNow, State = ImageProcessingState.Processing, StorageDirectory = _image.StorageDirectory };
            db.Images.Add(image);
            await db.SaveChangesAsync();
            return image;
        });
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync(Sign(pending.Id) + "image.dzi")).StatusCode);
    }

    [Fact]
    public async Task A_correctly_signed_url_for_a_version_the_image_no_longer_has_is_not_found()
    {
        // What a browser holds after the image's file was replaced: its old URLs must not resolve to the new files.
        var stale = Sign(_image.Id, version: "0123456789abcdef0123456789abcdef") + "image.dzi";
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync(stale)).StatusCode);
    }
}
