// Fragment Name Uniqueness — https://spec.graphql.org/October2021/#sec-Fragment-Name-Uniqueness
// "Fragment definitions are referenced in fragment spreads by name. To avoid ambiguity, each fragment's name must
// be unique within a document."
using Memento.GraphQL.Errors;
using Memento.GraphQL.Language;
using Memento.GraphQL.Language.Ast;

namespace Memento.GraphQL.Validation.Rules;

/// <summary>A document defines each fragment name once.</summary>
public static class UniqueFragmentNamesRule
{
    public static readonly ValidationRule Rule = static context => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationRuleVisitor(context)
    {
        private readonly Dictionary<string, NameNode> _known = new(StringComparer.Ordinal);

        public override VisitorAction Enter(Node node, IReadOnlyList<Node> ancestors)
        {
            switch (node)
            {
                case FragmentDefinitionNode fragment:
                    var name = fragment.Name!;
                    if (_known.TryGetValue(name.Value, out var known))
                    {
                        Report(ErrorMessages.DuplicateFragmentName(name.Value), known, name);
                    }
                    else
                    {
                        _known[name.Value] = name;
                    }

                    return VisitorAction.Skip;
                case OperationDefinitionNode:
                    return VisitorAction.Skip;
                default:
                    return VisitorAction.Continue;
            }
        }
    }
}
