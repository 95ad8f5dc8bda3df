namespace Memento.GraphQL.Execution.DataLoader;

/// <summary>
/// Loads one value per key in batches, e.g. projects by id. Keys missing from the batch result load as
/// <c>default</c> (null for references).
/// </summary>
public abstract class BatchDataLoader<TKey, TValue> : DataLoaderBase<TKey, TValue?> where TKey : notnull
{
    /// <summary>Loads the value of <paramref name="key"/>, batched with every other key queued at this level.</summary>
    public Task<TValue?> LoadAsync(TKey key) => Enqueue(key);

    /// <summary>Loads several keys in one batch, in the order given.</summary>
    public Task<TValue?[]> LoadAsync(IEnumerable<TKey> keys) => Task.WhenAll(keys.Select(Enqueue));

    /// <summary>Fetches the values of <paramref name="keys"/> (distinct, never empty) in one round-trip.</summary>
    protected abstract Task<IReadOnlyDictionary<TKey, TValue>> LoadBatchAsync(
        IReadOnlyList<TKey> keys, CancellationToken cancellationToken);

    private protected sealed override async Task FetchAsync(
        IReadOnlyList<KeyValuePair<TKey, TaskCompletionSource<TValue?>>> keys, CancellationToken cancellationToken)
    {
        var values = await LoadBatchAsync(keys.Select(pair => pair.Key).ToArray(), cancellationToken).ConfigureAwait(false);
        foreach (var pair in keys)
            pair.Value.TrySetResult(values.TryGetValue(pair.Key, out var value) ? value : default);
    }
}

/// <summary>
/// Loads the many values belonging to each key in batches (one-to-many), e.g. the images of each project.
/// A key with nothing loads as an empty list.
/// </summary>
public abstract class GroupDataLoader<TKey, TValue> : DataLoaderBase<TKey, IReadOnlyList<TValue>> where TKey : notnull
{
    /// <summary>Loads the values of <paramref name="key"/>, batched with every other key queued at this level.</summary>
    public Task<IReadOnlyList<TValue>> LoadAsync(TKey key) => Enqueue(key);

    /// <summary>Fetches the groups of <paramref name="keys"/> (distinct, never empty) in one round-trip.</summary>
    protected abstract Task<ILookup<TKey, TValue>> LoadGroupsAsync(
        IReadOnlyList<TKey> keys, CancellationToken cancellationToken);

    private protected sealed override async Task FetchAsync(
        IReadOnlyList<KeyValuePair<TKey, TaskCompletionSource<IReadOnlyList<TValue>>>> keys,
        CancellationToken cancellationToken)
    {
        var groups = await LoadGroupsAsync(keys.Select(pair => pair.Key).ToArray(), cancellationToken).ConfigureAwait(false);
        foreach (var pair in keys)
            pair.Value.TrySetResult(groups.Contains(pair.Key) ? groups[pair.Key].ToArray() : Array.Empty<TValue>());
    }
}
