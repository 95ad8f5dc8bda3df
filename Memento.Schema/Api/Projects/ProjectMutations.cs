using Memento.GraphQL.CodeFirst;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;
using Memento.Domain.Services.Projects;

namespace Memento.Schema.Api.Projects;

public sealed record CreateProjectInput(string Name, string? Settings = "");
public sealed record ProjectPayload(ProjectInfo Project);
public sealed record GetOrCreateProjectPayload(ProjectInfo Project, bool Created);

/// <summary>Project mutations; each takes one input object and returns a payload.</summary>
public sealed class ProjectMutations
{
    /// <summary>
    /// A new project owned by the caller. Names are unique per owner: CONFLICT only when the caller already owns a
    /// project of this name; other users' projects never stand in the way.
    /// </summary>
    public async Task<ProjectPayload> CreateProject(CreateProjectInput input, IResolveContext context,
        ProjectService projects) =>
        new(await projects.CreateAsync(ApiCaller.Of(context), input.Name, input.Settings, context.CancellationToken));

    /// <summary>
    /// The project with this name: the caller's own, else the lowest-id one the caller can read (a project shared
    /// with them), else a new one owned by the caller. Safe to call repeatedly (import scripts).
    /// </summary>
    [GraphQLName("getOrCreateProject")] // the builder would drop the "Get" prefix
    public async Task<GetOrCreateProjectPayload> GetOrCreateProject(CreateProjectInput input, IResolveContext context,
        ProjectService projects)
    {
        var (project, created) = await projects.GetOrCreateAsync(ApiCaller.Of(context), input.Name, input.Settings,
            context.CancellationToken);
        return new(project, created);
    }

    /// <summary>Renames the project; CONFLICT when its owner already has another project of that name.</summary>
    public async Task<ProjectPayload> RenameProject(RenameInput input, IResolveContext context, ProjectService projects) =>
        new(await projects.RenameAsync(ApiCaller.Of(context), input.Id, input.Name, context.CancellationToken));

    public async Task<ProjectPayload> SetProjectSettings(SetSettingsInput input, IResolveContext context,
        ProjectService projects) =>
        new(await projects.SetSettingsAsync(ApiCaller.Of(context), input.Id, input.Settings, context.CancellationToken));

    /// <summary>Deletes the project and everything in it. Cannot be undone.</summary>
    public async Task<DeletePayload> DeleteProject(DeleteInput input, IResolveContext context, ProjectService projects)
    {
        await projects.DeleteAsync(ApiCaller.Of(context), input.Id, context.CancellationToken);
        return new(input.Id);
    }
}
