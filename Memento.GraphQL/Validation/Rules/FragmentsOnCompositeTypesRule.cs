// Fragments On Composite Types — https://spec.graphql.org/October2021/#sec-Fragments-On-Composite-Types
// "Fragments can only be declared on unions, interfaces, and objects."
using Memento.GraphQL.Errors;
using Memento.GraphQL.Language;
using Memento.GraphQL.Language.Ast;
using Memento.GraphQL.Types;
using Memento.GraphQL.Utilities;

namespace Memento.GraphQL.Validation.Rules;

/// <summary>Fragments use a composite type (object, interface or union) as their type condition.</summary>
public static class FragmentsOnCompositeTypesRule
{
    public static readonly ValidationRule Rule = static context => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationRuleVisitor(context)
    {
        public override VisitorAction Enter(Node node, IReadOnlyList<Node> ancestors)
        {
            switch (node)
            {
                case InlineFragmentNode { TypeCondition: { } condition }:
                    if (TypeComparators.TypeFromAst(Context.Schema, condition) is { } type && !type.IsCompositeType())
                    {
                        Report(ErrorMessages.InlineFragmentOnNonComposite(ValuePrinter.PrintType(condition)), condition);
                    }

                    break;
                case FragmentDefinitionNode fragment:
                    if (TypeComparators.TypeFromAst(Context.Schema, fragment.TypeCondition) is { } fragmentType && !fragmentType.IsCompositeType())
                    {
                        Report(ErrorMessages.FragmentOnNonComposite(fragment.Name!.Value, ValuePrinter.PrintType(fragment.TypeCondition)),
                            fragment.TypeCondition);
                    }

                    break;
            }

            return VisitorAction.Continue;
        }
    }
}
