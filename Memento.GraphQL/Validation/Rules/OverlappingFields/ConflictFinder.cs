using System.Text;
using Memento.GraphQL.Language.Ast;
using Memento.GraphQL.Types;
using Memento.GraphQL.Utilities;

namespace Memento.GraphQL.Validation.Rules.OverlappingFields;

/// <summary>The conflict search of OverlappingFieldsCanBeMergedRule, with its per-document caches.</summary>
internal sealed partial class ConflictFinder(ValidationContext context)
{
    private const int MaxConflictDetailLength = 1000;
    private const int MaxConflictNodes = 20;
    private const int MaxComplexityBudget = 500_000;

    private readonly PairSet _comparedFragmentPairs = new();
    private readonly Dictionary<(NamedType?, SelectionSetNode), CollectFieldsResult> _collectFieldsCache = new();
    private readonly Dictionary<ValueNode, string> _stringifiedValues = new(ReferenceEqualityComparer.Instance);
    private int _remainingBudget = MaxComplexityBudget;

    public static string MaybeAbbreviate(string text) =>
        text.Length > MaxConflictDetailLength ? text[..MaxConflictDetailLength] + "..." : text;

    public List<Conflict> FindConflictsWithinSelectionSet(NamedType? parentType, SelectionSetNode selectionSet)
    {
        var conflicts = new List<Conflict>();
        var result = CollectFields(parentType, selectionSet);

        // (A) Conflicts within the fields of this selection set.
        CollectConflictsWithin(conflicts, result);

        // (B) Fragment uses compared with the fields, and (C) with each other.
        if (result.FragmentNames.Count != 0 && (result.GroupedFieldSet.Count != 0 || result.FragmentNames.Count > 1))
        {
            for (var i = 0; i < result.FragmentNames.Count; i++)
            {
                CollectConflictsBetweenFieldsAndFragment(conflicts, false, result, result.FragmentNames[i]);
                for (var j = i + 1; j < result.FragmentNames.Count; j++)
                {
                    CollectConflictsBetweenFragments(conflicts, false, result.FragmentNames[i], result.FragmentNames[j]);
                }
            }
        }

        return conflicts;
    }

    private void CollectConflictsBetweenFieldsAndFragment(List<Conflict> conflicts, bool areMutuallyExclusive, CollectFieldsResult result, string fragmentName)
    {
        Execution.StackGuard.Ensure();
        Spend(1);
        if (result.GroupedFieldSet.Count == 0)
        {
            return;
        }

        var compared = result.ComparedFragments ??= new Dictionary<string, bool>(StringComparer.Ordinal);
        if (compared.TryGetValue(fragmentName, out var wasExclusive) && (!wasExclusive || areMutuallyExclusive))
        {
            return;
        }

        compared[fragmentName] = areMutuallyExclusive;
        var fragment = context.GetFragment(fragmentName);
        if (fragment is null)
        {
            return;
        }

        var result2 = CollectFragmentFields(fragment);
        if (ReferenceEquals(result, result2))
        {
            return;
        }

        // (D) The fields against the fragment's fields, then (E) against the fragments it spreads.
        CollectConflictsBetween(conflicts, areMutuallyExclusive, result, result2);
        foreach (var referenced in result2.FragmentNames)
        {
            CollectConflictsBetweenFieldsAndFragment(conflicts, areMutuallyExclusive, result, referenced);
        }
    }

    private void CollectConflictsBetweenFragments(List<Conflict> conflicts, bool areMutuallyExclusive, string fragmentName1, string fragmentName2)
    {
        Execution.StackGuard.Ensure();
        Spend(2);
        if (fragmentName1 == fragmentName2 || _comparedFragmentPairs.Has(fragmentName1, fragmentName2, areMutuallyExclusive))
        {
            return;
        }

        _comparedFragmentPairs.Add(fragmentName1, fragmentName2, areMutuallyExclusive);
        var fragment1 = context.GetFragment(fragmentName1);
        var fragment2 = context.GetFragment(fragmentName2);
        if (fragment1 is null || fragment2 is null)
        {
            return;
        }

        var result1 = CollectFragmentFields(fragment1);
        var result2 = CollectFragmentFields(fragment2);

        // (F) The two fragments' fields, then (G) each against the other's nested fragments.
        CollectConflictsBetween(conflicts, areMutuallyExclusive, result1, result2);
        foreach (var referenced2 in result2.FragmentNames)
        {
            CollectConflictsBetweenFragments(conflicts, areMutuallyExclusive, fragmentName1, referenced2);
        }

        foreach (var referenced1 in result1.FragmentNames)
        {
            CollectConflictsBetweenFragments(conflicts, areMutuallyExclusive, referenced1, fragmentName2);
        }
    }

