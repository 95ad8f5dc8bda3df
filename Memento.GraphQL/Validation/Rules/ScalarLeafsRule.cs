// Leaf Field Selections — https://spec.graphql.org/October2021/#sec-Leaf-Field-Selections
// "Field selections on scalars or enums are never allowed, because they are the leaf nodes of any GraphQL
// operation. Conversely the leaf field selections of GraphQL operations must be of type scalar or enum."
using Memento.GraphQL.Errors;
using Memento.GraphQL.Language;
using Memento.GraphQL.Language.Ast;
using Memento.GraphQL.Types;

namespace Memento.GraphQL.Validation.Rules;

/// <summary>Leaf fields have no selection set; composite fields have one.</summary>
public static class ScalarLeafsRule
{
    public static readonly ValidationRule Rule = static context => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationRuleVisitor(context)
    {
        public override VisitorAction Enter(Node node, IReadOnlyList<Node> ancestors)
        {
            if (node is FieldNode field && Context.TypeInfo.Type is { } type)
            {
                if (type.GetNamedType().IsLeafType())
                {
                    if (field.SelectionSet is { } selectionSet)
                    {
                        Report(ErrorMessages.NoSubselectionAllowed(field.Name.Value, type.ToString()), selectionSet);
                    }
                }
                else if (field.SelectionSet is null)
                {
                    Report(ErrorMessages.RequiredSubselection(field.Name.Value, type.ToString()), field);
                }
            }

            return VisitorAction.Continue;
        }
    }
}
