// Directives Are Defined — https://spec.graphql.org/October2021/#sec-Directives-Are-Defined
// and Directives Are In Valid Locations — https://spec.graphql.org/October2021/#sec-Directives-Are-In-Valid-Locations
// "GraphQL servers define what directives they support and where they support them. For each usage of a
// directive, the directive must be available on that server" and used in a location it declares.
using Memento.GraphQL.Errors;
using Memento.GraphQL.Language;
using Memento.GraphQL.Language.Ast;
using Memento.GraphQL.Types;

namespace Memento.GraphQL.Validation.Rules;

/// <summary>Every directive used is defined and allowed where it appears.</summary>
public static class KnownDirectivesRule
{
    public static readonly ValidationRule Rule = static context => new Visitor(context);

    private sealed class Visitor : ValidationRuleVisitor
    {
        private readonly Dictionary<string, List<string>> _locations = new(StringComparer.Ordinal);

        public Visitor(ValidationContext context)
            : base(context)
        {
            foreach (var directive in context.Schema.Directives)
            {
                var names = new List<string>();
                foreach (var location in directive.Locations)
                {
                    names.Add(location.ToName());
                }

                _locations[directive.Name] = names;
            }

            foreach (var definition in context.Document.Definitions)
            {
                if (definition is DirectiveDefinitionNode d)
                {
                    var names = new List<string>();
                    foreach (var location in d.Locations)
                    {
                        names.Add(location.Value);
                    }

                    _locations[d.Name.Value] = names;
                }
            }
        }

        public override VisitorAction Enter(Node node, IReadOnlyList<Node> ancestors)
        {
            if (node is not DirectiveNode directive)
            {
                return VisitorAction.Continue;
            }

            var name = directive.Name.Value;
            if (!_locations.TryGetValue(name, out var locations))
            {
                Report(ErrorMessages.UnknownDirective(name), directive);
                return VisitorAction.Continue;
            }

            var candidate = LocationOf(ancestors);
            if (candidate is not null && !locations.Contains(candidate))
            {
                Report(ErrorMessages.MisplacedDirective(name, candidate), directive);
            }

            return VisitorAction.Continue;
        }

        // The node the directive is applied to is the last ancestor (ours hold no arrays, unlike graphql-js).
        private static string? LocationOf(IReadOnlyList<Node> ancestors)
        {
            if (ancestors.Count == 0)
            {
                return null;
            }

            var appliedTo = ancestors[^1];
            return appliedTo switch
            {
                OperationDefinitionNode op => op.Operation switch
                {
                    OperationType.Query => "QUERY",
                    OperationType.Mutation => "MUTATION",
                    _ => "SUBSCRIPTION",
                },
                FieldNode => "FIELD",
                FragmentSpreadNode => "FRAGMENT_SPREAD",
                InlineFragmentNode => "INLINE_FRAGMENT",
                FragmentDefinitionNode => "FRAGMENT_DEFINITION",
                VariableDefinitionNode => "VARIABLE_DEFINITION",
                SchemaDefinitionNode or SchemaExtensionNode => "SCHEMA",
                ScalarTypeDefinitionNode or ScalarTypeExtensionNode => "SCALAR",
                ObjectTypeDefinitionNode or ObjectTypeExtensionNode => "OBJECT",
                FieldDefinitionNode => "FIELD_DEFINITION",
                InterfaceTypeDefinitionNode or InterfaceTypeExtensionNode => "INTERFACE",
                UnionTypeDefinitionNode or UnionTypeExtensionNode => "UNION",
                EnumTypeDefinitionNode or EnumTypeExtensionNode => "ENUM",
                EnumValueDefinitionNode => "ENUM_VALUE",
                InputObjectTypeDefinitionNode or InputObjectTypeExtensionNode => "INPUT_OBJECT",
                InputValueDefinitionNode => ancestors.Count > 1 &&
                                            ancestors[^2] is InputObjectTypeDefinitionNode or InputObjectTypeExtensionNode
                    ? "INPUT_FIELD_DEFINITION"
                    : "ARGUMENT_DEFINITION",
                _ => null,
            };
        }
    }
}
