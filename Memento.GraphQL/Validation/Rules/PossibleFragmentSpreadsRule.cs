// Fragment spread is possible — https://spec.graphql.org/October2021/#sec-Fragment-spread-is-possible
// "A fragment spread is only valid if its type condition could ever possibly be true: if there exists an object
// type that belongs to both the fragment's type condition and the parent type."
using Memento.GraphQL.Errors;
using Memento.GraphQL.Language;
using Memento.GraphQL.Language.Ast;
using Memento.GraphQL.Types;
using Memento.GraphQL.Utilities;

namespace Memento.GraphQL.Validation.Rules;

/// <summary>A fragment is only spread where its type condition can apply.</summary>
public static class PossibleFragmentSpreadsRule
{
    public static readonly ValidationRule Rule = static context => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationRuleVisitor(context)
    {
        public override VisitorAction Enter(Node node, IReadOnlyList<Node> ancestors)
        {
            switch (node)
            {
                case InlineFragmentNode inline:
                    if (Context.TypeInfo.Type is NamedType fragType && fragType.IsCompositeType() &&
                        Context.TypeInfo.ParentType is { } parentType && parentType.IsCompositeType() &&
                        !TypeComparators.DoTypesOverlap(Context.Schema, fragType, parentType))
                    {
                        Report(ErrorMessages.ImpossibleInlineSpread(parentType.Name, fragType.Name), inline);
                    }

                    break;
                case FragmentSpreadNode spread:
                    var fragmentName = spread.Name.Value;
                    if (FragmentType(fragmentName) is { } spreadType &&
                        Context.TypeInfo.ParentType is { } spreadParent &&
                        !TypeComparators.DoTypesOverlap(Context.Schema, spreadType, spreadParent))
                    {
                        Report(ErrorMessages.ImpossibleSpread(fragmentName, spreadParent.Name, spreadType.Name), spread);
                    }

                    break;
            }

            return VisitorAction.Continue;
        }

        private NamedType? FragmentType(string name)
        {
            var fragment = Context.GetFragment(name);
            if (fragment is null)
            {
                return null;
            }

            var type = TypeComparators.TypeFromAst(Context.Schema, fragment.TypeCondition);
            return type is NamedType named && named.IsCompositeType() ? named : null;
        }
    }
}
