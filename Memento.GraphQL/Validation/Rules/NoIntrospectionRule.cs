// Not a spec rule: forbids the __schema and __type fields, for callers the server does not let see its schema
// (configured for anonymous callers). __typename stays allowed: clients need it to read unions and interfaces.
using Memento.GraphQL.Errors;
using Memento.GraphQL.Language;
using Memento.GraphQL.Language.Ast;

namespace Memento.GraphQL.Validation.Rules;

/// <summary>Rejects introspection (__schema, __type) when introspection is disabled.</summary>
public static class NoIntrospectionRule
{
    public static readonly ValidationRule Rule = static context => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationRuleVisitor(context)
    {
        public override VisitorAction Enter(Node node, IReadOnlyList<Node> ancestors)
        {
            if (node is FieldNode field && field.Name.Value is "__schema" or "__type")
            {
                Report(ErrorMessages.IntrospectionDisabled(field.Name.Value), field);
                return VisitorAction.Skip;
            }

            return VisitorAction.Continue;
        }
    }
}
