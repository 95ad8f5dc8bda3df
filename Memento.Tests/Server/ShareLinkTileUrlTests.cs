using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Memento.Domain.Accounts;
using Memento.Domain.Model;
using Memento.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Memento.Tests.Server.TilesTestSupport;

namespace Memento.Tests.Server;

/// <summary>
/// The tile URLs a share-link holder receives die with the link: revoked (on any instance, within the refresh
/// interval), expired, or tampered with, they answer 403; and they never live longer than the link itself.
/// </summary>
public sealed class ShareLinkTileUrlTests(ShareLinkTileUrlTests.ReadyImage fx) : IClassFixture<ShareLinkTileUrlTests.ReadyImage>
{
    /// <summary>Refresh interval of the revocation set in these tests: short, so no test sleeps long.</summary>
    private static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(200);

    /// <summary>One server with one ready image and a system administrator's API client.</summary>
    public sealed class ReadyImage : IAsyncLifetime
    {
        public MementoAppFactory App { get; } = new(new Dictionary<string, string?>(FastPolling)
        {
            ["Memento:Imaging:ShareLinkRefreshInterval"] = "00:00:00.200",
            // Not the default, so the test shows the setting is honoured rather than a constant that happens to match.
            ["Memento:Imaging:TileUrlLifetime"] = "02:00:00",
        });
        public HttpClient Admin { get; private set; } = null!;
        public Image Image { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var user = await App.CreateUserAsync("sharer", "sharer's password", isSysAdmin: true);
            await using (var scope = App.Services.CreateAsyncScope())
            {
                var (_, secret) = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateApiTokenAsync(user.Id, "test");
                Admin = App.CreateClient();
                Admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            }
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

    private static async Task<JsonElement> GraphQLAsync(HttpClient client, string query, object? variables = null)
    {
        var body = JsonSerializer.Serialize(new { query, variables });
        using var response = await client.PostAsync("/graphql", new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var result = JsonDocument.Parse(text).RootElement.Clone();
        Assert.False(result.TryGetProperty("errors", out _), text);
        return result.GetProperty("data");
    }

    private async Task<(long Id, string Token, DateTimeOffset ExpiresAt)> ShareAsync(int hours)
    {
        var data = await GraphQLAsync(fx.Admin,
            "mutation($i: Long!, $h: Int) { createShareLink(input: {imageId: $i, expiresInHours: $h}) { token link { id expiresAt } } }",
            new { i = fx.Image.Id, h = hours });
        var created = data.GetProperty("createShareLink");
        var link = created.GetProperty("link");
        return (link.GetProperty("id").GetInt64(), created.GetProperty("token").GetString()!,
            link.GetProperty("expiresAt").GetDateTimeOffset());
    }

    /// <summary>The descriptor URL an anonymous visitor of the link gets, as the shared-image page asks for it.</summary>
    private async Task<string> HolderDziUrlAsync(string token)
    {
        var data = await GraphQLAsync(_app.CreateClient(), "query($t: String!) { sharedItem(token: $t) { image { dziUrl } } }",
            new { t = token });
        return data.GetProperty("sharedItem").GetProperty("image").GetProperty("dziUrl").GetString()!;
    }

    private static (long Expiry, string Signature) PrefixOf(string url)
    {
        var parts = new Uri(new Uri("http://localhost"), url).AbsolutePath.Split('/'); // "", tiles, id, version, expiry, signature, file
        return (long.Parse(parts[4]), parts[5]);
    }

    private async Task<HttpStatusCode> FetchAsync(string url) => (await _app.CreateClient().GetAsync(url)).StatusCode;

    /// <summary>Polls for a little longer than the refresh interval; a revoked link's URL must stop in that time.</summary>
    private async Task<HttpStatusCode> StatusAfterRefreshAsync(string url)
    {
        var until = DateTime.UtcNow + Refresh * 10;
        HttpStatusCode status;
        while ((status = await FetchAsync(url)) == HttpStatusCode.OK && DateTime.UtcNow < until)
            await Task.Delay(Refresh / 2);
        return status;
    }

    [Fact]
    public async Task A_holders_tile_url_works_until_the_link_is_revoked_then_answers_403_within_the_refresh_interval()
    {
        var (id, token, _) = await ShareAsync(24);
        var url = await HolderDziUrlAsync(token);
        Assert.Equal(HttpStatusCode.OK, await FetchAsync(url));
        Assert.Equal(HttpStatusCode.OK, await FetchAsync(url)); // served twice: the second from the verified cache

        await GraphQLAsync(fx.Admin, "mutation($i: Long!) { revokeShareLink(input: {id: $i}) { revokedId } }", new { i = id });

        Assert.Equal(HttpStatusCode.Forbidden, await StatusAfterRefreshAsync(url));
    }

    [Fact]
    public async Task An_expired_links_tile_urls_stop_with_it()
    {
        var (_, token, expiresAt) = await ShareAsync(1);
        var url = await HolderDziUrlAsync(token);
        Assert.Equal(HttpStatusCode.OK, await FetchAsync(url));

        _app.Clock.Advance(expiresAt - _app.Clock.GetUtcNow() + TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.Forbidden, await FetchAsync(url));
    }

    [Fact]
    public async Task A_holders_url_never_outlives_the_link_nor_the_holder_url_lifetime()
    {
        var now = _app.Clock.GetUtcNow().ToUnixTimeSeconds();
        var (_, shortToken, shortEnd) = await ShareAsync(1);
        Assert.True(PrefixOf(await HolderDziUrlAsync(shortToken)).Expiry <= shortEnd.ToUnixTimeSeconds());

        var (_, longToken, _) = await ShareAsync(24 * 7);
        var expiry = PrefixOf(await HolderDziUrlAsync(longToken)).Expiry;
        Assert.InRange(expiry, now + 1, now + (long)TimeSpan.FromHours(1).TotalSeconds);
    }

    [Fact]
    public async Task A_tampered_link_id_in_the_prefix_is_forbidden()
    {
        var (id, token, _) = await ShareAsync(24);
        var url = await HolderDziUrlAsync(token);
        var (_, signature) = PrefixOf(url);
        Assert.StartsWith($"{id}.", signature, StringComparison.Ordinal); // the prefix names the link it depends on
        Assert.Equal(HttpStatusCode.OK, await FetchAsync(url));

        var mac = signature[(signature.IndexOf('.') + 1)..];
        foreach (var forged in new[] { $"{id + 1}.{mac}", $"0{id}.{mac}", mac })
            Assert.Equal(HttpStatusCode.Forbidden, await FetchAsync(url.Replace(signature, forged, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_signed_in_readers_tile_url_lives_the_configured_tile_url_lifetime()
    {
        var data = await GraphQLAsync(fx.Admin, "query($i: Long!) { image(id: $i) { dziUrl } }", new { i = fx.Image.Id });
        var url = data.GetProperty("image").GetProperty("dziUrl").GetString()!;
        var (expiry, signature) = PrefixOf(url);
        Assert.DoesNotContain('.', signature);
        var now = _app.Clock.GetUtcNow().ToUnixTimeSeconds();
        // The configured 2 hours, rounded up to the signer's one-hour step.
        Assert.InRange(expiry, now + (long)TimeSpan.FromHours(2).TotalSeconds, now + (long)TimeSpan.FromHours(3).TotalSeconds);
        Assert.Equal(HttpStatusCode.OK, await FetchAsync(url));
    }
}
