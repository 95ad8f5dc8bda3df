// All Variables Used — https://spec.graphql.org/October2021/#sec-All-Variables-Used
// "All variables defined by an operation must be used in that operation or a fragment transitively included by
// that operation."
using Memento.GraphQL.Errors;
using Memento.GraphQL.Language;
using Memento.GraphQL.Language.Ast;

namespace Memento.GraphQL.Validation.Rules;

/// <summary>Every variable an operation defines is used by it (including in its fragments).</summary>
public static class NoUnusedVariablesRule
{
    public static readonly ValidationRule Rule = static context => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationRuleVisitor(context)
    {
        public override VisitorAction Leave(Node node, IReadOnlyList<Node> ancestors)
        {
            if (node is not OperationDefinitionNode { VariableDefinitions.Count: > 0 } operation)
            {
                return VisitorAction.Continue;
            }

            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (var usage in Context.GetRecursiveVariableUsages(operation))
            {
                used.Add(usage.Node.Name.Value);
            }

            foreach (var definition in operation.VariableDefinitions)
            {
                var name = definition.Variable.Name.Value;
                if (!used.Contains(name))
                {
                    Report(ErrorMessages.UnusedVariable(name, operation.Name?.Value), definition);
                }
            }

            return VisitorAction.Continue;
        }
    }
}
