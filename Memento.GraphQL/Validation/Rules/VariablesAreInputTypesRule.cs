// Variables Are Input Types — https://spec.graphql.org/October2021/#sec-Variables-Are-Input-Types
// "Variables can only be input types. Objects, unions, and interfaces cannot be used as inputs."
using Memento.GraphQL.Errors;
using Memento.GraphQL.Language;
using Memento.GraphQL.Language.Ast;
using Memento.GraphQL.Utilities;

namespace Memento.GraphQL.Validation.Rules;

/// <summary>A variable's type is a scalar, enum or input object (possibly wrapped).</summary>
public static class VariablesAreInputTypesRule
{
    public static readonly ValidationRule Rule = static context => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationRuleVisitor(context)
    {
        public override VisitorAction Enter(Node node, IReadOnlyList<Node> ancestors)
        {
            if (node is VariableDefinitionNode definition &&
                TypeComparators.TypeFromAst(Context.Schema, definition.Type) is { IsInputType: false })
            {
                Report(ErrorMessages.NonInputTypeOnVariable(definition.Variable.Name.Value, ValuePrinter.PrintType(definition.Type)),
                    definition.Type);
            }

            return VisitorAction.Continue;
        }
    }
}
