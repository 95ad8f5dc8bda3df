using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;
using Memento.Domain.Model;
using Memento.Domain.Services.Projects;

namespace Memento.Schema.Api.Projects;

/// <summary>PUBLIC lets every signed-in user read the project; PRIVATE limits it to its members.</summary>
public sealed record SetProjectVisibilityInput(long Id, ProjectVisibility Visibility);

public sealed class ProjectVisibilityMutations
{
    public async Task<ProjectPayload> SetProjectVisibility(SetProjectVisibilityInput input, IResolveContext context,
        ProjectService projects) =>
        new(await projects.SetVisibilityAsync(ApiCaller.Of(context), input.Id, input.Visibility,
            context.CancellationToken));
}
