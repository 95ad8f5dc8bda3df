// Fragments must be used — https://spec.graphql.org/October2021/#sec-Fragments-Must-Be-Used
// "Defined fragments must be used within a document."
using Memento.GraphQL.Errors;
using Memento.GraphQL.Language;
using Memento.GraphQL.Language.Ast;

namespace Memento.GraphQL.Validation.Rules;

/// <summary>Every fragment defined is used by some operation, directly or through other fragments.</summary>
public static class NoUnusedFragmentsRule
{
    public static readonly ValidationRule Rule = static context => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationRuleVisitor(context)
    {
        private readonly List<OperationDefinitionNode> _operations = new();
        private readonly List<FragmentDefinitionNode> _fragments = new();

        public override VisitorAction Enter(Node node, IReadOnlyList<Node> ancestors)
        {
            switch (node)
            {
                case OperationDefinitionNode operation:
                    _operations.Add(operation);
                    return VisitorAction.Skip;
                case FragmentDefinitionNode fragment:
                    _fragments.Add(fragment);
                    return VisitorAction.Skip;
                default:
                    return VisitorAction.Continue;
            }
        }

        public override VisitorAction Leave(Node node, IReadOnlyList<Node> ancestors)
        {
            if (node.Kind != NodeKind.Document)
            {
                return VisitorAction.Continue;
            }

            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (var operation in _operations)
            {
                foreach (var fragment in Context.GetRecursivelyReferencedFragments(operation))
                {
                    used.Add(fragment.Name!.Value);
                }
            }

            foreach (var fragment in _fragments)
            {
                if (!used.Contains(fragment.Name!.Value))
                {
                    Report(ErrorMessages.UnusedFragment(fragment.Name.Value), fragment);
                }
            }

            return VisitorAction.Continue;
        }
    }
}
