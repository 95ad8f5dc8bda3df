namespace Memento.GraphQL.Types;

/// <summary>An executable GraphQL schema. Filled in by the type-system work (branch gql-validation).</summary>
public sealed partial class GraphQLSchema
{
}
