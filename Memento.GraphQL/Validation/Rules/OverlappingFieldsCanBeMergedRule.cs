// Field Selection Merging — https://spec.graphql.org/October2021/#sec-Field-Selection-Merging
// "If multiple field selections with the same response names are encountered during execution, the field and
// arguments to execute and the resulting value should be unambiguous. Therefore any two field selections which
// might both be encountered for the same object are only valid if they are equivalent."
using Memento.GraphQL.Errors;
using Memento.GraphQL.Language;
using Memento.GraphQL.Language.Ast;
using Memento.GraphQL.Validation.Rules.OverlappingFields;

namespace Memento.GraphQL.Validation.Rules;

/// <summary>
/// Fields with the same response name can be merged: same field, same arguments, compatible types and mergeable
/// sub-selections. A port of graphql-js 16.15's algorithm: collected field sets, fragment comparisons and argument
/// comparisons are cached, identical simple leaves are compared in constant time (so big flat selections are not
/// quadratic), and a work budget ends pathological documents with "Validation aborted.".
/// </summary>
public static class OverlappingFieldsCanBeMergedRule
{
    public static readonly ValidationRule Rule = static context => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationRuleVisitor(context)
    {
        private readonly ConflictFinder _finder = new(context);

        public override VisitorAction Enter(Node node, IReadOnlyList<Node> ancestors)
        {
            if (node is not SelectionSetNode selectionSet)
            {
                return VisitorAction.Continue;
            }

            // An inline fragment's fields are checked with the enclosing selection set.
            if (ancestors.Count > 0 && ancestors[^1].Kind == NodeKind.InlineFragment)
            {
                return VisitorAction.Continue;
            }

            if (selectionSet.Selections.Count <= 1 &&
                (selectionSet.Selections.Count == 0 || selectionSet.Selections[0].Kind != NodeKind.InlineFragment))
            {
                return VisitorAction.Continue;
            }

            foreach (var conflict in _finder.FindConflictsWithinSelectionSet(Context.TypeInfo.ParentType, selectionSet))
            {
                var nodes = new List<Node>(conflict.Fields1.Count + conflict.Fields2.Count);
                nodes.AddRange(conflict.Fields1);
                nodes.AddRange(conflict.Fields2);
                Context.ReportError(new GraphQLError(
                    ErrorMessages.FieldsConflict(ConflictFinder.MaybeAbbreviate(conflict.ResponseName), conflict.Reason), nodes));
            }

            return VisitorAction.Continue;
        }
    }
}
