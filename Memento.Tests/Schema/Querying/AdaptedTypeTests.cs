using Memento.GraphQL.CodeFirst;
using Memento.Schema.Api.Querying;
using Memento.Domain.Model;
using Memento.Domain.Services.Projects;

namespace Memento.Tests.Schema.Querying;

/// <summary>
/// Lists whose nodes are an existing code-first type (QueryableType.Over): a field nobody said how to read stops the
/// schema build, since it would otherwise come back with the default value of a column that was never selected.
/// </summary>
public class AdaptedTypeTests
{
    [Fact]
    public void A_node_field_without_a_declaration_stops_the_build_and_is_named()
    {
        var builder = new CodeFirstSchemaBuilder();
        var project = QueryableType<Project>.Over(builder.ObjectTypeOf<ProjectInfo>(), ProjectService.Info)
            .Field(p => p.Name, Allow.FilterAndSort)
            .Field(p => p.Settings);
        var error = Assert.Throws<InvalidOperationException>(() => ConnectionField.For("projects", project, _ => Enumerable.Empty<Project>().AsQueryable()));
        Assert.Equal("ProjectInfo lists over Project do not say which columns these fields read: visibility, ownerId, createdAt.", error.Message);
    }

    [Fact]
    public void Declaring_a_field_the_node_type_lacks_is_refused()
    {
        var builder = new CodeFirstSchemaBuilder();
        var project = QueryableType<Project>.Over(builder.ObjectTypeOf<ProjectInfo>(), ProjectService.Info);
        Assert.Throws<ArgumentException>(() => project.Reads("owner"));
        Assert.Throws<ArgumentException>(() => project.Field(p => p.Name, name: "title"));
    }

    [Fact]
    public void Adapted_fields_keep_the_schema_types_and_the_connection_is_added_beside_code_first_fields()
    {
        var builder = new CodeFirstSchemaBuilder();
        var node = builder.ObjectTypeOf<ProjectInfo>();
        var project = QueryableType<Project>.Over(node, ProjectService.Info)
            .Field(p => p.Name, Allow.FilterAndSort).Field(p => p.Settings).Field(p => p.Visibility, Allow.Filter)
            .Field(p => p.OwnerId).Field(p => p.CreatedAt);
        var schema = builder.AddQueryField(ConnectionField.For("projects", project, _ => Enumerable.Empty<Project>().AsQueryable())).Build();

        var connection = (Memento.GraphQL.Types.ObjectType)schema.QueryType!.GetField("projects")!.Type.GetNamedType();
        Assert.Equal("ProjectInfoConnection", connection.Name);
        Assert.Same(node, connection.GetField("nodes")!.Type.GetNamedType());
        // The filter compares against the enum the schema already has, not a second type of the same name.
        var filter = (Memento.GraphQL.Types.InputObjectType)schema.QueryType.GetField("projects")!.GetArgument("where")!.Type.GetNamedType();
        var visibility = (Memento.GraphQL.Types.InputObjectType)filter.GetField("visibility")!.Type.GetNamedType();
        Assert.Same(node.GetField("visibility")!.Type.GetNamedType(), visibility.GetField("eq")!.Type.GetNamedType());
    }
}
