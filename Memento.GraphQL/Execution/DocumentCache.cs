using System.Collections.Concurrent;
using Memento.GraphQL.Types;

namespace Memento.GraphQL.Execution;

/// <summary>
/// Parsed and validated documents keyed by schema and query text. Bounded: when full, the least recently used
/// half is dropped, so a flood of distinct queries cannot grow memory without limit.
/// </summary>
internal sealed class DocumentCache(int capacity)
{
    private readonly ConcurrentDictionary<(GraphQLSchema, string), Entry> _entries = new();
    private long _clock;

    public PreparedDocument GetOrAdd(GraphQLSchema schema, string query, Func<GraphQLSchema, string, PreparedDocument> prepare)
    {
        if (capacity == 0) return prepare(schema, query);
        var key = (schema, query);
        if (_entries.TryGetValue(key, out var entry))
        {
            entry.LastUsed = Interlocked.Increment(ref _clock);
            return entry.Document;
        }
        var document = prepare(schema, query);
        if (_entries.Count >= capacity) Trim();
        _entries[key] = new Entry(document) { LastUsed = Interlocked.Increment(ref _clock) };
        return document;
    }

    private void Trim()
    {
        lock (_entries)
        {
            if (_entries.Count < capacity) return;
            var cutoff = _entries.Values.Select(e => e.LastUsed).OrderBy(t => t).ElementAt(_entries.Count / 2);
            foreach (var (key, entry) in _entries)
            {
                if (entry.LastUsed <= cutoff) _entries.TryRemove(key, out _);
            }
        }
    }

    private sealed class Entry(PreparedDocument document)
    {
        public PreparedDocument Document { get; } = document;

        public long LastUsed;
    }
}
