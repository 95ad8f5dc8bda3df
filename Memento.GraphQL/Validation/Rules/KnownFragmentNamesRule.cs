// Fragment spread target defined — https://spec.graphql.org/October2021/#sec-Fragment-spread-target-defined
// "Named fragment spreads must refer to fragments defined within the document. It is a validation error if the
// target of a spread is not defined."
using Memento.GraphQL.Errors;
using Memento.GraphQL.Language;
using Memento.GraphQL.Language.Ast;

namespace Memento.GraphQL.Validation.Rules;

/// <summary>Every fragment spread names a fragment defined in the document.</summary>
public static class KnownFragmentNamesRule
{
    public static readonly ValidationRule Rule = static context => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationRuleVisitor(context)
    {
        public override VisitorAction Enter(Node node, IReadOnlyList<Node> ancestors)
        {
            if (node is FragmentSpreadNode spread && Context.GetFragment(spread.Name.Value) is null)
            {
                Report(ErrorMessages.UnknownFragment(spread.Name.Value), spread.Name);
            }

            return VisitorAction.Continue;
        }
    }
}
