using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Memento.Domain.Accounts;
using Memento.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Memento.Tests.Server;

/// <summary>The product schema served by the real host at /graphql, with the host's own authentication.</summary>
public sealed class GraphQLEndpointTests : IDisposable
{
    private readonly MementoAppFactory app = new();

    public void Dispose() => app.Dispose();

    private async Task<HttpClient> ScriptForAsync(string userName)
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

    [Fact]
    public async Task The_served_sdl_is_the_committed_schema_graphql()
    {
        using var client = app.CreateClient();
        var served = await client.GetStringAsync("/graphql?sdl");
        var committedPath = Path.Combine(RepositoryRoot(), "schema.graphql");
        if (Environment.GetEnvironmentVariable("MEMENTO_UPDATE_SNAPSHOTS") == "1")
            await File.WriteAllTextAsync(committedPath, served);
        var committed = await File.ReadAllTextAsync(committedPath);
        Assert.True(committed == served,
            "schema.graphql differs from the served schema; review the API change and rerun with MEMENTO_UPDATE_SNAPSHOTS=1:\n"
            + LineDiff.Format(committed, served));
    }

    [Fact]
    public async Task Anyone_can_ask_for_health_and_version()
    {
        using var client = app.CreateClient();
        var result = await PostAsync(client, "{ health version }");
        Assert.Equal("ok", result.GetProperty("data").GetProperty("health").GetString());
        Assert.False(string.IsNullOrEmpty(result.GetProperty("data").GetProperty("version").GetString()));
    }

    [Fact]
    public async Task A_script_with_a_token_creates_a_project_and_an_outsider_cannot_read_it()
    {
        using var alice = await ScriptForAsync("alice");
        var created = await PostAsync(alice, """mutation { createProject(input: { name: "Kidney_2026" }) { project { id name } } }""");
        var id = created.GetProperty("data").GetProperty("createProject").GetProperty("project").GetProperty("id").GetInt64();

        // Two root fields in one request share the request's database context: they must not collide.
        var mine = await PostAsync(alice, $"{{ a: project(id: {id}) {{ name }} b: myProjects {{ name }} c: projectByName(name: \"Kidney_2026\") {{ id }} }}");
        Assert.False(mine.TryGetProperty("errors", out _), mine.ToString());
        Assert.Equal("Kidney_2026", mine.GetProperty("data").GetProperty("a").GetProperty("name").GetString());
        Assert.Equal(id, mine.GetProperty("data").GetProperty("c").GetProperty("id").GetInt64());

        using var bob = await ScriptForAsync("bob");
        var refused = await PostAsync(bob, $"{{ project(id: {id}) {{ name }} }}");
        Assert.Equal("FORBIDDEN", refused.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.DoesNotContain("Kidney_2026", refused.ToString());

        using var anonymous = app.CreateClient();
        var anon = await PostAsync(anonymous, $"{{ project(id: {id}) {{ name }} }}");
        Assert.DoesNotContain("Kidney_2026", anon.ToString());
        Assert.Contains(anon.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString(),
            new[] { "UNAUTHENTICATED", "FORBIDDEN" });
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Memento.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
    }
}
