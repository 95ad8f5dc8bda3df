using System.Text;
using Memento.GraphQL.Language.Ast;
using Memento.GraphQL.Types;
using Memento.GraphQL.Utilities;
using ListType = Memento.GraphQL.Types.ListType;
using NonNullType = Memento.GraphQL.Types.NonNullType;

namespace Memento.GraphQL.Validation.Rules.OverlappingFields;

/// <summary>Comparing two field selections, and collecting the fields of selection sets.</summary>
internal sealed partial class ConflictFinder
{
    private Conflict? FindConflict(bool parentFieldsAreMutuallyExclusive, string responseName, FieldDetails details1, FieldDetails details2)
    {
        var node1 = details1.Node;
        var node2 = details2.Node;
        var def1 = details1.Definition;
        var def2 = details2.Definition;

        // Fields on two different object types can never apply to the same object, so only their shapes must agree.
        var areMutuallyExclusive = parentFieldsAreMutuallyExclusive ||
                                   (!ReferenceEquals(details1.ParentType, details2.ParentType) &&
                                    details1.ParentType is ObjectType && details2.ParentType is ObjectType);
        Spend(2);
        if (details1.IsSimpleLeaf && details2.IsSimpleLeaf && ReferenceEquals(def1?.Type, def2?.Type) &&
            node1.Name.Value == node2.Name.Value)
        {
            return null;
        }

        if (!areMutuallyExclusive)
        {
            var info1 = GetFieldInfo(details1);
            var info2 = GetFieldInfo(details2);
            if (!info1.Comparisons.TryGetValue(info2, out var reason))
            {
                var name1 = node1.Name.Value;
                var name2 = node2.Name.Value;
                reason = name1 != name2
                    ? $"\"{MaybeAbbreviate(name1)}\" and \"{MaybeAbbreviate(name2)}\" are different fields"
                    : SameArguments(info1.Arguments, info2.Arguments)
                        ? null
                        : "they have differing arguments";
                info1.Comparisons[info2] = reason;
            }

            if (reason is not null)
            {
                return new Conflict(responseName, reason, new List<FieldNode> { node1 }, new List<FieldNode> { node2 });
            }
        }

        var type1 = def1?.Type;
        var type2 = def2?.Type;
        if (type1 is not null && type2 is not null && DoTypesConflict(type1, type2))
        {
            var info1 = GetFieldInfo(details1);
            var info2 = GetFieldInfo(details2);
            var type1String = info1.TypeString ??= type1.ToString();
            var type2String = info2.TypeString ??= type2.ToString();
            return new Conflict(responseName, $"they return conflicting types \"{type1String}\" and \"{type2String}\"",
                new List<FieldNode> { node1 }, new List<FieldNode> { node2 });
        }

        if (node1.SelectionSet is { } selectionSet1 && node2.SelectionSet is { } selectionSet2)
        {
            var conflicts = FindConflictsBetweenSubSelectionSets(areMutuallyExclusive,
                GetFieldInfo(details1).NamedType, selectionSet1, GetFieldInfo(details2).NamedType, selectionSet2);
            return SubfieldConflicts(conflicts, responseName, node1, node2);
        }

        return null;
    }

    private static FieldInfo GetFieldInfo(FieldDetails details) =>
        details.Info ??= new FieldInfo(details.Definition?.Type.GetNamedType(),
            details.Node.Arguments.Count == 0 ? null : new ArgumentInfo(details.Node.Arguments));

    private bool SameArguments(ArgumentInfo? args1, ArgumentInfo? args2)
    {
        if (args1 is null)
        {
            return args2 is null;
        }

        if (args2 is null || args1.Nodes.Count != args2.Nodes.Count)
        {
            return false;
        }

        foreach (var arg1 in args1.Nodes)
        {
            Spend(1);
            if (!args2.Values.TryGetValue(arg1.Name.Value, out var value2) ||
                StringifyValue(arg1.Value) != StringifyValue(value2))
            {
                return false;
            }
        }

        return true;
    }

    // A canonical text of a value: object fields sorted by name, so {a:1,b:2} equals {b:2,a:1}.
    private string StringifyValue(ValueNode value)
    {
        if (_stringifiedValues.TryGetValue(value, out var cached))
        {
            return cached;
        }

        var sb = new StringBuilder();
        AppendCanonical(sb, value);
        var result = sb.ToString();
        _stringifiedValues[value] = result;
        return result;
    }

