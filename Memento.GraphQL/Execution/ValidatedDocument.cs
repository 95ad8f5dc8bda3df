using Memento.GraphQL.Errors;
using Memento.GraphQL.Language.Ast;
using Memento.GraphQL.Types;

namespace Memento.GraphQL.Execution;

/// <summary>
/// A document parsed and validated against one schema by <see cref="GraphQLExecutor.Validate"/>. Give it as
/// <see cref="ExecutionRequest.ValidatedDocument"/> to execute or subscribe without validating again (graphql-js's
/// execute does not validate either), e.g. after telling a subscription from a query.
/// </summary>
public sealed class ValidatedDocument
{
    internal ValidatedDocument(PreparedDocument prepared) => Prepared = prepared;

    internal PreparedDocument Prepared { get; }

    /// <summary>The schema the document was validated against; only requests on that schema may use it.</summary>
    public GraphQLSchema Schema => Prepared.Schema;

    /// <summary>The parsed document; null when it did not parse.</summary>
    public DocumentNode? Document => Prepared.Document;

    /// <summary>Syntax or validation errors; null when the document can run.</summary>
    public IReadOnlyList<GraphQLError>? Errors => Prepared.Errors;

    /// <summary>
    /// The type of the operation a request naming <paramref name="operationName"/> would run (spec 6.1
    /// GetOperation); null when the document has errors or the name selects no operation.
    /// </summary>
    public OperationType? OperationTypeOf(string? operationName) =>
        Errors is null ? Prepared.GetOperation(operationName, out _)?.Operation : null;
}
