// Values of Correct Type — https://spec.graphql.org/October2021/#sec-Values-of-Correct-Type
// "Literal values must be compatible with the type expected in the position they are found as per the coercion
// rules defined in the Type System chapter." Also: input object required fields, known input field names, and
// @oneOf input objects (exactly one non-null field).
using Memento.GraphQL.Errors;
using Memento.GraphQL.Language;
using Memento.GraphQL.Language.Ast;
using Memento.GraphQL.Types;
using Memento.GraphQL.Utilities;

namespace Memento.GraphQL.Validation.Rules;

/// <summary>Every literal fits the input type expected where it appears.</summary>
public static class ValuesOfCorrectTypeRule
{
    public static readonly ValidationRule Rule = static context => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationRuleVisitor(context)
    {
        public override VisitorAction Enter(Node node, IReadOnlyList<Node> ancestors)
        {
            var typeInfo = Context.TypeInfo;
            switch (node.Kind)
            {
                case NodeKind.ListValue:
                    // TypeInfo has already stepped into the item type, so the list type is the parent input type.
                    if (typeInfo.ParentInputType?.Nullable is not Types.ListType)
                    {
                        IsValidValueNode((ValueNode)node);
                        return VisitorAction.Skip;
                    }

                    break;
                case NodeKind.ObjectValue:
                    return EnterObject((ObjectValueNode)node);
                case NodeKind.ObjectField:
                    var field = (ObjectFieldNode)node;
                    if (typeInfo.InputType is null && typeInfo.ParentInputType?.GetNamedType() is InputObjectType parentType)
                    {
                        var names = new List<string>(parentType.Fields.Count);
                        foreach (var f in parentType.Fields)
                        {
                            names.Add(f.Name);
                        }

                        Report(ErrorMessages.UnknownInputField(field.Name.Value, parentType.Name) +
                               Suggestions.DidYouMean(Suggestions.SuggestionList(field.Name.Value, names)), field);
                    }

                    break;
                case NodeKind.NullValue:
                    if (typeInfo.InputType is NonNullType nonNull)
                    {
                        Report(ErrorMessages.BadValue(nonNull.ToString(), "null"), node);
                    }

                    break;
                case NodeKind.EnumValue:
                case NodeKind.IntValue:
                case NodeKind.FloatValue:
                case NodeKind.StringValue:
                case NodeKind.BooleanValue:
                    // Descriptions (SDL) are string values too; no input type is expected there, so they pass.
                    IsValidValueNode((ValueNode)node);
                    break;
            }

            return VisitorAction.Continue;
        }

        private VisitorAction EnterObject(ObjectValueNode node)
        {
            if (Context.TypeInfo.InputType?.GetNamedType() is not InputObjectType type)
            {
                IsValidValueNode(node);
                return VisitorAction.Skip;
            }

            // graphql-js keyMap: the last field of a name wins.
            var fieldNodes = new Dictionary<string, ObjectFieldNode>(StringComparer.Ordinal);
            foreach (var f in node.Fields)
            {
                fieldNodes[f.Name.Value] = f;
            }

            foreach (var fieldDef in type.Fields)
            {
                if (!fieldNodes.ContainsKey(fieldDef.Name) && fieldDef.IsRequired)
                {
                    Report(ErrorMessages.RequiredInputField(type.Name, fieldDef.Name, fieldDef.Type.ToString()), node);
                }
            }

            if (type.IsOneOf)
            {
                if (fieldNodes.Count != 1)
                {
                    Report(ErrorMessages.OneOfExactlyOneKey(type.Name), node);
                }
                else
                {
                    foreach (var (key, fieldNode) in fieldNodes)
                    {
                        if (fieldNode.Value is NullValueNode)
                        {
                            Report(ErrorMessages.OneOfFieldNonNull(type.Name, key), node);
                        }
                    }
                }
            }

            return VisitorAction.Continue;
        }

        private void IsValidValueNode(ValueNode node)
        {
            var locationType = Context.TypeInfo.InputType;
            if (locationType is null)
            {
                return;
            }

            var type = locationType.GetNamedType();
            if (!type.IsLeafType())
            {
                Report(ErrorMessages.BadValue(locationType.ToString(), ValuePrinter.Print(node)), node);
                return;
            }

            try
            {
                if (type is EnumType enumType)
                {
                    enumType.ParseLiteral(node);
                }
                else
                {
                    ((ScalarType)type).ParseLiteral(node, null);
                }
            }
            catch (GraphQLTypeException e)
            {
                // Our built-in scalars and enums throw what graphql-js throws as a GraphQLError: reported as is.
                Report(e.Message, node);
            }
            catch (GraphQLError e)
            {
                Context.ReportError(e.Nodes is null ? new GraphQLError(e.Message, node) : e);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Report(ErrorMessages.BadValueWithReason(locationType.ToString(), ValuePrinter.Print(node), e.Message), node);
            }
        }
    }
}
