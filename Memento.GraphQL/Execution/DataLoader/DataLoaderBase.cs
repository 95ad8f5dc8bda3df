namespace Memento.GraphQL.Execution.DataLoader;

/// <summary>
/// Per-request batching and caching of loads by key. Keys requested while the executor still has synchronous work
/// are queued; the executor dispatches every loader once it would otherwise wait, so a nested list costs one
/// batch per level rather than one call per item.
/// </summary>
/// <typeparam name="TKey">The key type, e.g. an entity id.</typeparam>
/// <typeparam name="TResult">What one key resolves to.</typeparam>
public abstract class DataLoaderBase<TKey, TResult> : DataLoader where TKey : notnull
{
    private readonly object _gate = new();
    private readonly Dictionary<TKey, TaskCompletionSource<TResult>> _cache = new();
    private List<KeyValuePair<TKey, TaskCompletionSource<TResult>>> _queue = new();
    private DataLoaderScope? _scope;
    private CancellationToken _cancellationToken;

    /// <summary>How many batches this loader has fetched; useful in tests and diagnostics.</summary>
    public int BatchCount { get; private set; }

    /// <summary>The largest number of keys fetched in one batch (0 = unlimited).</summary>
    public int MaxBatchSize { get; init; }

    internal override void Attach(DataLoaderScope scope, CancellationToken cancellationToken)
    {
        _scope = scope;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Queues <paramref name="key"/> for the next batch, or returns the cached task of an earlier load.</summary>
    protected Task<TResult> Enqueue(TKey key)
    {
        bool first;
        TaskCompletionSource<TResult> completion;
        lock (_gate)
        {
            if (_cache.TryGetValue(key, out var cached)) return cached.Task;
            // Continuations run asynchronously so a batch completing never runs resolver code under our lock.
            completion = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
            _cache.Add(key, completion);
            first = _queue.Count == 0;
            _queue.Add(new(key, completion));
        }
        if (first)
        {
            if (_scope is not null) _scope.NotifyPending(this);
            // Outside an execution nothing else would dispatch: do it once the caller has queued its keys.
            else ThreadPool.QueueUserWorkItem(static self => _ = ((DataLoader)self!).DispatchAsync(), this);
        }
        return completion.Task;
    }

    /// <summary>Adds a value to the cache, so a later load of <paramref name="key"/> needs no fetch.</summary>
    public void Prime(TKey key, TResult value)
    {
        lock (_gate)
        {
            if (_cache.ContainsKey(key)) return;
            var completion = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
            completion.SetResult(value);
            _cache.Add(key, completion);
        }
    }

    /// <summary>Fetches one batch. Implementations complete every key of <paramref name="keys"/>.</summary>
    private protected abstract Task FetchAsync(
        IReadOnlyList<KeyValuePair<TKey, TaskCompletionSource<TResult>>> keys, CancellationToken cancellationToken);

    internal override bool HasPending
    {
        get { lock (_gate) return _queue.Count > 0; }
    }

    internal override async Task DispatchAsync()
    {
        List<KeyValuePair<TKey, TaskCompletionSource<TResult>>> batch;
        lock (_gate)
        {
            if (_queue.Count == 0) return;
            batch = _queue;
            _queue = new();
        }
        var size = MaxBatchSize > 0 ? MaxBatchSize : batch.Count;
        for (var start = 0; start < batch.Count; start += size)
        {
            var slice = start == 0 && size >= batch.Count ? batch : batch.GetRange(start, Math.Min(size, batch.Count - start));
            BatchCount++;
            try
            {
                await FetchAsync(slice, _cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_cancellationToken.IsCancellationRequested)
            {
                foreach (var pair in slice) pair.Value.TrySetCanceled(_cancellationToken);
            }
            catch (Exception exception)
            {
                // Every field waiting on this batch reports the failure as its own field error.
                foreach (var pair in slice) pair.Value.TrySetException(exception);
            }
        }
    }
}

/// <summary>Any DataLoader: what the executor needs to know of it (whether keys wait) and a way to fetch them.</summary>
public abstract class DataLoader
{
    private protected DataLoader()
    {
    }

    internal abstract void Attach(DataLoaderScope scope, CancellationToken cancellationToken);

    internal abstract bool HasPending { get; }

    internal abstract Task DispatchAsync();
}
