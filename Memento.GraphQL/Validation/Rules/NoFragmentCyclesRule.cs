// Fragment spreads must not form cycles — https://spec.graphql.org/October2021/#sec-Fragment-spreads-must-not-form-cycles
// "The graph of fragment spreads must not form any cycles including spreading itself. Otherwise an operation
// could infinitely spread or infinitely execute on cycles in the underlying data."
using Memento.GraphQL.Errors;
using Memento.GraphQL.Language;
using Memento.GraphQL.Language.Ast;

namespace Memento.GraphQL.Validation.Rules;

/// <summary>No fragment spreads itself, directly or through other fragments.</summary>
public static class NoFragmentCyclesRule
{
    public static readonly ValidationRule Rule = static context => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationRuleVisitor(context)
    {
        // Fragments already checked: each cycle is reported once, from the first fragment of it met.
        private readonly HashSet<string> _visited = new(StringComparer.Ordinal);
        private readonly List<FragmentSpreadNode> _spreadPath = new();
        private readonly Dictionary<string, int> _spreadPathIndexByName = new(StringComparer.Ordinal);

        public override VisitorAction Enter(Node node, IReadOnlyList<Node> ancestors)
        {
            switch (node)
            {
                case OperationDefinitionNode:
                    return VisitorAction.Skip;
                case FragmentDefinitionNode fragment:
                    DetectCycle(fragment);
                    return VisitorAction.Skip;
                default:
                    return VisitorAction.Continue;
            }
        }

        private void DetectCycle(FragmentDefinitionNode fragment)
        {
            Execution.StackGuard.Ensure();
            var fragmentName = fragment.Name!.Value;
            if (!_visited.Add(fragmentName))
            {
                return;
            }

            var spreadNodes = Context.GetFragmentSpreads(fragment.SelectionSet);
            if (spreadNodes.Count == 0)
            {
                return;
            }

            _spreadPathIndexByName[fragmentName] = _spreadPath.Count;
            foreach (var spreadNode in spreadNodes)
            {
                var spreadName = spreadNode.Name.Value;
                _spreadPath.Add(spreadNode);
                if (!_spreadPathIndexByName.TryGetValue(spreadName, out var cycleIndex))
                {
                    if (Context.GetFragment(spreadName) is { } spreadFragment)
                    {
                        DetectCycle(spreadFragment);
                    }
                }
                else
                {
                    var cyclePath = _spreadPath.GetRange(cycleIndex, _spreadPath.Count - cycleIndex);
                    var via = new List<string>();
                    for (var i = 0; i < cyclePath.Count - 1; i++)
                    {
                        via.Add("\"" + cyclePath[i].Name.Value + "\"");
                    }

                    Context.ReportError(new GraphQLError(ErrorMessages.CycleInFragment(spreadName, string.Join(", ", via)), cyclePath));
                }

                _spreadPath.RemoveAt(_spreadPath.Count - 1);
            }

            _spreadPathIndexByName.Remove(fragmentName);
        }
    }
}
