using Memento.GraphQL.Types;

namespace Memento.Schema.Api;

/// <summary>
/// The executor runs sibling fields concurrently, but one request shares one scoped EF Core DbContext, which
/// allows a single operation at a time. Until every list goes through DataLoaders with their own contexts, the
/// product schema's resolvers take turns on a per-request gate: correctness first, at the cost of overlapping
/// independent database reads within one request (requests still run in parallel with each other).
/// </summary>
public static class ResolverGate
{
    private const string Key = "memento.resolver-gate";

    /// <summary>Wraps every resolver of the schema's object types in the per-request gate; returns the schema.</summary>
    public static GraphQLSchema Apply(GraphQLSchema schema)
    {
        foreach (var type in schema.Types)
        {
            if (type is not ObjectType objectType || objectType.Name.StartsWith("__", StringComparison.Ordinal)) continue;
            foreach (var field in objectType.Fields)
                if (field.Resolve is { } inner) field.Resolve = Gate(inner);
        }
        return schema;
    }

    private static FieldResolver Gate(FieldResolver inner) => async context =>
    {
        SemaphoreSlim gate;
        lock (context.RequestItems)
        {
            if (!context.RequestItems.TryGetValue(Key, out var value) || value is not SemaphoreSlim existing)
                context.RequestItems[Key] = existing = new SemaphoreSlim(1, 1);
            gate = existing;
        }
        await gate.WaitAsync(context.CancellationToken).ConfigureAwait(false);
        try { return await inner(context).ConfigureAwait(false); }
        finally { gate.Release(); }
    };
}
