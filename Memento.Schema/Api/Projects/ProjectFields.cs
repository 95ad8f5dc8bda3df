using Memento.GraphQL.CodeFirst;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Loaders;
using Memento.Domain.Services.Categories;
using Memento.Domain.Services.Labels;
using Memento.Domain.Services.Projects;

namespace Memento.Schema.Api.Projects;

/// <summary>Fields of a project beyond its columns.</summary>
[GraphQLExtends(typeof(ProjectInfo))]
public sealed class ProjectFields
{
    /// <summary>The categories the caller may see, by name; a category's members never see its siblings.</summary>
    [LoadsThroughDataLoader]
    public Task<List<CategoryInfo>> Categories([Parent] ProjectInfo project, IResolveContext context) =>
        CategoriesByProjectLoader.LoadAsync(context, project.Id);

    /// <summary>The project's annotation labels (its outcome vocabulary, the viewer's label buttons), by name.</summary>
    [LoadsThroughDataLoader]
    public Task<List<LabelInfo>> Labels([Parent] ProjectInfo project, IResolveContext context) =>
        LabelsByProjectLoader.LoadAsync(context, project.Id);

    /// <summary>
    /// The one-click exports of the project (paths on this server; GET them with the same session or API token).
    /// Each holds what the caller may read of the project, the same rows as projectData, projectRois and
    /// projectComments (docs/exports.md).
    /// </summary>
    public List<ProjectExport> ExportUrls([Parent] ProjectInfo project) =>
        [.. Domain.Services.Reports.ExportFiles.All.Select(f => new ProjectExport(f.File, f.Title, Domain.Services.Reports.ExportFiles.UrlOf(project.Id, f.File)))];
}

/// <summary>One export of a project: its file name, what it holds, and the path that downloads it.</summary>
public sealed record ProjectExport(string File, string Title, string Url);
