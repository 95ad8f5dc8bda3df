using Memento.GraphQL.Errors;
using Memento.GraphQL.Language;
using Memento.GraphQL.Language.Ast;
using Memento.GraphQL.Types;
using Memento.GraphQL.Utilities;

namespace Memento.GraphQL.Validation;

/// <summary>A variable used somewhere in an operation, with the type its position expects.</summary>
public readonly record struct VariableUsage(VariableNode Node, GraphQLType? Type, bool HasDefaultValue, GraphQLType? ParentType);

/// <summary>
/// What rules see of a validation: the schema, the document, the type information at the current node, error
/// reporting, and cached facts about fragments and variable usages shared between rules (graphql-js
/// ValidationContext).
/// </summary>
public sealed class ValidationContext
{
    private readonly Action<GraphQLError> _onError;
    private Dictionary<string, FragmentDefinitionNode>? _fragments;
    private readonly Dictionary<SelectionSetNode, List<FragmentSpreadNode>> _fragmentSpreads = new();
    private readonly Dictionary<OperationDefinitionNode, List<FragmentDefinitionNode>> _recursiveFragments = new();
    private readonly Dictionary<Node, List<VariableUsage>> _variableUsages = new();
    private readonly Dictionary<OperationDefinitionNode, List<VariableUsage>> _recursiveVariableUsages = new();

    internal ValidationContext(GraphQLSchema schema, DocumentNode document, TypeInfo typeInfo, Action<GraphQLError> onError)
    {
        Schema = schema;
        Document = document;
        TypeInfo = typeInfo;
        _onError = onError;
    }

    public GraphQLSchema Schema { get; }

    public DocumentNode Document { get; }

    public TypeInfo TypeInfo { get; }

    /// <summary>Options of the opt-in rules (depth, cost, introspection); never null.</summary>
    public ValidationOptions Options { get; internal set; } = ValidationOptions.Default;

    /// <summary>
    /// The request's cancellation (client gone, time budget spent). The walk checks it at every node; rules with
    /// loops of their own that can run long check it too.
    /// </summary>
    public CancellationToken CancellationToken { get; internal init; }

    public void ReportError(GraphQLError error) => _onError(error);

    public FragmentDefinitionNode? GetFragment(string name)
    {
        if (_fragments is null)
        {
            _fragments = new Dictionary<string, FragmentDefinitionNode>(StringComparer.Ordinal);
            foreach (var definition in Document.Definitions)
            {
                if (definition is FragmentDefinitionNode fragment)
                {
                    _fragments.TryAdd(fragment.Name!.Value, fragment);
                }
            }
        }

        return _fragments.GetValueOrDefault(name);
    }

    /// <summary>The fragment spreads directly inside a selection set (not inside the spread fragments).</summary>
    public IReadOnlyList<FragmentSpreadNode> GetFragmentSpreads(SelectionSetNode selectionSet)
    {
        if (_fragmentSpreads.TryGetValue(selectionSet, out var spreads))
        {
            return spreads;
        }

        spreads = new List<FragmentSpreadNode>();
        var setsToVisit = new Stack<SelectionSetNode>();
        setsToVisit.Push(selectionSet);
        while (setsToVisit.Count > 0)
        {
            var set = setsToVisit.Pop();
            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case FragmentSpreadNode spread:
                        spreads.Add(spread);
                        break;
                    case FieldNode { SelectionSet: { } s }:
                        setsToVisit.Push(s);
                        break;
                    case InlineFragmentNode inline:
                        setsToVisit.Push(inline.SelectionSet);
                        break;
                }
            }
        }

        _fragmentSpreads[selectionSet] = spreads;
        return spreads;
    }

    /// <summary>Every fragment an operation uses, directly or through other fragments.</summary>
    public IReadOnlyList<FragmentDefinitionNode> GetRecursivelyReferencedFragments(OperationDefinitionNode operation)
    {
        if (_recursiveFragments.TryGetValue(operation, out var fragments))
        {
            return fragments;
        }

        fragments = new List<FragmentDefinitionNode>();
        var collected = new HashSet<string>(StringComparer.Ordinal);
        var nodesToVisit = new Stack<SelectionSetNode>();
        nodesToVisit.Push(operation.SelectionSet);
        while (nodesToVisit.Count > 0)
        {
            var node = nodesToVisit.Pop();
            foreach (var spread in GetFragmentSpreads(node))
            {
                var name = spread.Name.Value;
                if (collected.Add(name) && GetFragment(name) is { } fragment)
                {
                    fragments.Add(fragment);
                    nodesToVisit.Push(fragment.SelectionSet);
                }
            }
        }

        _recursiveFragments[operation] = fragments;
        return fragments;
    }

    /// <summary>Variables used in an operation or fragment (not in the fragments it spreads).</summary>
    public IReadOnlyList<VariableUsage> GetVariableUsages(ExecutableDefinitionNode node)
    {
        if (_variableUsages.TryGetValue(node, out var usages))
        {
            return usages;
        }

        usages = new List<VariableUsage>();
        var typeInfo = new TypeInfo(Schema);
        AstWalker.Walk(node, new VariableUsageCollector(typeInfo, usages), visitDescriptions: false);
        _variableUsages[node] = usages;
        return usages;
    }

    /// <summary>Variables used in an operation, including inside every fragment it uses.</summary>
    public IReadOnlyList<VariableUsage> GetRecursiveVariableUsages(OperationDefinitionNode operation)
    {
        if (_recursiveVariableUsages.TryGetValue(operation, out var usages))
        {
            return usages;
        }

        usages = new List<VariableUsage>(GetVariableUsages(operation));
        foreach (var fragment in GetRecursivelyReferencedFragments(operation))
        {
            usages.AddRange(GetVariableUsages(fragment));
        }

        _recursiveVariableUsages[operation] = usages;
        return usages;
    }

    private sealed class VariableUsageCollector(TypeInfo typeInfo, List<VariableUsage> usages) : AstVisitor
    {
        public override VisitorAction Enter(Node node, IReadOnlyList<Node> ancestors)
        {
            if (node.Kind == NodeKind.VariableDefinition)
            {
                return VisitorAction.Skip;
            }

            typeInfo.Enter(node);
            if (node is VariableNode variable)
            {
                usages.Add(new VariableUsage(variable, typeInfo.InputType, typeInfo.HasDefaultValue, typeInfo.ParentInputType));
            }

            return VisitorAction.Continue;
        }

        public override VisitorAction Leave(Node node, IReadOnlyList<Node> ancestors)
        {
            typeInfo.Leave(node);
            return VisitorAction.Continue;
        }
    }
}
