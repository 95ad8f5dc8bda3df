// Not a spec rule: graphql-js's recommended rule against introspection queries that nest list fields of __Type
// deeply (each level multiplies the response), which specifiedRules includes since graphql-js 16.9.
using Memento.GraphQL.Errors;
using Memento.GraphQL.Language;
using Memento.GraphQL.Language.Ast;

namespace Memento.GraphQL.Validation.Rules;

/// <summary>An introspection query nests fields/interfaces/possibleTypes/inputFields at most 3 levels.</summary>
public static class MaxIntrospectionDepthRule
{
    private const int MaxListsDepth = 3;

    public static readonly ValidationRule Rule = static context => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationRuleVisitor(context)
    {
        // Per fragment: the deepest entry depth whose check passed, and the shallowest that failed (shared across roots).
        private readonly Dictionary<string, int> _checked = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _exceeded = new(StringComparer.Ordinal);

        public override VisitorAction Enter(Node node, IReadOnlyList<Node> ancestors)
        {
            if (node is FieldNode field && field.Name.Value is "__schema" or "__type")
            {
                if (CheckDepth(field, new Dictionary<string, int>(StringComparer.Ordinal), 0))
                {
                    Report(ErrorMessages.MaxIntrospectionDepth, field);
                    return VisitorAction.Skip;
                }
            }

            return VisitorAction.Continue;
        }

        private bool CheckDepth(Node node, Dictionary<string, int> visited, int depth)
        {
            Execution.StackGuard.Ensure();
            if (node is FragmentSpreadNode spread)
            {
                var name = spread.Name.Value;
                if (_exceeded.TryGetValue(name, out var exceededDepth) && exceededDepth <= depth)
                {
                    return true;
                }

                if ((visited.TryGetValue(name, out var visitedDepth) && visitedDepth >= depth) ||
                    (_checked.TryGetValue(name, out var checkedDepth) && checkedDepth >= depth))
                {
                    return false;
                }

                var fragment = Context.GetFragment(name);
                if (fragment is null)
                {
                    return false;
                }

                visited[name] = depth;
                if (CheckDepth(fragment, visited, depth))
                {
                    _exceeded[name] = depth;
                    return true;
                }

                _checked[name] = depth;
                return false;
            }

            if (node is FieldNode { Name.Value: "fields" or "interfaces" or "possibleTypes" or "inputFields" })
            {
                depth++;
                if (depth >= MaxListsDepth)
                {
                    return true;
                }
            }

            var selectionSet = node switch
            {
                FieldNode f => f.SelectionSet,
                InlineFragmentNode i => i.SelectionSet,
                FragmentDefinitionNode d => d.SelectionSet,
                _ => null,
            };
            if (selectionSet is not null)
            {
                foreach (var child in selectionSet.Selections)
                {
                    if (CheckDepth(child, visited, depth))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
