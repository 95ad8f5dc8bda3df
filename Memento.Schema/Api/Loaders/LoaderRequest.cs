using Memento.GraphQL.Execution.DataLoader;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;
using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Memento.Schema.Api.Loaders;

/// <summary>
/// What a loader's batch works with: the request's caller, DbContext and AccessPolicy. Every batch runs inside the
/// request's <see cref="ResolverGate"/>, since the DbContext allows one operation at a time and the executor
/// dispatches all loaders of a level together.
/// </summary>
public sealed class LoaderRequest
{
    private readonly IDictionary<string, object?> _items;
    private readonly string _suffix;

    private LoaderRequest(IResolveContext context)
    {
        _items = context.RequestItems;
        Caller = ApiCaller.Of(context);
        Db = context.Services.GetRequiredService<MementoDbContext>();
        Policy = context.Services.GetRequiredService<AccessPolicy>();
        // A loader caches for the whole request, so it is shared only where nothing can have changed in between:
        // within one root field (mutations run their root fields one after another and may change what an earlier
        // one loaded) and for one caller (sharedItem hands an anonymous request the link's rights).
        var path = context.Path;
        _suffix = $"|{(path.Count > 0 ? path[0] : "")}|{Caller}";
    }

    public Caller Caller { get; }

    public MementoDbContext Db { get; }

    public AccessPolicy Policy { get; }

    /// <summary>The request's batch loader <paramref name="name"/>, its batches run by <paramref name="fetch"/>.</summary>
    public static BatchDataLoader<TKey, TValue> Batch<TKey, TValue>(IResolveContext context, string name,
        Func<LoaderRequest, IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
        where TKey : notnull
    {
        var request = new LoaderRequest(context);
        return context.BatchLoader<TKey, TValue>(name + request._suffix, async (keys, ct) =>
        {
            using (await ResolverGate.EnterAsync(request._items, ct).ConfigureAwait(false))
                return await fetch(request, keys, ct).ConfigureAwait(false);
        });
    }

    /// <summary>
    /// The value of each key: <paramref name="value"/> for keys in <paramref name="readable"/>, otherwise the refusal
    /// the point check gives (asked only for refused keys, which are rare: parents come from checked queries).
    /// </summary>
    public async Task<IReadOnlyDictionary<TKey, Loaded<T>>> AssembleAsync<TKey, T>(IReadOnlyList<TKey> keys,
        ReadScope scope, Func<TKey, long> parentOf, IReadOnlySet<long> readable, Func<TKey, T> value,
        CancellationToken ct) where TKey : notnull
    {
        var result = new Dictionary<TKey, Loaded<T>>(keys.Count);
        foreach (var key in keys)
        {
            var parent = parentOf(key);
            if (readable.Contains(parent))
            {
                result[key] = new Loaded<T>(value(key));
                continue;
            }
            Exception refusal = MementoException.Forbidden();
            try { await Policy.RequireReadAsync(scope, Caller, parent, ct); }
            catch (MementoException e) { refusal = e; }
            result[key] = new Loaded<T>(default!, refusal);
        }
        return result;
    }
}
