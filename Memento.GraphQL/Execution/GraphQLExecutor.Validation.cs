using Memento.GraphQL.Errors;
using Memento.GraphQL.Language.Ast;
using Memento.GraphQL.Types;

namespace Memento.GraphQL.Execution;

public sealed partial class GraphQLExecutor
{
    // Wired to DocumentValidator (spec rules + depth/cost limits) once the validation branch lands.
    private IReadOnlyList<GraphQLError> Validate(GraphQLSchema schema, DocumentNode document) => [];
}
