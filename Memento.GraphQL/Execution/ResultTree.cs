using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Memento.GraphQL.Execution;

/// <summary>
/// A node of the response being built. Each node knows its slot in its parent and whether that slot is non-null,
/// so a null raised late (after an awaited resolver) can still propagate upward (spec 6.4.4).
/// </summary>
internal abstract class ResultNode
{
    public ResultNode? Parent;
    public int ParentSlot;
    public bool NonNullInParent;

    /// <summary>Set when null propagation replaced this node (or an ancestor) with null: later writes are moot.</summary>
    public bool Detached;

    public abstract void SetSlot(int slot, object? value);

    public bool IsDetached
    {
        get
        {
            for (var node = this; node is not null; node = node.Parent)
            {
                if (node.Detached) return true;
            }
            return false;
        }
    }
}

/// <summary>An object of the response: field values in selection order.</summary>
internal sealed class ResultMap : ResultNode, IReadOnlyDictionary<string, object?>
{
    private readonly string[] _keys;
    private readonly object?[] _values;

    public ResultMap(int capacity)
    {
        _keys = capacity == 0 ? [] : new string[capacity];
        _values = capacity == 0 ? [] : new object?[capacity];
    }

    public int Count { get; private set; }

    public string KeyAt(int index) => _keys[index];

    public object? ValueAt(int index) => _values[index];

    /// <summary>Appends a field and returns its slot.</summary>
    public int Add(string key, object? value)
    {
        _keys[Count] = key;
        _values[Count] = value;
        return Count++;
    }

    public override void SetSlot(int slot, object? value) => _values[slot] = value;

    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public IEnumerable<string> Keys => _keys.Take(Count);

    public IEnumerable<object?> Values => _values.Take(Count);

    public bool ContainsKey(string key) => Array.IndexOf(_keys, key, 0, Count) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        var index = Array.IndexOf(_keys, key, 0, Count);
        value = index >= 0 ? _values[index] : null;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++) yield return new(_keys[i], _values[i]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>A list of the response.</summary>
internal sealed class ResultList(int count) : ResultNode, IReadOnlyList<object?>
{
    public readonly object?[] Items = count == 0 ? [] : new object?[count];

    public override void SetSlot(int slot, object? value) => Items[slot] = value;

    public int Count => Items.Length;

    public object? this[int index] => Items[index];

    public IEnumerator<object?> GetEnumerator() => ((IEnumerable<object?>)Items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => Items.GetEnumerator();
}

/// <summary>The root of the response, whose single slot is the data entry.</summary>
internal sealed class ResultRoot : ResultNode
{
    public object? Data;

    public override void SetSlot(int slot, object? value) => Data = value;
}

/// <summary>A response path as an immutable linked list: cheap to extend per field, materialized only for errors.</summary>
internal sealed class ResponsePath(ResponsePath? parent, object key)
{
    public ResponsePath? Parent { get; } = parent;

    /// <summary>A response name (string) or a list index (int).</summary>
    public object Key { get; } = key;

    public IReadOnlyList<object> ToList()
    {
        var depth = 0;
        for (var p = this; p is not null; p = p.Parent) depth++;
        var list = new object[depth];
        for (var p = this; p is not null; p = p.Parent) list[--depth] = p.Key;
        return list;
    }
}
