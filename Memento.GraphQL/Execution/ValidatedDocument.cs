using Memento.GraphQL.Errors;
using Memento.GraphQL.Language.Ast;

namespace Memento.GraphQL.Execution;

// PLACEHOLDER with the contract's shape (docs/subscriptions-contract.md §1); the integrator takes h16-engine's file.
public sealed class ValidatedDocument
{
    internal ValidatedDocument(DocumentNode? document, IReadOnlyList<GraphQLError>? errors)
    {
        Document = document;
        Errors = errors;
    }

    public IReadOnlyList<GraphQLError>? Errors { get; }

    public DocumentNode? Document { get; }

    public OperationType? OperationTypeOf(string? operationName)
    {
        var operations = Document?.Definitions.OfType<OperationDefinitionNode>().ToList() ?? [];
        if (string.IsNullOrEmpty(operationName)) return operations.Count == 1 ? operations[0].Operation : null;
        return operations.FirstOrDefault(o => o.Name?.Value == operationName)?.Operation;
    }
}
