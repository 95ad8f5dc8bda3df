// Directives Are Unique Per Location — https://spec.graphql.org/October2021/#sec-Directives-Are-Unique-Per-Location
// "Directives are used to describe some metadata or behavioral change on the definition they apply to. When more
// than one directive of the same name is used, the expected metadata or behavior becomes ambiguous, therefore
// only one of each non-repeatable directive is allowed per location."
using Memento.GraphQL.Errors;
using Memento.GraphQL.Language;
using Memento.GraphQL.Language.Ast;

namespace Memento.GraphQL.Validation.Rules;

/// <summary>A non-repeatable directive appears at most once per location (type extensions included).</summary>
public static class UniqueDirectivesPerLocationRule
{
    public static readonly ValidationRule Rule = static context => new Visitor(context);

    private sealed class Visitor : ValidationRuleVisitor
    {
        private readonly Dictionary<string, bool> _unique = new(StringComparer.Ordinal);
        private readonly Dictionary<string, DirectiveNode> _schemaDirectives = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Dictionary<string, DirectiveNode>> _typeDirectives = new(StringComparer.Ordinal);

        public Visitor(ValidationContext context)
            : base(context)
        {
            foreach (var directive in context.Schema.Directives)
            {
                _unique[directive.Name] = !directive.IsRepeatable;
            }

            foreach (var definition in context.Document.Definitions)
            {
                if (definition is DirectiveDefinitionNode d)
                {
                    _unique[d.Name.Value] = !d.Repeatable;
                }
            }
        }

        public override VisitorAction Enter(Node node, IReadOnlyList<Node> ancestors)
        {
            if (node is not IHasDirectives { Directives.Count: > 0 } withDirectives)
            {
                return VisitorAction.Continue;
            }

            Dictionary<string, DirectiveNode> seen;
            switch (node)
            {
                case SchemaDefinitionNode or SchemaExtensionNode:
                    seen = _schemaDirectives;
                    break;
                case TypeDefinitionNode or TypeExtensionNode:
                    var typeName = node is TypeDefinitionNode t ? t.Name.Value : ((TypeExtensionNode)node).Name.Value;
                    if (!_typeDirectives.TryGetValue(typeName, out seen!))
                    {
                        _typeDirectives[typeName] = seen = new Dictionary<string, DirectiveNode>(StringComparer.Ordinal);
                    }

                    break;
                default:
                    if (withDirectives.Directives.Count == 1)
                    {
                        return VisitorAction.Continue;
                    }

                    seen = new Dictionary<string, DirectiveNode>(StringComparer.Ordinal);
                    break;
            }

            foreach (var directive in withDirectives.Directives)
            {
                var name = directive.Name.Value;
                if (!_unique.TryGetValue(name, out var unique) || !unique)
                {
                    continue;
                }

                if (seen.TryGetValue(name, out var first))
                {
                    Report(ErrorMessages.DuplicateDirective(name), first, directive);
                }
                else
                {
                    seen[name] = directive;
                }
            }

            return VisitorAction.Continue;
        }
    }
}
