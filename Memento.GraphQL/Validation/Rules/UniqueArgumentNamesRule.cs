// Argument Uniqueness — https://spec.graphql.org/October2021/#sec-Argument-Uniqueness
// "Fields and directives treat arguments as a mapping of argument name to value. More than one argument with the
// same name in an argument set is ambiguous and invalid."
using Memento.GraphQL.Errors;
using Memento.GraphQL.Language;
using Memento.GraphQL.Language.Ast;

namespace Memento.GraphQL.Validation.Rules;

/// <summary>A field or directive is given each argument at most once.</summary>
public static class UniqueArgumentNamesRule
{
    public static readonly ValidationRule Rule = static context => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationRuleVisitor(context)
    {
        public override VisitorAction Enter(Node node, IReadOnlyList<Node> ancestors)
        {
            var arguments = node switch
            {
                FieldNode f => f.Arguments,
                DirectiveNode d => d.Arguments,
                _ => null,
            };
            if (arguments is null || arguments.Count < 2)
            {
                return VisitorAction.Continue;
            }

            var groups = new Dictionary<string, List<Node>>(StringComparer.Ordinal);
            var order = new List<string>();
            foreach (var argument in arguments)
            {
                var name = argument.Name.Value;
                if (!groups.TryGetValue(name, out var list))
                {
                    groups[name] = list = new List<Node>();
                    order.Add(name);
                }

                list.Add(argument.Name);
            }

            foreach (var name in order)
            {
                if (groups[name].Count > 1)
                {
                    Context.ReportError(new GraphQLError(ErrorMessages.DuplicateArgument(name), groups[name]));
                }
            }

            return VisitorAction.Continue;
        }
    }
}
