using System.Net.Http.Json;
using System.Text.Json;
using Memento.Tests.Server;
using Microsoft.Playwright;

namespace Memento.Tests.Browser.Support;

/// <summary>
/// One Chromium and one live server (a real Memento.Server process on its own port and data directory) shared by
/// every browser test class in the <see cref="BrowserCollection"/>: starting either costs seconds, and the machine
/// has two cores. Tests keep out of each other's way by naming what they create uniquely (<see cref="Unique"/>).
/// Setting up a scene (users, grants) goes through the GraphQL API as the admin; the actions under test are done
/// in the page, as a person would.
/// </summary>
public sealed class BrowserWorld : IAsyncLifetime
{
    private readonly ChromiumFixture chromium = new();
    private readonly HttpClient api = new();
    private string? adminToken;

    public LiveServer Server { get; } = new();
    public IBrowser Browser => chromium.Browser;
    public string Url => Server.Url;

    public async Task InitializeAsync()
    {
        await Task.WhenAll(chromium.InitializeAsync(), Server.InitializeAsync());
        var login = await GraphQLAsync(
            "mutation($u: String!, $p: String!, $n: String) { login(input: { username: $u, password: $p, mode: TOKEN, tokenName: $n }) { token } }",
            new { u = "admin", p = LiveServer.Password, n = "browser tests" }, token: null);
        adminToken = login.GetProperty("login").GetProperty("token").GetString();
    }

    public async Task DisposeAsync()
    {
        api.Dispose();
        await chromium.DisposeAsync();
        await Server.DisposeAsync();
    }

    /// <summary>A name no other test uses, readable in screenshots: "Kidney 3f2a".</summary>
    public static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>A fresh browser context (own cookies) signed in through the login page.</summary>
    public async Task<(IBrowserContext Context, IPage Page)> SignInAsync(string userName = "admin",
        string password = LiveServer.Password, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = javaScript });
        var page = await context.NewPageAsync();
        await page.GotoAsync(Url + "login");
        await page.FillAsync("input[name=userName]", userName);
        await page.FillAsync("input[name=password]", password);
        await page.ClickAsync("form button[type=submit]");
        // Commit, not load: the landing page's thumbnails can be slow while other tests ingest on the shared server,
        // and every caller opens its own page next anyway.
        await page.WaitForURLAsync(url => !url.Contains("/login"), new() { WaitUntil = WaitUntilState.Commit });
        return (context, page);
    }

    /// <summary>A signed-in user with the given system-level flag, made through the API as the admin.</summary>
    public async Task<(long Id, string Name, string Password)> CreateUserAsync(string name, bool isSysadm = false)
    {
        var userName = Unique(name).Replace(' ', '-');
        const string password = "browser-user-password-1";
        var data = await AdminAsync("mutation($u: String!, $p: String!, $s: Boolean!) { createUser(input: { username: $u, password: $p, isSysadm: $s }) { user { id } } }",
            new { u = userName, p = password, s = isSysadm });
        var id = data.GetProperty("createUser").GetProperty("user").GetProperty("id");
        // Long is a number on the wire (an id beyond 2^53 would come as a string).
        return (id.ValueKind == JsonValueKind.String ? long.Parse(id.GetString()!) : id.GetInt64(), userName, password);
    }

    /// <summary>Runs a GraphQL operation as the admin (scene setup only) and returns its data; errors fail the test.</summary>
    public Task<JsonElement> AdminAsync(string query, object? variables = null) => GraphQLAsync(query, variables, adminToken);

    private async Task<JsonElement> GraphQLAsync(string query, object? variables, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Url + "graphql")
        {
            Content = JsonContent.Create(new { query, variables }),
        };
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        using var response = await api.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (body.TryGetProperty("errors", out var errors))
            throw new InvalidOperationException($"Scene setup failed: {errors}");
        return body.GetProperty("data");
    }
}

/// <summary>Browser test classes share one <see cref="BrowserWorld"/> (and so run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserWorld>
{
    public const string Name = "Browser";
}
