using Memento.GraphQL.Errors;
using Memento.GraphQL.Language.Ast;
using Memento.GraphQL.Types;

namespace Memento.GraphQL.Execution;

/// <summary>
/// A document parsed and validated against one schema, with what every execution of it can share: its fragments
/// and, for operations without variables, the collected fields (and so the whole field plan).
/// </summary>
internal sealed class PreparedDocument
{
    private readonly Dictionary<OperationDefinitionNode, FieldCollector> _sharedCollectors = new();

    public PreparedDocument(GraphQLSchema schema, DocumentNode? document, IReadOnlyList<GraphQLError> errors)
    {
        Schema = schema;
        Document = document;
        Errors = errors.Count > 0 ? errors : null;
        if (document is null) return;
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case OperationDefinitionNode operation:
                    Operations.Add(operation);
                    break;
                case FragmentDefinitionNode fragment:
                    Fragments.TryAdd(fragment.Name!.Value, fragment);
                    break;
            }
        }
    }

    public GraphQLSchema Schema { get; }

    public DocumentNode? Document { get; }

    /// <summary>Syntax or validation errors; null when the document can run.</summary>
    public IReadOnlyList<GraphQLError>? Errors { get; }

    public List<OperationDefinitionNode> Operations { get; } = new();

    public Dictionary<string, FragmentDefinitionNode> Fragments { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The first __schema or __type field the operation selects, or null (checked per request against the
    /// anonymous-introspection setting, since the caller varies while the document is cached).
    /// </summary>
    public string? IntrospectionField(OperationDefinitionNode operation) =>
        _introspection.GetOrAdd(operation, op => FindIntrospection(op.SelectionSet, new HashSet<string>()) ?? "");

    private readonly System.Collections.Concurrent.ConcurrentDictionary<OperationDefinitionNode, string> _introspection = new();

    private string? FindIntrospection(SelectionSetNode set, HashSet<string> visited)
    {
        StackGuard.Ensure();
        foreach (var selection in set.Selections)
        {
            var found = selection switch
            {
                FieldNode { Name.Value: "__schema" or "__type" } field => field.Name.Value,
                InlineFragmentNode inline => FindIntrospection(inline.SelectionSet, visited),
                FragmentSpreadNode spread when visited.Add(spread.Name.Value) && Fragments.TryGetValue(spread.Name.Value, out var fragment) =>
                    FindIntrospection(fragment.SelectionSet, visited),
                _ => null,
            };
            if (!string.IsNullOrEmpty(found)) return found;
        }
        return null;
    }

    /// <summary>Spec 6.1 GetOperation: the named operation, or the only one.</summary>
    public OperationDefinitionNode? GetOperation(string? name, out string? error)
    {
        error = null;
        if (string.IsNullOrEmpty(name))
        {
            if (Operations.Count == 1) return Operations[0];
            error = Operations.Count == 0 ? ErrorMessages.NoOperation : ErrorMessages.OperationNameRequired;
            return null;
        }
        foreach (var operation in Operations)
        {
            if (operation.Name?.Value == name) return operation;
        }
        error = ErrorMessages.OperationNotFound(name);
        return null;
    }

    /// <summary>The collector for an execution: shared when the operation has no variables, else a fresh one.</summary>
    public FieldCollector CollectorFor(OperationDefinitionNode operation, IReadOnlyDictionary<string, object?> variables)
    {
        if (FieldCollector.DependsOnVariables(operation)) return new FieldCollector(Schema, Fragments, variables);
        lock (_sharedCollectors)
        {
            if (!_sharedCollectors.TryGetValue(operation, out var collector))
            {
                collector = new FieldCollector(Schema, Fragments, variables);
                _sharedCollectors[operation] = collector;
            }
            return collector;
        }
    }
}
