using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;
using Memento.Domain.Services.Projects;
using Microsoft.EntityFrameworkCore;

namespace Memento.Schema.Api.Projects;

/// <summary>Project queries: by id, by name, and the caller's projects.</summary>
public sealed class ProjectQueries
{
    /// <summary>The project with this id; FORBIDDEN when it exists but is out of the caller's reach.</summary>
    public Task<ProjectInfo> Project(long id, IResolveContext context, ProjectService projects) =>
        projects.GetAsync(ApiCaller.Of(context), id, context.CancellationToken);

    /// <summary>
    /// The project with this name among those the caller can see, or null. Names are unique per owner: the
    /// caller's own comes first, then the lowest id.
    /// </summary>
    public Task<ProjectInfo?> ProjectByName(string name, IResolveContext context, ProjectService projects) =>
        projects.FindByNameAsync(ApiCaller.Of(context), name, context.CancellationToken);

    /// <summary>Projects the caller can open: any role in or under them, their own, and public ones.</summary>
    public Task<List<ProjectInfo>> MyProjects(IResolveContext context, ProjectService projects) =>
        projects.ListMine(ApiCaller.Of(context)).ToListAsync(context.CancellationToken);
}
