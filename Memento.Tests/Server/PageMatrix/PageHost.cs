using System.Net;
using Memento.Domain.Data;
using Memento.Tests.Schema.Api.RoleMatrix;
using Memento.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Memento.Tests.Server.PageMatrix;

/// <summary>
/// The whole server in memory (<see cref="MementoAppFactory"/>) over a private copy of the role matrix's world:
/// the template database file is copied into the factory's data directory before the host starts, so the pages see
/// the same users, scopes and PRIV markers as the API's matrix. Each caller gets a browser-like client that signed
/// in through /login with <see cref="MatrixWorld.Password"/> (or none, for callers without an account).
/// </summary>
public sealed class PageHost : IAsyncDisposable
{
    private readonly MementoAppFactory app;
    private readonly Dictionary<string, BrowserClient> clients = [];

    private PageHost(MatrixWorld world, MementoAppFactory app)
    {
        World = world;
        this.app = app;
    }

    public MatrixWorld World { get; }

    public IServiceProvider Services => app.Services;

    public string DatabaseFile => Path.Combine(app.DataDirectory, MementoDatabase.SqliteFileName);

    public static async Task<PageHost> CreateAsync()
    {
        var (world, template) = await MatrixTemplate.GetAsync();
        // Every caller signs in from the same test address; the per-address budget is LoginTests' concern.
        var app = new MementoAppFactory(new Dictionary<string, string?> { ["Memento:LoginAttemptsPerMinute"] = "100000" });
        var file = Path.Combine(app.DataDirectory, MementoDatabase.SqliteFileName);
        File.Copy(template, file);
        // The world was seeded at MatrixWorld.Now, the host runs on the real clock (its cookies go to a real cookie
        // jar): the share links' 7-day lifetime would be over. Revoked stays revoked.
        await using (var connection = new SqliteConnection(MementoDatabase.SqliteConnectionString(file) + ";Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE ShareLinks SET ExpiresAt = NULL";
            await command.ExecuteNonQueryAsync();
        }
        return new PageHost(world, app);
    }

    public Task<DatabaseFingerprint> FingerprintAsync() => DatabaseFingerprint.ReadAsync(DatabaseFile);

    /// <summary>The caller's client, signed in on first use.</summary>
    public async Task<BrowserClient> ClientAsync(string caller)
    {
        if (clients.TryGetValue(caller, out var client)) return client;
        client = app.CreateBrowser();
        if (PageRows.SignedIn.Contains(caller)) await client.SignInAsync(caller, MatrixWorld.Password);
        clients[caller] = client;
        return client;
    }

    /// <summary>
    /// Sends the row's request as the caller, as their browser would: a post carries the caller's own antiforgery
    /// token (taken from a page they may open), so a refusal is the page's, not the forgery check's.
    /// </summary>
    public async Task<(HttpResponseMessage Response, string Body)> SendAsync(PageRow row, string caller)
    {
        var client = await ClientAsync(caller);
        var url = row.Url(World, caller);
        if (!row.IsPost)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.ParseAdd("text/html");
            if (row.Htmx) request.Headers.Add("HX-Request", "true");
            var response = await client.Http.SendAsync(request);
            return (response, await response.Content.ReadAsStringAsync());
        }
        var fields = row.Form(World, caller).ToList();
        fields.Insert(0, await AntiforgeryFieldAsync(client, caller));
        if (row.Multipart) return await PostMultipartAsync(client, url, fields, row.UploadsFile);
        var (posted, _) = await client.PostAsync(url, fields);
        return (posted, await posted.Content.ReadAsStringAsync());
    }

    /// <summary>A 1×1 PNG: a real image file for upload forms.</summary>
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private static async Task<(HttpResponseMessage, string)> PostMultipartAsync(BrowserClient client, string url,
        List<KeyValuePair<string, string>> fields, bool withFile)
    {
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields) content.Add(new StringContent(value), name);
        if (withFile)
            content.Add(new ByteArrayContent(Png) { Headers = { ContentType = new("image/png") } }, "file", "pixel.png");
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.Accept.ParseAdd("text/html");
        var response = await client.Http.SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }

    private static async Task<KeyValuePair<string, string>> AntiforgeryFieldAsync(BrowserClient client, string caller)
    {
        // Every signed-in page carries the sign-out form; the login page has its own.
        var source = PageRows.SignedIn.Contains(caller) ? "/account/tokens" : "/login";
        var (response, page) = await client.GetPageAsync(source);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{caller} could not open {source} for an antiforgery token");
        var input = page.QuerySelector("input[name=__RequestVerificationToken]")
                    ?? throw new Xunit.Sdk.XunitException($"{source} has no antiforgery field");
        return KeyValuePair.Create("__RequestVerificationToken", input.GetAttribute("value") ?? "");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in clients.Values) client.Dispose();
        await app.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }
}
