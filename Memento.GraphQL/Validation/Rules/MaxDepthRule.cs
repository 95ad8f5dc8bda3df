// Not a spec rule: an opt-in limit on how deeply an operation nests fields (fragments expanded), so one request
// cannot make the server walk an unbounded graph. The limit is ValidationOptions.MaxDepth.
using Memento.GraphQL.Errors;
using Memento.GraphQL.Language;
using Memento.GraphQL.Language.Ast;

namespace Memento.GraphQL.Validation.Rules;

/// <summary>Rejects operations whose field nesting is deeper than <see cref="ValidationOptions.MaxDepth"/>.</summary>
public static class MaxDepthRule
{
    public static readonly ValidationRule Rule = static context => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationRuleVisitor(context)
    {
        private readonly Dictionary<string, int> _fragmentDepths = new(StringComparer.Ordinal);
        private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);

        public override VisitorAction Enter(Node node, IReadOnlyList<Node> ancestors)
        {
            if (node is OperationDefinitionNode operation)
            {
                var depth = Depth(operation.SelectionSet);
                if (depth > Context.Options.MaxDepth)
                {
                    Report(ErrorMessages.MaxDepthExceeded(operation.Name?.Value, depth, Context.Options.MaxDepth), operation);
                }
            }

            // The whole operation is measured at once; nothing below needs visiting.
            return node.Kind is NodeKind.Document ? VisitorAction.Continue : VisitorAction.Skip;
        }

        private int Depth(SelectionSetNode selectionSet)
        {
            Execution.StackGuard.Ensure();
            var max = 0;
            foreach (var selection in selectionSet.Selections)
            {
                var depth = selection switch
                {
                    FieldNode { SelectionSet: { } s } => 1 + Depth(s),
                    FieldNode => 1,
                    InlineFragmentNode inline => Depth(inline.SelectionSet),
                    FragmentSpreadNode spread => FragmentDepth(spread.Name.Value),
                    _ => 0,
                };
                if (depth > max)
                {
                    max = depth;
                    if (max > Context.Options.MaxDepth)
                    {
                        // Already over the limit: the exact depth of a hostile document is not worth the work.
                        return max;
                    }
                }
            }

            return max;
        }

        private int FragmentDepth(string name)
        {
            if (_fragmentDepths.TryGetValue(name, out var known))
            {
                return known;
            }

            // A cycle is reported by NoFragmentCyclesRule; here it only must not recurse forever.
            if (Context.GetFragment(name) is not { } fragment || !_inProgress.Add(name))
            {
                return 0;
            }

            var depth = Depth(fragment.SelectionSet);
            _inProgress.Remove(name);
            _fragmentDepths[name] = depth;
            return depth;
        }
    }
}
