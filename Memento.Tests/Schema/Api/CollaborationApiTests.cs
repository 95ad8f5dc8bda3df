using System.Text.Json;
using Memento.GraphQL.Execution;
using Memento.GraphQL.Types;
using Memento.Schema.Api;
using Memento.Schema.Api.Common;
using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Memento.Domain.Model;
using Memento.Domain.Services;
using Memento.Domain.Services.Layers;
using Memento.Tests.Domain.Services.Support;
using Memento.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Memento.Tests.Schema.Api;

/// <summary>
/// Classifications, comments, regions, members, visibility, share links and the nested project → category →
/// annotation → layer fields through the GraphQL executor: allowed callers get their data, refused ones a
/// FORBIDDEN error and nothing else.
/// </summary>
public sealed class CollaborationApiTests : IAsyncLifetime
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

    private Task<JsonElement> Run(string role, string query) => Run(world.As(role), query);

    private GraphQLSchema? schema;

    private async Task<JsonElement> Run(Caller caller, string query)
    {
        return await ApiServices.RunAsync(services, schema ??= ApiServices.Schema(services), caller, query);
    }

    /// <summary>The data of a successful request (fails with the errors otherwise).</summary>
    private async Task<JsonElement> Data(string role, string query)
    {
        var response = await Run(role, query);
        Assert.False(response.TryGetProperty("errors", out _), response.ToString());
        return response.GetProperty("data");
    }

    /// <summary>Asserts a FORBIDDEN error and that the field named came back null (no data leaked).</summary>
    private async Task<JsonElement> Forbidden(string role, string query, string field)
    {
        var response = await Run(role, query);
        Assert.True(response.TryGetProperty("errors", out var errors), response.ToString());
        Assert.Equal(ErrorCodes.Forbidden, errors[0].GetProperty("extensions").GetProperty("code").GetString());
        if (response.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
            Assert.Equal(JsonValueKind.Null, data.GetProperty(field).ValueKind);
        return response;
    }

    [Fact]
    public async Task Classifications_are_created_idempotently_linked_to_a_category_and_chosen_on_annotations()
    {
        const string getOrCreate = "getOrCreateClassification(input: {{projectId: {0}, name: \"{1}\"}}) {{ created classification {{ id name typeCode }} }}";
        var first = (await Data("proadm", "mutation { " + string.Format(getOrCreate, world.Kidney, "Fibrosis") + " }"))
            .GetProperty("getOrCreateClassification");
        var again = (await Data("proadm", "mutation { " + string.Format(getOrCreate, world.Kidney, "Fibrosis") + " }"))
            .GetProperty("getOrCreateClassification");
        Assert.True(first.GetProperty("created").GetBoolean());
        Assert.False(again.GetProperty("created").GetBoolean());
        var fibrosis = first.GetProperty("classification").GetProperty("id").GetInt64();
        Assert.Equal(fibrosis, again.GetProperty("classification").GetProperty("id").GetInt64());
        Assert.Equal("M", first.GetProperty("classification").GetProperty("typeCode").GetString());
        await Data("proadm", $$"""mutation { createClassification(input: {projectId: {{world.Kidney}}, name: "Cyst"}) { classification { id } } }""");

        var linked = await Data("proadm", $$"""mutation { linkClassifications(input: {categoryId: {{world.WT}}, names: ["Fibrosis", "Cyst"]}) { classifications { name } } }""");
        Assert.Equal(["Cyst", "Fibrosis"], Names(linked.GetProperty("linkClassifications").GetProperty("classifications")).Order());
        // Linking replaces: only Cyst remains on WT.
        await Data("proadm", $$"""mutation { linkClassifications(input: {categoryId: {{world.WT}}, names: ["Fibrosis"]}) { classifications { name } } }""");
        var onWt = await Data("catpar", $"{{ categoryClassifications(categoryId: {world.WT}) {{ name }} category(id: {world.WT}) {{ classifications {{ name }} }} }}");
        Assert.Equal(["Fibrosis"], Names(onWt.GetProperty("categoryClassifications")));
        Assert.Equal(["Fibrosis"], Names(onWt.GetProperty("category").GetProperty("classifications")));

        var chosen = await Data("catpar", $$"""mutation { classifyAnnotation(input: {annotationId: {{world.Wt1}}, choices: [{classificationId: {{fibrosis}}, option: "severe"}]}) { choices { classificationId option } } }""");
        Assert.Equal("severe", chosen.GetProperty("classifyAnnotation").GetProperty("choices")[0].GetProperty("option").GetString());
        var readBack = await Data("catvie", $"{{ annotation(id: {world.Wt1}) {{ classifications {{ classificationId option }} }} annotationClassifications(annotationId: {world.Wt1}) {{ option }} }}");
        Assert.Equal(fibrosis, readBack.GetProperty("annotation").GetProperty("classifications")[0].GetProperty("classificationId").GetInt64());
        Assert.Equal("severe", readBack.GetProperty("annotationClassifications")[0].GetProperty("option").GetString());

        // Viewers may not choose, participants may not define classifications, outsiders see nothing.
        await Forbidden("catvie", $$"""mutation { classifyAnnotation(input: {annotationId: {{world.Wt1}}, choices: []}) { choices { option } } }""", "classifyAnnotation");
        await Forbidden("propar", $$"""mutation { createClassification(input: {projectId: {{world.Kidney}}, name: "Sneaky"}) { classification { id } } }""", "createClassification");
        var hidden = await Forbidden("outsider", $"{{ classifications(projectId: {world.Kidney}) {{ nodes {{ name }} }} }}", "classifications");
        Assert.DoesNotContain("Fibrosis", hidden.ToString());
        // Scripts look classifications up by name (the Python client): readers find them, outsiders are refused.
        var byName = await Data("catvie", $$"""{ classificationByName(projectId: {{world.Kidney}}, name: "Fibrosis") { id } missing: classificationByName(projectId: {{world.Kidney}}, name: "Nope") { id } }""");
        Assert.Equal(fibrosis, byName.GetProperty("classificationByName").GetProperty("id").GetInt64());
        Assert.Equal(JsonValueKind.Null, byName.GetProperty("missing").ValueKind);
        var hiddenByName = await Forbidden("outsider", $$"""{ classificationByName(projectId: {{world.Kidney}}, name: "Fibrosis") { id name } }""", "classificationByName");
        Assert.DoesNotContain("Fibrosis", hiddenByName.ToString());
        await Forbidden("catpar", $"mutation {{ deleteClassification(input: {{id: {fibrosis}}}) {{ deletedId }} }}", "deleteClassification");
        await Data("proadm", $"mutation {{ deleteClassification(input: {{id: {fibrosis}}}) {{ deletedId }} }}");
        var after = await Data("proadm", $"{{ classifications(projectId: {world.Kidney}) {{ nodes {{ name }} }} }}");
        Assert.Equal(["Cyst"], Names(after.GetProperty("classifications").GetProperty("nodes")));
    }

    [Fact]
    public async Task Classifying_replaces_only_the_callers_own_choices_and_keeps_who_chose_what()
    {
        var fibrosis = (await Data("proadm", $$"""mutation { createClassification(input: {projectId: {{world.Kidney}}, name: "Fibrosis"}) { classification { id } } }"""))
            .GetProperty("createClassification").GetProperty("classification").GetProperty("id").GetInt64();
        var cyst = (await Data("proadm", $$"""mutation { createClassification(input: {projectId: {{world.Kidney}}, name: "Cyst"}) { classification { id } } }"""))
            .GetProperty("createClassification").GetProperty("classification").GetProperty("id").GetInt64();
        await Data("proadm", $$"""mutation { linkClassifications(input: {categoryId: {{world.WT}}, names: ["Fibrosis", "Cyst"]}) { classifications { name } } }""");
        var catpar = world.As("catpar").UserId!.Value;
        var propar = world.As("propar").UserId!.Value;

        // Two participants pick the same classification on one annotation: both choices are kept.
        await Data("catpar", $$"""mutation { classifyAnnotation(input: {annotationId: {{world.Wt1}}, choices: [{classificationId: {{fibrosis}}, option: "severe"}]}) { choices { option } } }""");
        var mine = await Data("propar", $$"""mutation { classifyAnnotation(input: {annotationId: {{world.Wt1}}, choices: [{classificationId: {{fibrosis}}, option: "mild"}, {classificationId: {{cyst}}}]}) { choices { classificationId option chosenById } } }""");
        // The reply lists the caller's own choices only.
        var replied = mine.GetProperty("classifyAnnotation").GetProperty("choices");
        Assert.Equal(2, replied.GetArrayLength());
        Assert.All(replied.EnumerateArray(), c => Assert.Equal(propar, c.GetProperty("chosenById").GetInt64()));

        string Choices(JsonElement list) => string.Join(" ", list.EnumerateArray().Select(c =>
            $"{c.GetProperty("classificationId").GetInt64()}:{c.GetProperty("option").GetString()}:{c.GetProperty("chosenById").GetInt64()}").Order());
        var both = await Data("catvie", $"{{ annotation(id: {world.Wt1}) {{ classifications {{ classificationId option chosenById }} }} }}");
        Assert.Equal(string.Join(" ", new[] { $"{fibrosis}:severe:{catpar}", $"{fibrosis}:mild:{propar}", $"{cyst}::{propar}" }.Order()),
            Choices(both.GetProperty("annotation").GetProperty("classifications")));

        // catpar replaces their own choices with none: propar's stay untouched.
        await Data("catpar", $$"""mutation { classifyAnnotation(input: {annotationId: {{world.Wt1}}, choices: []}) { choices { option } } }""");
        var after = await Data("catvie", $"{{ annotationClassifications(annotationId: {world.Wt1}) {{ classificationId option chosenById }} }}");
        Assert.Equal(string.Join(" ", new[] { $"{fibrosis}:mild:{propar}", $"{cyst}::{propar}" }.Order()),
            Choices(after.GetProperty("annotationClassifications")));
    }

    [Fact]
    public async Task Comments_are_added_by_participants_and_changed_only_by_their_author()
    {
        var added = await Data("catpar", $$"""mutation { addComment(input: {layerId: {{world.LayerWt1}}, content: "Glomerulus at top left"}) { comment { id authorName content: text } } }""");
        var comment = added.GetProperty("addComment").GetProperty("comment");
        var id = comment.GetProperty("id").GetInt64();
        Assert.Equal("catpar", comment.GetProperty("authorName").GetString());

        var denied = await Forbidden("propar", $$"""mutation { editComment(input: {id: {{id}}, content: "rewritten"}) { comment { text } } }""", "editComment");
        await Forbidden("catvie", $$"""mutation { addComment(input: {layerId: {{world.LayerWt1}}, content: "viewer"}) { comment { id } } }""", "addComment");
        var leaked = await Forbidden("outsider", $"{{ comments(layerId: {world.LayerWt1}) {{ nodes {{ text }} }} }}", "comments");
        Assert.DoesNotContain("Glomerulus", leaked.ToString());
        await Forbidden("propar", $"mutation {{ deleteComment(input: {{id: {id}}}) {{ deletedId }} }}", "deleteComment");

        await Data("catpar", $$"""mutation { editComment(input: {id: {{id}}, content: "Two glomeruli"}) { comment { text } } }""");
        var listed = await Data("catvie", $"{{ comments(layerId: {world.LayerWt1}) {{ nodes {{ text editedAt }} }} }}");
        Assert.Equal("Two glomeruli", listed.GetProperty("comments").GetProperty("nodes")[0].GetProperty("text").GetString());
        Assert.NotEqual(JsonValueKind.Null, listed.GetProperty("comments").GetProperty("nodes")[0].GetProperty("editedAt").ValueKind);
        Assert.DoesNotContain("rewritten", denied.ToString());

        await Data("catpar", $"mutation {{ deleteComment(input: {{id: {id}}}) {{ deletedId }} }}");
        Assert.Equal(0, (await Data("catvie", $"{{ comments(layerId: {world.LayerWt1}) {{ nodes {{ text }} }} }}")).GetProperty("comments").GetProperty("nodes").GetArrayLength());
    }

    [Fact]
    public async Task Regions_round_trip_with_their_geometry_and_only_the_layer_owner_draws()
    {
        long drawing;
        using (var request = world.NewRequest())
            drawing = (await request.Layers.CreateAsync(world.As("catpar"), world.Wt1,
                new LayerSpec("ROIs", LayerKind.Drawing))).Id;
        var saved = await Data("catpar", $$$"""
            mutation { saveRegions(input: {layerId: {{{drawing}}}, regions: [
              {type: "bbox", shape: {x: 10, y: 20.5, w: 30, h: 40}, style: {color: "#ff0000"}},
              {type: "polygon", shape: [{x: 0, y: 0}, {x: 100, y: 0}, {x: 50, y: 80.25}]},
              {type: "polyline", shape: [{x: 1, y: 1}, {x: 2, y: 3}]},
              {type: "point", shape: {x: 7, y: 8}}
            ]}) { regions { id } } }
            """);
        Assert.Equal(4, saved.GetProperty("saveRegions").GetProperty("regions").GetArrayLength());

        var regions = (await Data("annvie", $"{{ regions(layerId: {drawing}) {{ id type shape object style }} }}")).GetProperty("regions");
        Assert.Equal(["bbox", "polygon", "polyline", "point"], regions.EnumerateArray().Select(r => r.GetProperty("type").GetString()!));
        var box = regions[0].GetProperty("shape");
        Assert.Equal((10d, 20.5, 30d, 40d), (box.GetProperty("x").GetDouble(), box.GetProperty("y").GetDouble(),
            box.GetProperty("w").GetDouble(), box.GetProperty("h").GetDouble()));
        Assert.Equal(JsonValueKind.Null, regions[0].GetProperty("object").ValueKind);
        Assert.Equal("#ff0000", regions[0].GetProperty("style").GetProperty("color").GetString());
        var polygon = regions[1].GetProperty("shape").EnumerateArray()
            .Select(p => (p.GetProperty("x").GetDouble(), p.GetProperty("y").GetDouble())).ToList();
        Assert.Equal([(0d, 0d), (100d, 0d), (50d, 80.25)], polygon);
        Assert.Equal(2, regions[2].GetProperty("shape").GetArrayLength());
        Assert.Equal(8d, regions[3].GetProperty("shape").GetProperty("y").GetDouble());

        var added = await Data("catpar", $$$$"""mutation { addRegion(input: {layerId: {{{{drawing}}}}, region: {type: "point", shape: {x: 1, y: 2}}}) { region { id type } } }""");
        var pointId = added.GetProperty("addRegion").GetProperty("region").GetProperty("id").GetInt64();
        await Data("catpar", $"mutation {{ deleteRegion(input: {{id: {regions[1].GetProperty("id").GetInt64()}}}) {{ deletedId }} }}");
        var after = (await Data("catvie", $"{{ regions(layerId: {drawing}) {{ id type }} }}")).GetProperty("regions");
        Assert.Equal(["bbox", "polyline", "point", "point"], after.EnumerateArray().Select(r => r.GetProperty("type").GetString()!));
        Assert.Equal(pointId, after[3].GetProperty("id").GetInt64());

        // Another participant of the annotation does not own the layer; a viewer never draws.
        await Forbidden("annpar", $$"""mutation { saveRegions(input: {layerId: {{drawing}}, regions: []}) { regions { id } } }""", "saveRegions");
        await Forbidden("catvie", $$"""mutation { saveRegions(input: {layerId: {{drawing}}, regions: []}) { regions { id } } }""", "saveRegions");
        await Forbidden("catvie", $"mutation {{ deleteRegion(input: {{id: {pointId}}}) {{ deletedId }} }}", "deleteRegion");
        var leaked = await Forbidden("outsider", $"{{ regions(layerId: {drawing}) {{ shape style }} }}", "regions");
        Assert.DoesNotContain("ff0000", leaked.ToString());
        var invalid = await Run("catpar", $$$$"""mutation { addRegion(input: {layerId: {{{{drawing}}}}, region: {type: "polygon", shape: [{x: 1, y: 1}]}}) { region { id } } }""");
        Assert.Equal(ErrorCodes.Validation, invalid.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(4, (await Data("catvie", $"{{ regions(layerId: {drawing}) {{ id }} }}")).GetProperty("regions").GetArrayLength());
    }

    [Fact]
    public async Task A_share_link_opens_its_annotation_read_only_until_it_expires_or_is_revoked()
    {
        var created = (await Data("catpar", $"mutation {{ createShareLink(input: {{annotationId: {world.Wt1}, expiresInHours: 2}}) {{ token link {{ id annotationId expiresAt }} }} }}"))
            .GetProperty("createShareLink");
        var token = created.GetProperty("token").GetString()!;
        const string open = "{{ sharedItem(token: \"{0}\") {{ annotation {{ id name layers {{ name }} }} image {{ id }} }} }}";
        var shared = (await Data("anonymous", string.Format(open, token))).GetProperty("sharedItem");
        Assert.Equal("wt1", shared.GetProperty("annotation").GetProperty("name").GetString());
        Assert.Equal(["DAPI"], Names(shared.GetProperty("annotation").GetProperty("layers")));
        Assert.Equal(JsonValueKind.Null, shared.GetProperty("image").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await Data("anonymous", string.Format(open, token + "x"))).GetProperty("sharedItem").ValueKind);

        world.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(JsonValueKind.Null, (await Data("anonymous", string.Format(open, token))).GetProperty("sharedItem").ValueKind);

        var second = (await Data("catpar", $"mutation {{ createShareLink(input: {{annotationId: {world.Wt1}}}) {{ token link {{ id }} }} }}"))
            .GetProperty("createShareLink");
        var secondToken = second.GetProperty("token").GetString()!;
        Assert.NotEqual(token, secondToken);
        var links = (await Data("catpar", $"{{ shareLinks(annotationId: {world.Wt1}) {{ nodes {{ id }} }} }}")).GetProperty("shareLinks").GetProperty("nodes");
        Assert.Equal(1, links.GetArrayLength()); // the expired one is no longer listed
        Assert.DoesNotContain(secondToken, links.ToString());
        await Forbidden("outsider", $"mutation {{ revokeShareLink(input: {{id: {second.GetProperty("link").GetProperty("id")}}}) {{ revokedId }} }}", "revokeShareLink");
        Assert.NotEqual(JsonValueKind.Null, (await Data("anonymous", string.Format(open, secondToken))).GetProperty("sharedItem").ValueKind);
        await Data("propar", $"mutation {{ revokeShareLink(input: {{id: {second.GetProperty("link").GetProperty("id")}}}) {{ revokedId }} }}");
        Assert.Equal(JsonValueKind.Null, (await Data("anonymous", string.Format(open, secondToken))).GetProperty("sharedItem").ValueKind);

        await Forbidden("catvie", $"mutation {{ createShareLink(input: {{annotationId: {world.Wt1}}}) {{ token }} }}", "createShareLink");
        await Forbidden("catpar", $"mutation {{ createShareLink(input: {{annotationId: {world.Ko1}}}) {{ token }} }}", "createShareLink");
        var tooLong = await Run("catpar", $"mutation {{ createShareLink(input: {{annotationId: {world.Wt1}, expiresInHours: 100000}}) {{ token }} }}");
        Assert.Equal(ErrorCodes.Validation, tooLong.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_share_link_caller_reads_its_annotation_and_its_layers_but_writes_nothing_and_sees_nothing_else()
    {
        var token = (await Data("catpar", $"mutation {{ createShareLink(input: {{annotationId: {world.Wt1}}}) {{ token }} }}"))
            .GetProperty("createShareLink").GetProperty("token").GetString()!;
        await Data("catpar", $$"""mutation { addComment(input: {layerId: {{world.LayerWt1}}, content: "Look here"}) { comment { id } } }""");
        Caller link;
        using (var request = world.NewRequest()) link = (await request.ShareLinks.ResolveAsync(token))!;

        var opened = await Run(link, $"{{ annotation(id: {world.Wt1}) {{ name layers {{ name }} }} comments(layerId: {world.LayerWt1}) {{ nodes {{ text }} }} }}");
        Assert.False(opened.TryGetProperty("errors", out _), opened.ToString());
        Assert.Equal(["DAPI"], Names(opened.GetProperty("data").GetProperty("annotation").GetProperty("layers")));
        Assert.Equal("Look here", opened.GetProperty("data").GetProperty("comments").GetProperty("nodes")[0].GetProperty("text").GetString());

        var sibling = await Run(link, $"{{ annotation(id: {world.Wt2}) {{ name }} }}");
        Assert.Contains(sibling.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString(),
            new[] { ErrorCodes.Forbidden, ErrorCodes.Unauthenticated });
        Assert.DoesNotContain("wt2", sibling.ToString());
        var write = await Run(link, $$"""mutation { addComment(input: {layerId: {{world.LayerWt1}}, content: "spam"}) { comment { id } } }""");
        Assert.True(write.TryGetProperty("errors", out _), write.ToString());
        Assert.Equal(1, (await Data("catvie", $"{{ comments(layerId: {world.LayerWt1}) {{ nodes {{ text }} }} }}")).GetProperty("comments").GetProperty("nodes").GetArrayLength());
    }

    [Fact]
    public async Task An_image_share_link_opens_only_that_image()
    {
        var token = (await Data("proadm", $"mutation {{ createShareLink(input: {{imageId: {world.ImgWt1}, expiresInHours: 24}}) {{ token }} }}"))
            .GetProperty("createShareLink").GetProperty("token").GetString();
        var shared = (await Data("anonymous", $"{{ sharedItem(token: \"{token}\") {{ annotation {{ id }} image {{ name }} }} }}")).GetProperty("sharedItem");
        Assert.Equal("wt1.png", shared.GetProperty("image").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, shared.GetProperty("annotation").ValueKind);
        await Forbidden("catpar", $"mutation {{ createShareLink(input: {{imageId: {world.ImgWt1}}}) {{ token }} }}", "createShareLink");
    }

    [Fact]
    public async Task Nested_categories_annotations_and_layers_show_only_what_the_caller_may_see()
    {
        var query = $"{{ project(id: {world.Kidney}) {{ categories {{ name annotations {{ name layers {{ name kind }} }} }} }} }}";
        var asCatpar = (await Data("catpar", query)).GetProperty("project").GetProperty("categories");
        Assert.Equal(["WT"], Names(asCatpar));
        Assert.Equal(["wt1", "wt2"], Names(asCatpar[0].GetProperty("annotations")));
        Assert.Equal(["DAPI"], Names(asCatpar[0].GetProperty("annotations")[0].GetProperty("layers")));
        Assert.DoesNotContain("KO", asCatpar.ToString());
        Assert.DoesNotContain("ko1", asCatpar.ToString());

        var asAdmin = (await Data("proadm", query)).GetProperty("project").GetProperty("categories");
        Assert.Equal(["KO", "WT"], Names(asAdmin));
        Assert.Equal(["ko1"], Names(asAdmin[0].GetProperty("annotations")));

        await Forbidden("outsider", query, "project");
    }

    [Fact]
    public async Task Members_are_granted_listed_and_revoked_at_each_scope_by_administrators()
    {
        var outsider = world.Users["outsider"];
        await Data("proadm", $$"""mutation { grantRole(input: {userId: {{outsider}}, code: "catvie", scopeId: {{world.KO}}}) { permission { code } } }""");
        var members = (await Data("proadm", $"{{ members(scope: CATEGORY, scopeId: {world.KO}) {{ nodes {{ userName code }} }} }}")).GetProperty("members").GetProperty("nodes");
        Assert.Equal("outsider", members[0].GetProperty("userName").GetString());
        Assert.Equal("catvie", members[0].GetProperty("code").GetString());
        var seen = (await Data("outsider", $"{{ project(id: {world.Kidney}) {{ categories {{ name }} }} }}")).GetProperty("project");
        Assert.Equal(["KO"], Names(seen.GetProperty("categories")));

        var project = (await Data("proadm", $"{{ members(scope: PROJECT, scopeId: {world.Kidney}) {{ nodes {{ userName code }} }} }}")).GetProperty("members").GetProperty("nodes");
        Assert.Equal(["proadm", "propar", "provie"], Names(project, "userName").Order());
        var annotation = (await Data("proadm", $"{{ members(scope: ANNOTATION, scopeId: {world.Wt1}) {{ nodes {{ userName }} }} }}")).GetProperty("members").GetProperty("nodes");
        Assert.Equal(["annpar", "annvie"], Names(annotation, "userName").Order());

        var denied = await Forbidden("propar", $"{{ members(scope: PROJECT, scopeId: {world.Kidney}) {{ nodes {{ userName }} }} }}", "members");
        Assert.DoesNotContain("provie", denied.ToString());
        await Forbidden("catpar", $$"""mutation { grantRole(input: {userId: {{outsider}}, code: "catpar", scopeId: {{world.KO}}}) { permission { code } } }""", "grantRole");

        await Data("proadm", $$"""mutation { revokeRole(input: {userId: {{outsider}}, code: "catvie", scopeId: {{world.KO}}}) { revoked } }""");
        Assert.Equal(0, (await Data("proadm", $"{{ members(scope: CATEGORY, scopeId: {world.KO}) {{ nodes {{ userName }} }} }}")).GetProperty("members").GetProperty("nodes").GetArrayLength());
        await Forbidden("outsider", $"{{ project(id: {world.Kidney}) {{ name }} }}", "project");
    }

    [Fact]
    public async Task Making_a_project_public_opens_it_to_every_signed_in_user()
    {
        await Forbidden("outsider", $"{{ project(id: {world.Kidney}) {{ name }} }}", "project");
        await Forbidden("propar", $"mutation {{ setProjectVisibility(input: {{id: {world.Kidney}, visibility: PUBLIC}}) {{ project {{ visibility }} }} }}", "setProjectVisibility");
        var set = await Data("proadm", $"mutation {{ setProjectVisibility(input: {{id: {world.Kidney}, visibility: PUBLIC}}) {{ project {{ visibility }} }} }}");
        Assert.Equal("PUBLIC", set.GetProperty("setProjectVisibility").GetProperty("project").GetProperty("visibility").GetString());
        Assert.Equal("Kidney", (await Data("outsider", $"{{ project(id: {world.Kidney}) {{ name }} }}")).GetProperty("project").GetProperty("name").GetString());
        await Data("proadm", $"mutation {{ setProjectVisibility(input: {{id: {world.Kidney}, visibility: PRIVATE}}) {{ project {{ visibility }} }} }}");
        await Forbidden("outsider", $"{{ project(id: {world.Kidney}) {{ name }} }}", "project");
    }

    private static List<string> Names(JsonElement list, string field = "name") =>
        list.EnumerateArray().Select(e => e.GetProperty(field).GetString()!).ToList();
}
