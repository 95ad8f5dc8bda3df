// Named types must exist — https://spec.graphql.org/October2021/#sec-Fragment-Spread-Type-Existence
// and https://spec.graphql.org/October2021/#sec-Variables-Are-Input-Types
// "A GraphQL document is only valid if referenced types (specifically variable definitions and fragment
// conditions) are defined by the type schema."
using Memento.GraphQL.Errors;
using Memento.GraphQL.Introspection;
using Memento.GraphQL.Language;
using Memento.GraphQL.Language.Ast;
using Memento.GraphQL.Types;
using Memento.GraphQL.Utilities;

namespace Memento.GraphQL.Validation.Rules;

/// <summary>Every type a document names exists in the schema (or, in SDL, in the document or the standard types).</summary>
public static class KnownTypeNamesRule
{
    public static readonly ValidationRule Rule = static context => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationRuleVisitor(context)
    {
        private HashSet<string>? _definedTypes;

        public override VisitorAction Enter(Node node, IReadOnlyList<Node> ancestors)
        {
            if (node is not NamedTypeNode named)
            {
                return VisitorAction.Continue;
            }

            var typeName = named.Name.Value;
            if (Context.Schema.GetType(typeName) is not null || DefinedTypes().Contains(typeName))
            {
                return VisitorAction.Continue;
            }

            // ancestors[2] in graphql-js counts arrays; without them the definition is the second ancestor.
            var definitionNode = ancestors.Count > 1 ? ancestors[1] : ancestors.Count > 0 ? ancestors[^1] : null;
            var isSdl = definitionNode is TypeSystemDefinitionNode or TypeSystemExtensionNode;
            if (isSdl && IsStandardTypeName(typeName))
            {
                return VisitorAction.Continue;
            }

            var typeNames = new List<string>();
            if (isSdl)
            {
                foreach (var t in ScalarType.SpecifiedScalars)
                {
                    typeNames.Add(t.Name);
                }

                foreach (var t in IntrospectionTypes.All)
                {
                    typeNames.Add(t.Name);
                }
            }

            foreach (var t in Context.Schema.Types)
            {
                typeNames.Add(t.Name);
            }

            typeNames.AddRange(DefinedTypes());
            Report(ErrorMessages.UnknownType(typeName) + Suggestions.DidYouMean(Suggestions.SuggestionList(typeName, typeNames)), named);
            return VisitorAction.Continue;
        }

        private HashSet<string> DefinedTypes()
        {
            if (_definedTypes is null)
            {
                _definedTypes = new HashSet<string>(StringComparer.Ordinal);
                foreach (var definition in Context.Document.Definitions)
                {
                    if (definition is TypeDefinitionNode t)
                    {
                        _definedTypes.Add(t.Name.Value);
                    }
                }
            }

            return _definedTypes;
        }

        private static bool IsStandardTypeName(string name)
        {
            foreach (var t in ScalarType.SpecifiedScalars)
            {
                if (t.Name == name)
                {
                    return true;
                }
            }

            foreach (var t in IntrospectionTypes.All)
            {
                if (t.Name == name)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
