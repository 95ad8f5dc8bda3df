// All Variable Uses Defined — https://spec.graphql.org/October2021/#sec-All-Variable-Uses-Defined
// "Variables are scoped on a per-operation basis. That means that any variable used within the context of an
// operation must be defined at the top level of that operation."
using Memento.GraphQL.Errors;
using Memento.GraphQL.Language;
using Memento.GraphQL.Language.Ast;

namespace Memento.GraphQL.Validation.Rules;

/// <summary>Every variable used by an operation (including in its fragments) is defined by it.</summary>
public static class NoUndefinedVariablesRule
{
    public static readonly ValidationRule Rule = static context => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationRuleVisitor(context)
    {
        private readonly HashSet<string> _defined = new(StringComparer.Ordinal);

        public override VisitorAction Enter(Node node, IReadOnlyList<Node> ancestors)
        {
            switch (node)
            {
                case OperationDefinitionNode:
                    _defined.Clear();
                    break;
                case VariableDefinitionNode definition:
                    _defined.Add(definition.Variable.Name.Value);
                    break;
            }

            return VisitorAction.Continue;
        }

        public override VisitorAction Leave(Node node, IReadOnlyList<Node> ancestors)
        {
            if (node is OperationDefinitionNode operation)
            {
                foreach (var usage in Context.GetRecursiveVariableUsages(operation))
                {
                    var name = usage.Node.Name.Value;
                    if (!_defined.Contains(name))
                    {
                        Report(ErrorMessages.UndefinedVariable(name, operation.Name?.Value), usage.Node, operation);
                    }
                }
            }

            return VisitorAction.Continue;
        }
    }
}
