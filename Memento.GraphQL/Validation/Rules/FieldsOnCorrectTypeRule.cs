// Field Selections — https://spec.graphql.org/October2021/#sec-Field-Selections
// "The target field of a field selection must be defined on the scoped type of the selection set. There are no
// limitations on alias names."
using Memento.GraphQL.Errors;
using Memento.GraphQL.Language;
using Memento.GraphQL.Language.Ast;
using Memento.GraphQL.Types;
using Memento.GraphQL.Utilities;

namespace Memento.GraphQL.Validation.Rules;

/// <summary>Every selected field exists on its parent type; suggests inline fragments or similar field names.</summary>
public static class FieldsOnCorrectTypeRule
{
    public static readonly ValidationRule Rule = static context => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationRuleVisitor(context)
    {
        public override VisitorAction Enter(Node node, IReadOnlyList<Node> ancestors)
        {
            if (node is FieldNode field && Context.TypeInfo.ParentType is { } type && Context.TypeInfo.FieldDef is null)
            {
                var fieldName = field.Name.Value;
                var suggestion = Suggestions.DidYouMean("to use an inline fragment on", SuggestedTypeNames(type, fieldName));
                if (suggestion.Length == 0)
                {
                    suggestion = Suggestions.DidYouMean(SuggestedFieldNames(type, fieldName));
                }

                Report(ErrorMessages.UndefinedField(fieldName, type.Name) + suggestion, field);
            }

            return VisitorAction.Continue;
        }

        // Types implementing the field, the most widely shared interfaces first (graphql-js getSuggestedTypeNames).
        private List<string> SuggestedTypeNames(NamedType type, string fieldName)
        {
            var result = new List<string>();
            if (!type.IsAbstractType())
            {
                return result;
            }

            var schema = Context.Schema;
            var suggested = new List<FieldsContainer>();
            var usageCount = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var possibleType in schema.GetPossibleTypes(type))
            {
                if (possibleType.GetField(fieldName) is null)
                {
                    continue;
                }

                if (!suggested.Contains(possibleType))
                {
                    suggested.Add(possibleType);
                }

                usageCount[possibleType.Name] = 1;
                foreach (var possibleInterface in possibleType.Interfaces)
                {
                    if (possibleInterface.GetField(fieldName) is null)
                    {
                        continue;
                    }

                    if (!suggested.Contains(possibleInterface))
                    {
                        suggested.Add(possibleInterface);
                    }

                    usageCount[possibleInterface.Name] = usageCount.GetValueOrDefault(possibleInterface.Name) + 1;
                }
            }

            // A stable sort, as JavaScript's Array#sort is.
            var ordered = suggested.Select((t, i) => (t, i)).ToList();
            ordered.Sort((x, y) =>
            {
                var (a, b) = (x.t, y.t);
                var diff = usageCount[b.Name] - usageCount[a.Name];
                if (diff != 0)
                {
                    return diff;
                }

                if (a is InterfaceType && schema.IsSubType(a, b))
                {
                    return -1;
                }

                if (b is InterfaceType && schema.IsSubType(b, a))
                {
                    return 1;
                }

                var c = Suggestions.NaturalCompare(a.Name, b.Name);
                return c != 0 ? c : x.i - y.i;
            });
            foreach (var (t, _) in ordered)
            {
                result.Add(t.Name);
            }

            return result;
        }

        private static IReadOnlyList<string> SuggestedFieldNames(NamedType type, string fieldName)
        {
            if (type is not FieldsContainer container)
            {
                return Array.Empty<string>();
            }

            var names = new List<string>(container.Fields.Count);
            foreach (var f in container.Fields)
            {
                names.Add(f.Name);
            }

            return Suggestions.SuggestionList(fieldName, names);
        }
    }
}
