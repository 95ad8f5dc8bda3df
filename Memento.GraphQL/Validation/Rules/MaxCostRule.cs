// Not a spec rule: an opt-in limit on the estimated cost of an operation. Each field costs its FieldDefinition.Cost
// (default 1 for composite fields, 0 for leaves); a list field multiplies the cost of its selection by its
// `first` or `last` argument, or by ValidationOptions.DefaultListSize when neither is a literal. Fragments and
// every branch of an abstract type are counted in full: an upper bound, never an underestimate. A fragment's cost
// depends only on its own type condition and selections, so it is computed once per fragment and reused at every
// spread: a document whose fragments each spread the next several times counts as expanded without being expanded,
// and the whole count is linear in the document (so it runs to the end and reports the exact, saturated, cost).
using Memento.GraphQL.Errors;
using Memento.GraphQL.Language;
using Memento.GraphQL.Language.Ast;
using Memento.GraphQL.Types;
using Memento.GraphQL.Utilities;

namespace Memento.GraphQL.Validation.Rules;

/// <summary>Rejects operations whose estimated cost exceeds <see cref="ValidationOptions.MaxCost"/>.</summary>
public static class MaxCostRule
{
    public static readonly ValidationRule Rule = static context => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationRuleVisitor(context)
    {
        private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);
        private readonly Dictionary<string, long> _fragmentCosts = new(StringComparer.Ordinal);

        public override VisitorAction Enter(Node node, IReadOnlyList<Node> ancestors)
        {
            if (node is OperationDefinitionNode operation)
            {
                var root = Context.Schema.GetRootType(operation.Operation switch
                {
                    OperationType.Query => "query",
                    OperationType.Mutation => "mutation",
                    _ => "subscription",
                });
                var cost = root is null ? 0 : Cost(root, operation.SelectionSet);
                if (cost > Context.Options.MaxCost)
                {
                    Report(ErrorMessages.MaxCostExceeded(operation.Name?.Value, cost, Context.Options.MaxCost), operation);
                }
            }

            return node.Kind is NodeKind.Document ? VisitorAction.Continue : VisitorAction.Skip;
        }

        private long Cost(NamedType parentType, SelectionSetNode selectionSet)
        {
            Execution.StackGuard.Ensure();
            long total = 0;
            foreach (var selection in selectionSet.Selections)
            {
                switch (selection)
                {
                    case FieldNode field:
                        total = Add(total, FieldCost(parentType, field));
                        break;
                    case InlineFragmentNode inline:
                        var inlineType = inline.TypeCondition is { } tc
                            ? TypeComparators.TypeFromAst(Context.Schema, tc) as NamedType
                            : parentType;
                        total = Add(total, inlineType is null ? 0 : Cost(inlineType, inline.SelectionSet));
                        break;
                    case FragmentSpreadNode spread:
                        total = Add(total, FragmentCost(spread.Name.Value));
                        break;
                }
            }

            return total;
        }

        private long FragmentCost(string name)
        {
            if (_fragmentCosts.TryGetValue(name, out var known))
            {
                return known;
            }

            // A cycle is reported by NoFragmentCyclesRule; here it only must not recurse forever.
            if (Context.GetFragment(name) is not { } fragment || !_inProgress.Add(name))
            {
                return 0;
            }

            var cost = TypeComparators.TypeFromAst(Context.Schema, fragment.TypeCondition) is NamedType fragmentType
                ? Cost(fragmentType, fragment.SelectionSet)
                : 0;
            _inProgress.Remove(name);
            _fragmentCosts[name] = cost;
            return cost;
        }

        private long FieldCost(NamedType parentType, FieldNode field)
        {
            // Introspection reads the schema, whose size bounds it (and MaxIntrospectionDepthRule its nesting):
            // counting it like data would refuse clients' standard introspection query.
            if (field.Name.Value is "__schema" or "__type")
            {
                return 0;
            }

            var definition = TypeInfo.GetFieldDef(Context.Schema, parentType, field.Name.Value);
            if (definition is null)
            {
                return 0;
            }

            var namedType = definition.Type.GetNamedType();
            long own = definition.Cost ?? (namedType.IsCompositeType() ? 1 : 0);
            if (field.SelectionSet is null)
            {
                return own;
            }

            var childCost = Cost(namedType, field.SelectionSet);
            return Add(own, definition.IsList ? Multiply(childCost, ListSize(field)) : childCost);
        }

        private long ListSize(FieldNode field)
        {
            foreach (var argument in field.Arguments)
            {
                if (argument.Name.Value is "first" or "last" && argument.Value is IntValueNode i &&
                    long.TryParse(i.Value, out var size) && size >= 0)
                {
                    return size;
                }
            }

            return Context.Options.DefaultListSize;
        }

        private static long Add(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

        private static long Multiply(long a, long b) => a != 0 && b > long.MaxValue / a ? long.MaxValue : a * b;
    }
}
