using Memento.GraphQL.Types;
using ObjectType = Memento.GraphQL.Types.ObjectType;
using Memento.Schema.Api.Common;
using Memento.Schema.Api.Querying;
using Memento.Domain.Authorization;
using Memento.Domain.Model;
using Memento.Domain.Services.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Memento.Schema.Api.Projects;

/// <summary>
/// The <c>projects</c> connection: the projects the caller can open, paged, filtered and sorted in SQL.
/// <c>myProjects</c> stays beside it, unchanged: the whole list in one call, which existing scripts rely on.
/// </summary>
public static class ProjectList
{
    public static QueryableType<Project> Type(ObjectType projectInfo, QueryableType<User> owner) =>
        QueryableType<Project>.Over(projectInfo, ProjectService.Info)
            .Field(p => p.Name, Allow.FilterAndSort)
            .Field(p => p.Settings, Allow.Filter)
            .Field(p => p.Visibility, Allow.Filter)
            .Field(p => p.OwnerId, Allow.Filter)
            .Field(p => p.CreatedAt, Allow.FilterAndSort)
            // The nested list has its own resolver (and DataLoader); it needs only the key.
            .Reads("categories")
            .Reads("labels")
            // Built from the id alone.
            .Reads("exportUrls")
            .FilterThrough(p => p.Owner, owner);

    public static FieldDefinition Field(QueryableType<Project> type) =>
        ConnectionField.For("projects", type, context =>
                context.Services.GetRequiredService<AccessPolicy>().VisibleProjects(ApiCaller.Of(context)).AsNoTracking(),
            description: "Projects the caller can open (any role in or under them, their own, public ones); by id unless ordered.");
}