    private static void AppendCanonical(StringBuilder sb, ValueNode value)
    {
        switch (value)
        {
            case VariableNode v:
                sb.Append("$").Append(v.Name.Value);
                break;
            case ObjectValueNode o:
                var fields = new List<ObjectFieldNode>(o.Fields);
                fields.Sort((a, b) => string.CompareOrdinal(a.Name.Value, b.Name.Value));
                sb.Append('{');
                foreach (var f in fields)
                {
                    sb.Append(f.Name.Value).Append(':');
                    AppendCanonical(sb, f.Value);
                    sb.Append(',');
                }

                sb.Append('}');
                break;
            case ListValueNode l:
                sb.Append('[');
                foreach (var item in l.Values)
                {
                    AppendCanonical(sb, item);
                    sb.Append(',');
                }

                sb.Append(']');
                break;
            case StringValueNode s:
                sb.Append(s.Block ? "B" : "S");
                ValuePrinter.AppendString(sb, s.Value);
                break;
            default:
                sb.Append((int)value.Kind).Append(':');
                ValuePrinter.Append(sb, value);
                break;
        }
    }

    // Two types conflict if they could not both describe one value: different wrappers, or different leaf types.
    private bool DoTypesConflict(GraphQLType type1, GraphQLType type2)
    {
        if (ReferenceEquals(type1, type2))
        {
            return false;
        }

        Spend(1);
        if (type1 is ListType list1)
        {
            return type2 is not ListType list2 || DoTypesConflict(list1.OfType, list2.OfType);
        }

        if (type2 is ListType)
        {
            return true;
        }

        if (type1 is NonNullType nonNull1)
        {
            return type2 is not NonNullType nonNull2 || DoTypesConflict(nonNull1.OfType, nonNull2.OfType);
        }

        if (type2 is NonNullType)
        {
            return true;
        }

        if (type1.IsLeafType() || type2.IsLeafType())
        {
            return !ReferenceEquals(type1, type2);
        }

        return false;
    }

    private CollectFieldsResult CollectFields(NamedType? parentType, SelectionSetNode selectionSet)
    {
        if (_collectFieldsCache.TryGetValue((parentType, selectionSet), out var cached))
        {
            return cached;
        }

        var result = new CollectFieldsResult();
        var fragmentNames = new HashSet<string>(StringComparer.Ordinal);
        CollectFieldsImpl(parentType, selectionSet, result, fragmentNames);
        _collectFieldsCache[(parentType, selectionSet)] = result;
        return result;
    }

    private CollectFieldsResult CollectFragmentFields(FragmentDefinitionNode fragment) =>
        CollectFields(TypeComparators.TypeFromAst(context.Schema, fragment.TypeCondition) as NamedType, fragment.SelectionSet);

    private void CollectFieldsImpl(NamedType? parentType, SelectionSetNode selectionSet, CollectFieldsResult result, HashSet<string> fragmentNames)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    var fieldName = field.Name.Value;
                    var definition = parentType is FieldsContainer container ? container.GetField(fieldName) : null;
                    var responseName = field.Alias?.Value ?? fieldName;
                    if (!result.GroupedFieldSet.TryGetValue(responseName, out var list))
                    {
                        result.GroupedFieldSet[responseName] = list = new List<FieldDetails>();
                        result.ResponseNames.Add(responseName);
                    }

                    list.Add(new FieldDetails(parentType, field, definition));
                    break;
                case FragmentSpreadNode spread:
                    if (fragmentNames.Add(spread.Name.Value))
                    {
                        result.FragmentNames.Add(spread.Name.Value);
                    }

                    break;
                case InlineFragmentNode inline:
                    var inlineType = inline.TypeCondition is { } condition
                        ? TypeComparators.TypeFromAst(context.Schema, condition) as NamedType
                        : parentType;
                    CollectFieldsImpl(inlineType, inline.SelectionSet, result, fragmentNames);
                    break;
            }
        }
    }

    private static Conflict? SubfieldConflicts(List<Conflict> conflicts, string responseName, FieldNode node1, FieldNode node2)
    {
        if (conflicts.Count == 0)
        {
            return null;
        }

        var message = new StringBuilder();
        foreach (var conflict in conflicts)
        {
            if (message.Length > 0)
            {
                message.Append(" and ");
            }

            message.Append("subfields \"").Append(MaybeAbbreviate(conflict.ResponseName)).Append("\" conflict because ").Append(conflict.Reason);
            if (message.Length > MaxConflictDetailLength)
            {
                break;
            }
        }

        return new Conflict(responseName, MaybeAbbreviate(message.ToString()),
            CollectConflictNodes(node1, conflicts, first: true), CollectConflictNodes(node2, conflicts, first: false));
    }

    private static List<FieldNode> CollectConflictNodes(FieldNode node, List<Conflict> conflicts, bool first)
    {
        var nodes = new List<FieldNode> { node };
        foreach (var conflict in conflicts)
        {
            var side = first ? conflict.Fields1 : conflict.Fields2;
            var remaining = MaxConflictNodes - nodes.Count;

            // Take from the end: the innermost nodes locate the conflict best.
            var take = Math.Min(remaining, side.Count);
            nodes.AddRange(side.GetRange(side.Count - take, take));
            if (nodes.Count == MaxConflictNodes)
            {
                break;
            }
        }

        return nodes;
    }
}
