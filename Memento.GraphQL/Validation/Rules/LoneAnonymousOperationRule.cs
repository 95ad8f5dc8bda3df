// Lone Anonymous Operation — https://spec.graphql.org/October2021/#sec-Lone-Anonymous-Operation
// "GraphQL allows a short-hand form for defining query operations when only that one operation exists in the document."
using Memento.GraphQL.Errors;
using Memento.GraphQL.Language;
using Memento.GraphQL.Language.Ast;

namespace Memento.GraphQL.Validation.Rules;

/// <summary>An anonymous operation is only valid when it is the only operation in the document.</summary>
public static class LoneAnonymousOperationRule
{
    public static readonly ValidationRule Rule = static context => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationRuleVisitor(context)
    {
        private int _operationCount;

        public override VisitorAction Enter(Node node, IReadOnlyList<Node> ancestors)
        {
            switch (node)
            {
                case DocumentNode document:
                    foreach (var definition in document.Definitions)
                    {
                        if (definition is OperationDefinitionNode)
                        {
                            _operationCount++;
                        }
                    }

                    return VisitorAction.Continue;
                case OperationDefinitionNode operation:
                    if (operation.Name is null && _operationCount > 1)
                    {
                        Report(ErrorMessages.AnonOperationNotAlone, operation);
                    }

                    return VisitorAction.Skip;
                case FragmentDefinitionNode:
                    return VisitorAction.Skip;
                default:
                    return VisitorAction.Continue;
            }
        }
    }
}
