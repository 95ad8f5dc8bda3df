// Operation Name Uniqueness — https://spec.graphql.org/October2021/#sec-Operation-Name-Uniqueness
// "Each named operation definition must be unique within a document when referred to by its name."
using Memento.GraphQL.Errors;
using Memento.GraphQL.Language;
using Memento.GraphQL.Language.Ast;

namespace Memento.GraphQL.Validation.Rules;

/// <summary>A GraphQL document is only valid if all defined operations have unique names.</summary>
public static class UniqueOperationNamesRule
{
    public static readonly ValidationRule Rule = static context => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationRuleVisitor(context)
    {
        private readonly Dictionary<string, NameNode> _known = new(StringComparer.Ordinal);

        public override VisitorAction Enter(Node node, IReadOnlyList<Node> ancestors)
        {
            switch (node)
            {
                case OperationDefinitionNode { Name: { } name }:
                    if (_known.TryGetValue(name.Value, out var known))
                    {
                        Report(ErrorMessages.DuplicateOperationName(name.Value), known, name);
                    }
                    else
                    {
                        _known[name.Value] = name;
                    }

                    return VisitorAction.Skip;
                case OperationDefinitionNode or FragmentDefinitionNode:
                    return VisitorAction.Skip;
                default:
                    return VisitorAction.Continue;
            }
        }
    }
}
