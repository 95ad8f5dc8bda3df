using Memento.GraphQL.Language.Ast;
using Memento.GraphQL.Types;

namespace Memento.GraphQL.Validation.Rules.OverlappingFields;

/// <summary>Two sets of fields that cannot be merged, and why.</summary>
internal sealed record Conflict(string ResponseName, string Reason, List<FieldNode> Fields1, List<FieldNode> Fields2);

/// <summary>One field selection with the type it was selected on.</summary>
internal sealed class FieldDetails(NamedType? parentType, FieldNode node, FieldDefinition? definition)
{
    public NamedType? ParentType { get; } = parentType;

    public FieldNode Node { get; } = node;

    public FieldDefinition? Definition { get; } = definition;

    /// <summary>No arguments and no sub-selection: two such selections of one field never conflict.</summary>
    public bool IsSimpleLeaf { get; } = node.Arguments.Count == 0 && node.SelectionSet is null;

    /// <summary>Argument and comparison data, built only when the field overlaps another.</summary>
    public FieldInfo? Info { get; set; }
}

/// <summary>Lazily prepared facts about a field selection.</summary>
internal sealed class FieldInfo(NamedType? namedType, ArgumentInfo? arguments)
{
    public Dictionary<FieldInfo, string?> Comparisons { get; } = new(ReferenceEqualityComparer.Instance);

    public NamedType? NamedType { get; } = namedType;

    public ArgumentInfo? Arguments { get; } = arguments;

    public string? TypeString { get; set; }
}

/// <summary>A field's arguments by name.</summary>
internal sealed class ArgumentInfo(IReadOnlyList<ArgumentNode> nodes)
{
    public IReadOnlyList<ArgumentNode> Nodes { get; } = nodes;

    public Dictionary<string, ValueNode> Values { get; } = BuildValues(nodes);

    private static Dictionary<string, ValueNode> BuildValues(IReadOnlyList<ArgumentNode> nodes)
    {
        var values = new Dictionary<string, ValueNode>(nodes.Count, StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            values[node.Name.Value] = node.Value;
        }

        return values;
    }
}

/// <summary>The fields of a selection set by response name (in first-seen order) and the fragments it spreads.</summary>
internal sealed class CollectFieldsResult
{
    public List<string> ResponseNames { get; } = new();

    public Dictionary<string, List<FieldDetails>> GroupedFieldSet { get; } = new(StringComparer.Ordinal);

    public List<string> FragmentNames { get; } = new();

    /// <summary>Fragment name → whether it was compared as mutually exclusive.</summary>
    public Dictionary<string, bool>? ComparedFragments { get; set; }

    public Dictionary<CollectFieldsResult, List<(string ResponseName, List<FieldDetails> Fields1, List<FieldDetails> Fields2)>>? OverlappingFields { get; set; }
}

/// <summary>Pairs of fragment names already compared (and whether as mutually exclusive).</summary>
internal sealed class PairSet
{
    private readonly Dictionary<string, Dictionary<string, bool>> _data = new(StringComparer.Ordinal);

    public bool Has(string a, string b, bool weaklyPresent) => HasOrdered(a, b, weaklyPresent) || HasOrdered(b, a, weaklyPresent);

    public void Add(string a, string b, bool weaklyPresent)
    {
        if (!_data.TryGetValue(a, out var map))
        {
            _data[a] = map = new Dictionary<string, bool>(StringComparer.Ordinal);
        }

        map[b] = weaklyPresent;
    }

    private bool HasOrdered(string a, string b, bool weaklyPresent)
    {
        if (!_data.TryGetValue(a, out var map) || !map.TryGetValue(b, out var result))
        {
            return false;
        }

        // A non-exclusive comparison covers an exclusive one, not the reverse.
        return weaklyPresent || weaklyPresent == result;
    }
}
