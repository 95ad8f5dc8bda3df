using Memento.GraphQL.Types;

namespace Memento.GraphQL.Execution.DataLoader;

/// <summary>How resolvers obtain the request's DataLoaders.</summary>
public static class DataLoaderExtensions
{
    /// <summary>
    /// The request's loader of type <typeparamref name="T"/>: one instance per request, created from the request
    /// services (constructor injection) on first use.
    /// </summary>
    public static T GetDataLoader<T>(this IResolveContext context) where T : DataLoader =>
        Scope(context).Get<T>();

    /// <summary>A request-wide batch loader declared inline; <paramref name="name"/> identifies it across fields.</summary>
    public static BatchDataLoader<TKey, TValue> BatchLoader<TKey, TValue>(
        this IResolveContext context, string name,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> load) where TKey : notnull =>
        Scope(context).GetOrAdd<BatchDataLoader<TKey, TValue>>(name, () => new FuncBatchDataLoader<TKey, TValue>(load));

    /// <summary>A request-wide one-to-many loader declared inline; <paramref name="name"/> identifies it across fields.</summary>
    public static GroupDataLoader<TKey, TValue> GroupLoader<TKey, TValue>(
        this IResolveContext context, string name,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<ILookup<TKey, TValue>>> load) where TKey : notnull =>
        Scope(context).GetOrAdd<GroupDataLoader<TKey, TValue>>(name, () => new FuncGroupDataLoader<TKey, TValue>(load));

    private static DataLoaderScope Scope(IResolveContext context)
    {
        var items = context.RequestItems;
        lock (items)
        {
            if (items.TryGetValue(DataLoaderScope.RequestItemKey, out var existing) && existing is DataLoaderScope scope)
                return scope;
            // The executor installs a scope per request; this covers resolvers invoked outside of it.
            scope = new DataLoaderScope(context.Services, context.CancellationToken);
            items[DataLoaderScope.RequestItemKey] = scope;
            return scope;
        }
    }
}
