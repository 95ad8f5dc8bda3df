using Memento.Domain.Services.Projects;
using System.Text.Json;
using Memento.GraphQL.Execution;
using Memento.GraphQL.Types;
using Memento.Schema.Api;
using Memento.Schema.Api.Common;
using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Memento.Domain.Services;
using Memento.Tests.Domain.Services.Support;
using Memento.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Memento.Tests.Schema.Api;

/// <summary>The project queries and mutations through the GraphQL executor, with the domain errors as codes.</summary>
public sealed class ProjectApiTests : IAsyncLifetime
{
    private ServiceWorld world = null!;
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        world = await ServiceWorld.CreateAsync();
        services = ApiServices.Build(world.Clock, () => world.NewContext(), world.DataDirectory);
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await world.DisposeAsync();
    }

    private GraphQLSchema? schema;

    private async Task<JsonElement> Run(string role, string query, Dictionary<string, object?>? variables = null)
    {
        return await ApiServices.RunAsync(services, schema ??= ApiServices.Schema(services), world.As(role), query, variables);
    }

    [Fact]
    public async Task GetOrCreateProject_is_idempotent_through_the_api()
    {
        const string mutation = "mutation($i: CreateProjectInput!) { getOrCreateProject(input: $i) { created project { id name } } }";
        var input = new Dictionary<string, object?> { ["i"] = new Dictionary<string, object?> { ["name"] = "Kidney_2026" } };
        var raw = await Run("owner", mutation, input); // owner holds the system-level proadm code
        Assert.True(raw.TryGetProperty("data", out _), raw.ToString());
        var first = raw.GetProperty("data").GetProperty("getOrCreateProject");
        var second = (await Run("owner", mutation, input)).GetProperty("data").GetProperty("getOrCreateProject");
        Assert.True(first.GetProperty("created").GetBoolean());
        Assert.False(second.GetProperty("created").GetBoolean());
        Assert.Equal(first.GetProperty("project").GetProperty("id").ToString(), second.GetProperty("project").GetProperty("id").ToString());
    }

    [Fact]
    public async Task A_refused_read_is_a_FORBIDDEN_error_with_no_data()
    {
        var response = await Run("outsider", $"{{ project(id: {world.Kidney}) {{ name settings }} }}");
        var error = response.GetProperty("errors")[0];
        Assert.Equal(ErrorCodes.Forbidden, error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.DoesNotContain("Kidney", response.ToString());
    }

    [Fact]
    public async Task Anonymous_callers_are_told_to_sign_in_and_invalid_names_name_the_field()
    {
        var anonymous = await Run("anonymous", """mutation { createProject(input: {name: "x"}) { project { id } } }""");
        Assert.Equal(ErrorCodes.Unauthenticated, anonymous.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        var blank = await Run("owner", """mutation { createProject(input: {name: "  "}) { project { id } } }""");
        var extensions = blank.GetProperty("errors")[0].GetProperty("extensions");
        Assert.Equal((ErrorCodes.Validation, "name"), (extensions.GetProperty("code").GetString(), extensions.GetProperty("field").GetString()));
    }

    [Fact]
    public async Task A_signed_in_user_without_the_system_level_proadm_code_may_not_create_projects()
    {
        foreach (var role in new[] { "outsider", "proadm" }) // a project's proadm administers that project only
        {
            var refused = await Run(role, """mutation { createProject(input: {name: "Mine"}) { project { id } } }""");
            var error = refused.GetProperty("errors")[0];
            Assert.Equal(ErrorCodes.Forbidden, error.GetProperty("extensions").GetProperty("code").GetString());
            Assert.Equal(ProjectMessages.MayNotCreate, error.GetProperty("message").GetString());
        }
    }

    [Fact]
    public async Task MyProjects_lists_what_the_caller_can_open()
    {
        var response = await Run("catvie", "{ myProjects { name visibility } }");
        Assert.Equal("""[{"name":"Kidney","visibility":"PRIVATE"},{"name":"Open","visibility":"PUBLIC"}]""",
            response.GetProperty("data").GetProperty("myProjects").GetRawText());
    }

    [Fact]
    public async Task The_import_scripts_calls_are_idempotent_and_the_export_hides_sibling_categories()
    {
        const string annotation = """
            mutation($c: Long!) { getOrCreateAnnotation(input: {categoryId: $c, name: "mouse_01",
              layer: {name: "channels", isGroup: true, sequence: 4}}) { created annotation { id } firstLayer { id kind } } }
            """;
        var vars = new Dictionary<string, object?> { ["c"] = world.WT };
        var first = await Run("proadm", annotation, vars);
        var second = await Run("proadm", annotation, vars);
        Assert.True(first.TryGetProperty("data", out var data), first.ToString());
        Assert.Equal("GROUP", data.GetProperty("getOrCreateAnnotation").GetProperty("firstLayer").GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("data").GetProperty("getOrCreateAnnotation").GetProperty("firstLayer").ValueKind);
        var rows = await Run("catpar", $"{{ projectData(projectId: {world.Kidney}) {{ category annotation status imageUri }} }}");
        Assert.True(rows.TryGetProperty("data", out var exported), rows.ToString());
        var categories = exported.GetProperty("projectData").EnumerateArray().Select(r => r.GetProperty("category").GetString()).Distinct();
        Assert.Equal(["WT"], categories);
        var summary = await Run("catpar", $"{{ projectSummary(projectId: {world.Kidney}) {{ totalAnnotations }} }}");
        Assert.Equal(3, summary.GetProperty("data").GetProperty("projectSummary").GetProperty("totalAnnotations").GetInt32());
    }

    [Fact]
    public async Task Layers_are_got_or_created_by_name_and_roles_granted_by_code()
    {
        var layer = $$"""mutation { getOrCreateLayer(input: {annotationId: {{world.Wt1}}, name: "GFP", imageId: {{world.ImgWt1}}}) { created layer { id sequence kind } } }""";
        var first = await Run("proadm", layer);
        Assert.True(first.TryGetProperty("data", out var data), first.ToString());
        Assert.Equal(2, data.GetProperty("getOrCreateLayer").GetProperty("layer").GetProperty("sequence").GetInt32());
        var again = await Run("proadm", layer);
        Assert.False(again.GetProperty("data").GetProperty("getOrCreateLayer").GetProperty("created").GetBoolean());
        var grant = await Run("proadm", $$"""mutation { grantRole(input: {userId: {{world.Users["outsider"]}}, code: "catpar", scopeId: {{world.KO}}}) { permission { code } } }""");
        Assert.Equal("catpar", grant.GetProperty("data").GetProperty("grantRole").GetProperty("permission").GetProperty("code").GetString());
        var bad = await Run("proadm", $$"""mutation { grantRole(input: {userId: 1, code: "king", scopeId: 1}) { permission { code } } }""");
        Assert.Equal(ErrorCodes.Validation, bad.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task SetProjectSettings_refuses_an_unknown_key_with_the_editor_pages_message_and_saves_nothing()
    {
        const string mutation = "mutation($i: SetSettingsInput!) { setProjectSettings(input: $i) { project { settings } } }";
        var bad = await Run("proadm", mutation, new() { ["i"] = new Dictionary<string, object?> { ["id"] = world.Kidney, ["settings"] = "darkmode:1,colour:red" } });
        var error = bad.GetProperty("errors")[0];
        Assert.Equal(ErrorCodes.Validation, error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("settings", error.GetProperty("extensions").GetProperty("field").GetString());
        // The very message the project editor shows next to its settings field.
        var expected = Assert.Throws<MementoException>(() => Memento.Domain.Services.Projects.ProjectSettings.Validate("darkmode:1,colour:red")).Message;
        Assert.Equal(expected, error.GetProperty("message").GetString());
        Assert.Contains("'colour'", expected);

        var read = await Run("proadm", $"{{ project(id: {world.Kidney}) {{ settings labels {{ name }} }} }}");
        Assert.Equal("", read.GetProperty("data").GetProperty("project").GetProperty("settings").GetString());

        var good = await Run("proadm", mutation, new() { ["i"] = new Dictionary<string, object?> { ["id"] = world.Kidney, ["settings"] = " darkmode : 1 , clastype:l " } });
        Assert.Equal("darkmode:1,clastype:l", good.GetProperty("data").GetProperty("setProjectSettings").GetProperty("project").GetProperty("settings").GetString());
    }
}
