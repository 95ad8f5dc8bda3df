using Memento.GraphQL.Types;

namespace Memento.Schema.Api;

/// <summary>
/// The executor runs sibling fields concurrently, but one request shares one scoped EF Core DbContext (and the
/// AccessPolicy's answer cache), which allow a single operation at a time. So everything that touches them takes
/// turns on one per-request gate: correctness first, at the cost of not overlapping independent database reads
/// within one request (requests still run in parallel with each other). Batching, not overlap, is what keeps a
/// nested query cheap: one query per level (NestedQueryCostTests).
/// <para>
/// Two kinds of code take the gate. Ordinary resolvers are wrapped whole by <see cref="Apply"/>. Fields that load
/// through a DataLoader (marked <see cref="Loaders.LoadsThroughDataLoaderAttribute"/>) are NOT wrapped: they only queue a
/// key and await the batch, and it is the batch (<see cref="Loaders.LoaderRequest"/>) that takes the gate while it
/// queries. Wrapping them would deadlock or serialise: a resolver holding the gate while awaiting a loader keeps
/// the loader's batch from ever getting the gate, and the next sibling could not even queue its key until the
/// first one's batch finished, so every parent would cost its own batch again (N+1). Nothing ever awaits a loader
/// while holding the gate, so the gate is never held across a wait for another gate holder. Batches take the gate
/// even on a schema <see cref="Apply"/> never wrapped, because the executor dispatches all of a level's loaders at once.
/// </para>
/// </summary>
public static class ResolverGate
{
    private const string Key = "memento.resolver-gate";

    /// <summary>The metadata key marking a field that must not be wrapped (see the class comment).</summary>
    public const string Ungated = "memento.ungated";

    /// <summary>Wraps every resolver of the schema's object types in the per-request gate; returns the schema.</summary>
    public static GraphQLSchema Apply(GraphQLSchema schema)
    {
        foreach (var type in schema.Types)
        {
            if (type is not ObjectType objectType || objectType.Name.StartsWith("__", StringComparison.Ordinal)) continue;
            foreach (var field in objectType.Fields)
                if (field.Resolve is { } inner && !field.Metadata.ContainsKey(Ungated)) field.Resolve = Gate(inner);
        }
        return schema;
    }

    /// <summary>Waits for the request's gate; dispose the result to release it.</summary>
    public static async Task<IDisposable> EnterAsync(IDictionary<string, object?> requestItems,
        CancellationToken cancellationToken)
    {
        var gate = Of(requestItems);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Held(gate);
    }

    private static SemaphoreSlim Of(IDictionary<string, object?> requestItems)
    {
        lock (requestItems)
        {
            if (!requestItems.TryGetValue(Key, out var value) || value is not SemaphoreSlim existing)
                requestItems[Key] = existing = new SemaphoreSlim(1, 1);
            return existing;
        }
    }

    private static FieldResolver Gate(FieldResolver inner) => async context =>
    {
        using (await EnterAsync(context.RequestItems, context.CancellationToken).ConfigureAwait(false))
            return await inner(context).ConfigureAwait(false);
    };

    private sealed class Held(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }
}
