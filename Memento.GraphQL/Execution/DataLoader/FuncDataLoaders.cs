namespace Memento.GraphQL.Execution.DataLoader;

/// <summary>A batch loader from a delegate, for resolvers that declare their batch inline.</summary>
internal sealed class FuncBatchDataLoader<TKey, TValue>(
    Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> load)
    : BatchDataLoader<TKey, TValue> where TKey : notnull
{
    protected override Task<IReadOnlyDictionary<TKey, TValue>> LoadBatchAsync(
        IReadOnlyList<TKey> keys, CancellationToken cancellationToken) => load(keys, cancellationToken);
}

/// <summary>A group loader from a delegate, for resolvers that declare their batch inline.</summary>
internal sealed class FuncGroupDataLoader<TKey, TValue>(
    Func<IReadOnlyList<TKey>, CancellationToken, Task<ILookup<TKey, TValue>>> load)
    : GroupDataLoader<TKey, TValue> where TKey : notnull
{
    protected override Task<ILookup<TKey, TValue>> LoadGroupsAsync(
        IReadOnlyList<TKey> keys, CancellationToken cancellationToken) => load(keys, cancellationToken);
}
