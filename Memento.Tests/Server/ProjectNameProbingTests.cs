using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Memento.Domain.Accounts;
using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Memento.Domain.Services.Projects;
using Memento.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Memento.Tests.Server;

/// <summary>
/// Issue 10, finding 6a: a user with no role on a project must not learn that it exists. Project names are unique
/// per owner, so creating, getting-or-creating and renaming to a name that only someone else's hidden project
/// carries simply works, and a conflict only ever names a project of the caller's own. Through /graphql on
/// every database, since the rule lives in a unique index.
/// </summary>
public sealed class ProjectNameProbingTests
{
    private const string Create = "mutation($n: String!) { createProject(input: {name: $n}) { project { id name ownerId } } }";
    private const string GetOrCreate =
        "mutation($n: String!) { getOrCreateProject(input: {name: $n}) { created project { id name ownerId } } }";
    private const string Rename = "mutation($id: Long!, $n: String!) { renameProject(input: {id: $id, name: $n}) { project { id name } } }";
    private const string ByName = "query($n: String!) { projectByName(name: $n) { id } }";

    /// <summary>The server on a fresh database of <paramref name="provider"/>, with alice's hidden "Secret".</summary>
    private sealed class World : IAsyncDisposable
    {
        private TestDatabase database = null!;
        public MementoAppFactory App { get; private set; } = null!;
        public HttpClient Alice { get; private set; } = null!;
        public HttpClient Bob { get; private set; } = null!;
        public long AliceId { get; private set; }
        public long BobId { get; private set; }
        public long Secret { get; private set; }

        public static async Task<World> CreateAsync(DatabaseProvider provider)
        {
            var world = new World { database = await TestDatabase.CreateAsync(provider) };
            // The server migrates the empty database itself, as on a first start.
            world.App = new MementoAppFactory(new Dictionary<string, string?> { ["Memento:Database"] = world.database.ConnectionString ?? "" });
            (world.Alice, world.AliceId) = await ScriptForAsync(world.App, "alice");
            (world.Bob, world.BobId) = await ScriptForAsync(world.App, "bob");
            world.Secret = Id(Data(await PostAsync(world.Alice, Create, new { n = "Secret" }), "createProject"));
            return world;
        }

        public async ValueTask DisposeAsync()
        {
            Alice.Dispose();
            Bob.Dispose();
            App.Dispose();
            await database.DisposeAsync();
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Creating_a_project_named_like_a_hidden_one_succeeds_and_makes_the_callers_own(DatabaseProvider provider)
    {
        await using var world = await World.CreateAsync(provider);

        var created = Data(await PostAsync(world.Bob, Create, new { n = "Secret" }), "createProject");

        Assert.NotEqual(world.Secret, Id(created));
        Assert.Equal("Secret", created.GetProperty("project").GetProperty("name").GetString());
        Assert.Equal(world.BobId, created.GetProperty("project").GetProperty("ownerId").GetInt64());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Get_or_create_never_hands_out_a_hidden_project_and_prefers_the_callers_own(DatabaseProvider provider)
    {
        await using var world = await World.CreateAsync(provider);

        var first = Data(await PostAsync(world.Bob, GetOrCreate, new { n = "Secret" }), "getOrCreateProject");
        var again = Data(await PostAsync(world.Bob, GetOrCreate, new { n = "Secret" }), "getOrCreateProject");
        var found = Data(await PostAsync(world.Bob, ByName, new { n = "Secret" }), "projectByName");

        Assert.True(first.GetProperty("created").GetBoolean());
        Assert.NotEqual(world.Secret, Id(first));
        Assert.Equal(world.BobId, first.GetProperty("project").GetProperty("ownerId").GetInt64());
        Assert.False(again.GetProperty("created").GetBoolean());
        Assert.Equal(Id(first), Id(again));
        Assert.Equal(Id(first), found.GetProperty("id").GetInt64());
        // Alice still finds her own, not bob's.
        var alices = Data(await PostAsync(world.Alice, GetOrCreate, new { n = "Secret" }), "getOrCreateProject");
        Assert.Equal(world.Secret, Id(alices));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_participant_getting_a_shared_project_by_name_gets_that_project(DatabaseProvider provider)
    {
        await using var world = await World.CreateAsync(provider);
        var grant = await PostAsync(world.Alice,
            "mutation($u: Long!, $p: Long!) { grantRole(input: {userId: $u, code: \"propar\", scopeId: $p}) { permission { code } } }",
            new { u = world.BobId, p = world.Secret });
        Assert.False(grant.TryGetProperty("errors", out _), grant.GetRawText());

        var got = Data(await PostAsync(world.Bob, GetOrCreate, new { n = "Secret" }), "getOrCreateProject");

        // The manual's import script run by a participant must land in the shared project, not a private copy.
        Assert.False(got.GetProperty("created").GetBoolean());
        Assert.Equal(world.Secret, Id(got));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_second_project_of_the_same_name_for_the_same_owner_is_a_conflict_naming_only_the_callers_own(
        DatabaseProvider provider)
    {
        await using var world = await World.CreateAsync(provider);
        Data(await PostAsync(world.Bob, Create, new { n = "Secret" }), "createProject");

        var second = await PostAsync(world.Bob, Create, new { n = "Secret" });

        var error = second.GetProperty("errors")[0];
        Assert.Equal(ErrorCodes.Conflict, error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(ProjectMessages.YouAlreadyHave("Secret"), error.GetProperty("message").GetString());
        Assert.Equal(2, await world.App.WithDbAsync(db => Task.FromResult(db.Projects.Count(p => p.Name == "Secret"))));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Renaming_to_a_name_only_a_hidden_project_has_succeeds_and_to_an_own_name_is_a_conflict(
        DatabaseProvider provider)
    {
        await using var world = await World.CreateAsync(provider);
        var draft = Id(Data(await PostAsync(world.Bob, Create, new { n = "Draft" }), "createProject"));
        Data(await PostAsync(world.Bob, Create, new { n = "Kept" }), "createProject");

        var renamed = Data(await PostAsync(world.Bob, Rename, new { id = draft, n = "Secret" }), "renameProject");
        var clash = await PostAsync(world.Bob, Rename, new { id = draft, n = "Kept" });

        Assert.Equal("Secret", renamed.GetProperty("project").GetProperty("name").GetString());
        var error = clash.GetProperty("errors")[0];
        Assert.Equal(ErrorCodes.Conflict, error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(ProjectMessages.YouAlreadyHave("Kept"), error.GetProperty("message").GetString());
    }

    private static async Task<(HttpClient Client, long UserId)> ScriptForAsync(MementoAppFactory app, string userName)
    {
        var user = await app.CreateUserAsync(userName, userName + "'s password", isProAdm: true) /* scripts that create projects */;
        await using var scope = app.Services.CreateAsyncScope();
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateApiTokenAsync(user.Id, "test");
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return (client, user.Id);
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string query, object variables)
    {
        var body = JsonSerializer.Serialize(new { query, variables });
        using var response = await client.PostAsync("/graphql", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>The field's data, failing with the whole response when the request had errors.</summary>
    private static JsonElement Data(JsonElement response, string field)
    {
        Assert.False(response.TryGetProperty("errors", out _), response.GetRawText());
        return response.GetProperty("data").GetProperty(field);
    }

    private static long Id(JsonElement payload) => payload.GetProperty("project").GetProperty("id").GetInt64();
}
