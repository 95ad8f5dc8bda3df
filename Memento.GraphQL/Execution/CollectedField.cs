using Memento.GraphQL.Language.Ast;
using Memento.GraphQL.Types;

namespace Memento.GraphQL.Execution;

/// <summary>
/// One entry of a collected selection (spec 6.3.2 CollectFields): a response name, the field nodes merged under it,
/// and what executing it needs, cached so a list of 10,000 objects collects its sub-selection once.
/// </summary>
internal sealed class CollectedField(string responseName, FieldNode[] nodes, FieldDefinition? definition)
{
    public readonly string ResponseName = responseName;
    public readonly FieldNode[] Nodes = nodes;

    /// <summary>The schema field; null for __typename, which the executor answers itself.</summary>
    public readonly FieldDefinition? Definition = definition;

    /// <summary>Coerced arguments when they do not depend on variables (computed once per plan).</summary>
    public IReadOnlyDictionary<string, object?>? ConstantArguments;

    // The sub-selection collected for the last object type seen, plus all others: most fields are monomorphic.
    private SubSelection? _last;
    private Dictionary<ObjectType, CollectedField[]>? _byType;

    public FieldNode Node => Nodes[0];

    public CollectedField[]? TryGetSubfields(ObjectType type)
    {
        var last = _last;
        if (last is not null && ReferenceEquals(last.Type, type)) return last.Fields;
        var byType = _byType;
        if (byType is null) return null;
        lock (byType) return byType.TryGetValue(type, out var fields) ? fields : null;
    }

    public void SetSubfields(ObjectType type, CollectedField[] fields)
    {
        _last = new SubSelection(type, fields);
        var byType = _byType ?? Interlocked.CompareExchange(ref _byType, new(), null) ?? _byType!;
        lock (byType) byType[type] = fields;
    }

    private sealed record SubSelection(ObjectType Type, CollectedField[] Fields);
}