    private List<Conflict> FindConflictsBetweenSubSelectionSets(bool areMutuallyExclusive, NamedType? parentType1, SelectionSetNode selectionSet1, NamedType? parentType2, SelectionSetNode selectionSet2)
    {
        var conflicts = new List<Conflict>();
        var result1 = CollectFields(parentType1, selectionSet1);
        var result2 = CollectFields(parentType2, selectionSet2);

        // (H) Fields against fields, (I) fields against the other side's fragments, (J) fragments against fragments.
        CollectConflictsBetween(conflicts, areMutuallyExclusive, result1, result2);
        foreach (var fragmentName2 in result2.FragmentNames)
        {
            CollectConflictsBetweenFieldsAndFragment(conflicts, areMutuallyExclusive, result1, fragmentName2);
        }

        foreach (var fragmentName1 in result1.FragmentNames)
        {
            CollectConflictsBetweenFieldsAndFragment(conflicts, areMutuallyExclusive, result2, fragmentName1);
        }

        foreach (var fragmentName1 in result1.FragmentNames)
        {
            foreach (var fragmentName2 in result2.FragmentNames)
            {
                CollectConflictsBetweenFragments(conflicts, areMutuallyExclusive, fragmentName1, fragmentName2);
            }
        }

        return conflicts;
    }

    private void CollectConflictsWithin(List<Conflict> conflicts, CollectFieldsResult result)
    {
        foreach (var responseName in result.ResponseNames)
        {
            var fields = result.GroupedFieldSet[responseName];
            if (fields.Count > 1 && AllIdenticalSimpleLeaves(fields))
            {
                // graphql-js compares every pair (and aborts on budget for thousands of repeats); identical simple
                // leaves never conflict, so the group is settled without the quadratic loop.
                continue;
            }

            for (var i = 0; i < fields.Count; i++)
            {
                for (var j = i + 1; j < fields.Count; j++)
                {
                    if (FindConflict(false, responseName, fields[i], fields[j]) is { } conflict)
                    {
                        conflicts.Add(conflict);
                    }
                }
            }
        }
    }

    private static bool AllIdenticalSimpleLeaves(List<FieldDetails> fields)
    {
        var first = fields[0];
        if (!first.IsSimpleLeaf)
        {
            return false;
        }

        for (var i = 1; i < fields.Count; i++)
        {
            var other = fields[i];
            if (!other.IsSimpleLeaf || !ReferenceEquals(other.Definition?.Type, first.Definition?.Type) ||
                other.Node.Name.Value != first.Node.Name.Value)
            {
                return false;
            }
        }

        return true;
    }

    private void CollectConflictsBetween(List<Conflict> conflicts, bool parentFieldsAreMutuallyExclusive, CollectFieldsResult result1, CollectFieldsResult result2)
    {
        if (result1.GroupedFieldSet.Count == 0 || result2.GroupedFieldSet.Count == 0)
        {
            return;
        }

        foreach (var (responseName, fields1, fields2) in GetOverlappingFields(result1, result2))
        {
            foreach (var field1 in fields1)
            {
                foreach (var field2 in fields2)
                {
                    if (FindConflict(parentFieldsAreMutuallyExclusive, responseName, field1, field2) is { } conflict)
                    {
                        conflicts.Add(conflict);
                    }
                }
            }
        }
    }

    private List<(string, List<FieldDetails>, List<FieldDetails>)> GetOverlappingFields(CollectFieldsResult result1, CollectFieldsResult result2)
    {
        var byResult = result1.OverlappingFields ??= new Dictionary<CollectFieldsResult, List<(string, List<FieldDetails>, List<FieldDetails>)>>(ReferenceEqualityComparer.Instance);
        if (byResult.TryGetValue(result2, out var cached))
        {
            return cached;
        }

        var overlapping = new List<(string, List<FieldDetails>, List<FieldDetails>)>();
        foreach (var responseName in result1.ResponseNames)
        {
            Spend(1);
            if (result2.GroupedFieldSet.TryGetValue(responseName, out var fields2))
            {
                overlapping.Add((responseName, result1.GroupedFieldSet[responseName], fields2));
            }
        }

        byResult[result2] = overlapping;
        return overlapping;
    }

    private void Spend(int cost)
    {
        // The search can run long within its budget: every 1024 units it checks whether the request still stands.
        if ((_remainingBudget & 1023) < cost)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
        }

        _remainingBudget -= cost;
        if (_remainingBudget < 0)
        {
            throw new ValidationAbortedException();
        }
    }
}
