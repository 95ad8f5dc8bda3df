using Memento.GraphQL.Introspection;
using Memento.GraphQL.Language.Ast;
using Memento.GraphQL.Types;

namespace Memento.GraphQL.Execution;

/// <summary>
/// Spec 6.3.2 CollectFields: groups the fields of a selection set by response name for an object type, honouring
/// @skip/@include and fragments. One collector serves one operation with one set of variables; when the operation
/// has no variables its collector (and all the cached collections) is shared by every request of the document.
/// </summary>
internal sealed class FieldCollector
{
    private static readonly CollectedField[] None = [];
    private readonly GraphQLSchema _schema;
    private readonly Dictionary<string, FragmentDefinitionNode> _fragments;
    private readonly IReadOnlyDictionary<string, object?> _variables;
    private CollectedField[]? _root;

    public FieldCollector(GraphQLSchema schema, Dictionary<string, FragmentDefinitionNode> fragments, IReadOnlyDictionary<string, object?> variables)
    {
        _schema = schema;
        _fragments = fragments;
        _variables = variables;
    }

    public IReadOnlyDictionary<string, object?> Variables => _variables;

    public CollectedField[] CollectRoot(ObjectType type, SelectionSetNode selectionSet) =>
        _root ??= Build(type, [selectionSet], isRoot: true);

    public CollectedField[] CollectSubfields(ObjectType type, CollectedField field)
    {
        var cached = field.TryGetSubfields(type);
        if (cached is not null) return cached;
        var sets = new List<SelectionSetNode>(field.Nodes.Length);
        foreach (var node in field.Nodes)
        {
            if (node.SelectionSet is not null) sets.Add(node.SelectionSet);
        }
        var fields = sets.Count == 0 ? None : Build(type, sets, isRoot: false);
        field.SetSubfields(type, fields);
        return fields;
    }

    private CollectedField[] Build(ObjectType type, List<SelectionSetNode> sets, bool isRoot)
    {
        var groups = new List<(string Name, List<FieldNode> Nodes)>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        HashSet<string>? visited = null;
        foreach (var set in sets) Collect(type, set, groups, index, ref visited);

        var result = new List<CollectedField>(groups.Count);
        foreach (var (name, nodes) in groups)
        {
            var fieldName = nodes[0].Name.Value;
            FieldDefinition? definition;
            if (fieldName == "__typename") definition = null;
            else if (isRoot && fieldName == "__schema" && ReferenceEquals(type, _schema.QueryType)) definition = IntrospectionTypes.SchemaMetaField;
            else if (isRoot && fieldName == "__type" && ReferenceEquals(type, _schema.QueryType)) definition = IntrospectionTypes.TypeMetaField;
            else
            {
                definition = type.GetField(fieldName);
                // Validation rejects unknown fields; a field not on this runtime type (fragment on another) is skipped.
                if (definition is null) continue;
            }
            result.Add(new CollectedField(name, nodes.ToArray(), definition));
        }
        return result.ToArray();
    }

    private void Collect(ObjectType type, SelectionSetNode set, List<(string, List<FieldNode>)> groups,
        Dictionary<string, int> index, ref HashSet<string>? visited)
    {
        StackGuard.Ensure();
        foreach (var selection in set.Selections)
        {
            if (selection.Directives.Count > 0 && !ShouldInclude(selection.Directives)) continue;
            switch (selection)
            {
                case FieldNode field:
                    var name = field.ResponseName;
                    if (index.TryGetValue(name, out var at)) groups[at].Item2.Add(field);
                    else
                    {
                        index[name] = groups.Count;
                        groups.Add((name, [field]));
                    }
                    break;
                case FragmentSpreadNode spread:
                    var fragmentName = spread.Name.Value;
                    visited ??= new HashSet<string>(StringComparer.Ordinal);
                    if (!visited.Add(fragmentName)) continue;
                    if (!_fragments.TryGetValue(fragmentName, out var fragment) || !Applies(fragment.TypeCondition, type)) continue;
                    Collect(type, fragment.SelectionSet, groups, index, ref visited);
                    break;
                case InlineFragmentNode inline:
                    if (inline.TypeCondition is not null && !Applies(inline.TypeCondition, type)) continue;
                    Collect(type, inline.SelectionSet, groups, index, ref visited);
                    break;
            }
        }
    }

    private bool Applies(NamedTypeNode condition, ObjectType type)
    {
        var name = condition.Name.Value;
        if (name == type.Name) return true;
        var conditional = _schema.GetType(name);
        return conditional is InterfaceType or UnionType && _schema.IsSubType(conditional, type);
    }

    /// <summary>@skip(if: true) excludes; @include(if: false) excludes; @skip wins when both are given.</summary>
    private bool ShouldInclude(IReadOnlyList<DirectiveNode> directives)
    {
        foreach (var directive in directives)
        {
            var name = directive.Name.Value;
            if (name is not ("skip" or "include")) continue;
            var condition = IfArgument(directive);
            if (name == "skip" && condition) return false;
            if (name == "include" && !condition) return false;
        }
        return true;
    }

    private bool IfArgument(DirectiveNode directive)
    {
        foreach (var argument in directive.Arguments)
        {
            if (argument.Name.Value != "if") continue;
            return argument.Value switch
            {
                BooleanValueNode b => b.Value,
                VariableNode v => _variables.TryGetValue(v.Name.Value, out var value) && value is true,
                _ => false,
            };
        }
        return false;
    }

    /// <summary>Whether the operation's field collection can depend on request variables.</summary>
    public static bool DependsOnVariables(OperationDefinitionNode operation) => operation.VariableDefinitions.Count > 0;
}
