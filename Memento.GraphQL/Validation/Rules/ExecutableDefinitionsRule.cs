// Executable Definitions — https://spec.graphql.org/October2021/#sec-Executable-Definitions
// "For each definition in document: definition must be ExecutableDefinition (it must not be TypeSystemDefinitionOrExtension)."
using Memento.GraphQL.Errors;
using Memento.GraphQL.Language;
using Memento.GraphQL.Language.Ast;

namespace Memento.GraphQL.Validation.Rules;

/// <summary>A GraphQL document is only valid for execution if all definitions are operations or fragments.</summary>
public static class ExecutableDefinitionsRule
{
    public static readonly ValidationRule Rule = static context => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationRuleVisitor(context)
    {
        public override VisitorAction Enter(Node node, IReadOnlyList<Node> ancestors)
        {
            if (node is not DocumentNode document)
            {
                return VisitorAction.Continue;
            }

            foreach (var definition in document.Definitions)
            {
                if (definition is ExecutableDefinitionNode)
                {
                    continue;
                }

                var defName = definition switch
                {
                    SchemaDefinitionNode or SchemaExtensionNode => "schema",
                    TypeDefinitionNode t => "\"" + t.Name.Value + "\"",
                    TypeExtensionNode e => "\"" + e.Name.Value + "\"",
                    DirectiveDefinitionNode d => "\"" + d.Name.Value + "\"",
                    _ => "unknown",
                };
                Report(ErrorMessages.NotExecutableDefinition(defName), definition);
            }

            // graphql-js stops here: nothing below the document matters to this rule.
            return VisitorAction.Skip;
        }
    }
}
