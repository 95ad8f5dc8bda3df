// Variable Uniqueness — https://spec.graphql.org/October2021/#sec-Variable-Uniqueness
// "If any operation defines more than one variable with the same name, it is ambiguous and invalid."
using Memento.GraphQL.Errors;
using Memento.GraphQL.Language;
using Memento.GraphQL.Language.Ast;

namespace Memento.GraphQL.Validation.Rules;

/// <summary>An operation defines each variable name once.</summary>
public static class UniqueVariableNamesRule
{
    public static readonly ValidationRule Rule = static context => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationRuleVisitor(context)
    {
        public override VisitorAction Enter(Node node, IReadOnlyList<Node> ancestors)
        {
            if (node is not OperationDefinitionNode { VariableDefinitions.Count: > 1 } operation)
            {
                return VisitorAction.Continue;
            }

            // Grouped in first-seen order, as graphql-js groupBy.
            var groups = new Dictionary<string, List<Node>>(StringComparer.Ordinal);
            var order = new List<string>();
            foreach (var definition in operation.VariableDefinitions)
            {
                var name = definition.Variable.Name.Value;
                if (!groups.TryGetValue(name, out var list))
                {
                    groups[name] = list = new List<Node>();
                    order.Add(name);
                }

                list.Add(definition.Variable.Name);
            }

            foreach (var name in order)
            {
                if (groups[name].Count > 1)
                {
                    Context.ReportError(new GraphQLError(ErrorMessages.DuplicateVariable(name), groups[name]));
                }
            }

            return VisitorAction.Continue;
        }
    }
}
