using Microsoft.Extensions.DependencyInjection;

namespace Memento.GraphQL.Execution.DataLoader;

/// <summary>
/// The loaders of one request. The executor asks it to dispatch when it has no synchronous work left, and waits
/// on <see cref="WaitForKeysAsync"/> so keys queued by resolvers that are already awaiting are fetched too.
/// </summary>
internal sealed class DataLoaderScope(IServiceProvider services, CancellationToken cancellationToken)
{
    /// <summary>The <see cref="Types.IResolveContext.RequestItems"/> key holding the scope.</summary>
    internal const string RequestItemKey = "Memento.GraphQL.DataLoaders";

    private readonly object _gate = new();
    private readonly Dictionary<object, DataLoader> _loaders = new();
    private readonly List<DataLoader> _pending = new();
    private TaskCompletionSource? _signal;

    /// <summary>The loader of type <typeparamref name="T"/> for this request, created from DI on first use.</summary>
    public T Get<T>() where T : DataLoader =>
        GetOrAdd(typeof(T), () => ActivatorUtilities.GetServiceOrCreateInstance<T>(services));

    /// <summary>The loader registered under <paramref name="key"/>, created by <paramref name="create"/> on first use.</summary>
    public T GetOrAdd<T>(object key, Func<T> create) where T : DataLoader
    {
        lock (_gate)
        {
            if (_loaders.TryGetValue(key, out var existing)) return (T)existing;
        }
        var loader = create();
        lock (_gate)
        {
            if (_loaders.TryGetValue(key, out var raced)) return (T)raced;
            _loaders.Add(key, loader);
        }
        Attach(loader);
        return loader;
    }

    private void Attach(DataLoader loader) => loader.Attach(this, cancellationToken);

    internal void NotifyPending(DataLoader loader)
    {
        TaskCompletionSource? signal;
        lock (_gate)
        {
            _pending.Add(loader);
            signal = _signal;
            _signal = null;
        }
        signal?.TrySetResult();
    }

    /// <summary>Whether any loader has queued keys.</summary>
    public bool HasPending
    {
        get { lock (_gate) return _pending.Count > 0; }
    }

    /// <summary>Starts one batch on every loader with queued keys; returns whether any started.</summary>
    public bool Dispatch()
    {
        DataLoader[] loaders;
        lock (_gate)
        {
            if (_pending.Count == 0) return false;
            loaders = _pending.ToArray();
            _pending.Clear();
        }
        foreach (var loader in loaders) _ = loader.DispatchAsync();
        return true;
    }

    /// <summary>Completes when a loader next queues keys (immediately if some already wait).</summary>
    public Task WaitForKeysAsync()
    {
        lock (_gate)
        {
            if (_pending.Count > 0) return Task.CompletedTask;
            _signal ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _signal.Task;
        }
    }
}
