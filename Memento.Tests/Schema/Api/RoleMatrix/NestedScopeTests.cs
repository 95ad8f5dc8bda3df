using System.Text.Json;

namespace Memento.Tests.Schema.Api.RoleMatrix;

/// <summary>
/// A narrow role reads the project it belongs to, but nested lists, counts and reports show only its own scope:
/// catpar/catvie of WT never learn of KO (its category, annotation, image, regions or comments), and annpar/annvie
/// of wt1 not even of wt2. Names are checked by marker, counts by value, because a count leaks without a name.
/// </summary>
public sealed class NestedScopeTests
{
    private static readonly string Everything = $$"""
        query($p: Long!) {
          project(id: $p) { name categories { name annotations { name layers { name } } } }
          {{MatrixLists.Select("myProjects", "", "name categories { name annotations { name } }")}}
          projectSummary(projectId: $p) { totalAnnotations totalAnnotationsShared }
          projectData(projectId: $p) { category annotation image }
          projectRois(projectId: $p) { category annotation layer }
          projectComments(projectId: $p) { category annotation content }
          {{MatrixLists.Select("images", "projectId: $p", "name")}}
        }
        """;

    [Theory]
    // provie sees all of Kidney: both categories, 3 annotations (2 shared), 2 drawings with regions, 3 comments,
    // and every image of the project, including the spare one no layer shows.
    [InlineData("provie", 2, 3, 2, 2, 3, 4)]
    [InlineData("catpar", 1, 2, 1, 1, 2, 2)]
    [InlineData("catvie", 1, 2, 1, 1, 2, 2)]
    [InlineData("annpar", 1, 1, 1, 1, 1, 1)]
    [InlineData("annvie", 1, 1, 1, 1, 1, 1)]
    public async Task Nested_lists_counts_and_reports_stop_at_the_callers_scope(string caller, int categories,
        int annotations, int shared, int roiRows, int commentRows, int images)
    {
        await using var @case = await MatrixCase.CreateAsync();
        var response = await @case.RunAsync(caller, Everything, Vars.Of(("p", @case.World.Kidney)));
        Assert.False(response.TryGetProperty("errors", out _), response.GetRawText());
        foreach (var marker in Roles.Unseen(caller))
            Assert.DoesNotContain(marker, response.GetRawText(), StringComparison.Ordinal);

        var data = response.GetProperty("data");
        var project = data.GetProperty("project");
        Assert.Equal(categories, project.GetProperty("categories").GetArrayLength());
        Assert.Equal(annotations, project.GetProperty("categories").EnumerateArray()
            .Sum(c => c.GetProperty("annotations").GetArrayLength()));
        var listed = MatrixLists.Items(data.GetProperty("myProjects"))
            .Single(p => p.GetProperty("name").GetString() == project.GetProperty("name").GetString());
        Assert.Equal(categories, listed.GetProperty("categories").GetArrayLength());
        var summary = data.GetProperty("projectSummary");
        Assert.Equal(annotations, summary.GetProperty("totalAnnotations").GetInt32());
        Assert.Equal(shared, summary.GetProperty("totalAnnotationsShared").GetInt32());
        Assert.Equal(annotations, data.GetProperty("projectData").GetArrayLength());
        Assert.Equal(roiRows, data.GetProperty("projectRois").GetArrayLength());
        Assert.Equal(commentRows, data.GetProperty("projectComments").GetArrayLength());
        Assert.Equal(images, MatrixLists.Items(data.GetProperty("images")).Count());
    }

    /// <summary>The sibling's objects asked for by id are refused outright, not returned with empty fields.</summary>
    [Theory]
    [InlineData("catvie")]
    [InlineData("annpar")]
    public async Task The_sibling_categorys_objects_are_refused_by_id(string caller)
    {
        await using var @case = await MatrixCase.CreateAsync();
        var w = @case.World;
        foreach (var (field, id) in new[] { ("category", w.KO), ("annotation", w.Ko1), ("image", w.ImgKo1), ("layer", w.LayerKo1) })
        {
            var response = await @case.RunAsync(caller, $"query($id: Long!) {{ {field}(id: $id) {{ id name }} }}",
                Vars.Of(("id", id)));
            Assert.True(response.TryGetProperty("errors", out var errors), response.GetRawText());
            Assert.Equal("FORBIDDEN", errors[0].GetProperty("extensions").GetProperty("code").GetString());
            Assert.DoesNotContain(MatrixWorld.SiblingCategory, response.GetRawText(), StringComparison.Ordinal);
            Assert.True(response.GetProperty("data").ValueKind == JsonValueKind.Null, response.GetRawText());
        }
    }
}
