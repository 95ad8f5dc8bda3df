// Single Root Field — https://spec.graphql.org/October2021/#sec-Single-root-field
// "Subscription operations must have exactly one root field." Introspection fields are not allowed there either.
using Memento.GraphQL.Errors;
using Memento.GraphQL.Language;
using Memento.GraphQL.Language.Ast;
using Memento.GraphQL.Types;
using Memento.GraphQL.Utilities;

namespace Memento.GraphQL.Validation.Rules;

/// <summary>A subscription selects exactly one top level field, which is not an introspection field.</summary>
public static class SingleFieldSubscriptionsRule
{
    public static readonly ValidationRule Rule = static context => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationRuleVisitor(context)
    {
        public override VisitorAction Enter(Node node, IReadOnlyList<Node> ancestors)
        {
            if (node is not OperationDefinitionNode operation)
            {
                return node is FragmentDefinitionNode ? VisitorAction.Skip : VisitorAction.Continue;
            }

            if (operation.Operation == OperationType.Subscription && Context.Schema.SubscriptionType is { } subscriptionType)
            {
                var name = operation.Name?.Value;
                var fields = new List<(string Key, List<FieldNode> Nodes)>();
                CollectFields(subscriptionType, operation.SelectionSet, fields, new HashSet<string>(StringComparer.Ordinal));
                if (fields.Count > 1)
                {
                    var extra = new List<Node>();
                    for (var i = 1; i < fields.Count; i++)
                    {
                        extra.AddRange(fields[i].Nodes);
                    }

                    Context.ReportError(new GraphQLError(ErrorMessages.SingleFieldOnly(name), extra));
                }

                foreach (var (_, nodes) in fields)
                {
                    if (nodes[0].Name.Value.StartsWith("__", StringComparison.Ordinal))
                    {
                        Context.ReportError(new GraphQLError(ErrorMessages.SubscriptionIntrospection(name), nodes));
                    }
                }
            }

            return VisitorAction.Skip;
        }

        // graphql-js collectFields with no variable values: @skip/@include with literal arguments are honoured.
        private void CollectFields(ObjectType runtimeType, SelectionSetNode selectionSet, List<(string Key, List<FieldNode> Nodes)> fields, HashSet<string> visited)
        {
            foreach (var selection in selectionSet.Selections)
            {
                if (!ShouldInclude(selection))
                {
                    continue;
                }

                switch (selection)
                {
                    case FieldNode field:
                        var key = field.ResponseName;
                        var index = fields.FindIndex(f => f.Key == key);
                        if (index < 0)
                        {
                            fields.Add((key, new List<FieldNode> { field }));
                        }
                        else
                        {
                            fields[index].Nodes.Add(field);
                        }

                        break;
                    case InlineFragmentNode inline:
                        if (inline.TypeCondition is null || Matches(inline.TypeCondition, runtimeType))
                        {
                            CollectFields(runtimeType, inline.SelectionSet, fields, visited);
                        }

                        break;
                    case FragmentSpreadNode spread:
                        var fragmentName = spread.Name.Value;
                        if (!visited.Add(fragmentName))
                        {
                            continue;
                        }

                        var fragment = Context.GetFragment(fragmentName);
                        if (fragment is null || !Matches(fragment.TypeCondition, runtimeType))
                        {
                            continue;
                        }

                        CollectFields(runtimeType, fragment.SelectionSet, fields, visited);
                        break;
                }
            }
        }

        private bool Matches(NamedTypeNode condition, ObjectType type)
        {
            var conditionType = TypeComparators.TypeFromAst(Context.Schema, condition);
            if (ReferenceEquals(conditionType, type))
            {
                return true;
            }

            return conditionType is NamedType named && named.IsAbstractType() && Context.Schema.IsSubType(named, type);
        }

        private static bool ShouldInclude(SelectionNode selection)
        {
            foreach (var directive in selection.Directives)
            {
                var name = directive.Name.Value;
                if (name != "skip" && name != "include")
                {
                    continue;
                }

                foreach (var argument in directive.Arguments)
                {
                    if (argument.Name.Value == "if" && argument.Value is BooleanValueNode b && b.Value == (name == "skip"))
                    {
                        return false;
                    }
                }
            }

            return true;
        }
    }
}
