using Memento.GraphQL.Errors;
using Memento.GraphQL.Execution.DataLoader;
using Memento.GraphQL.Language.Ast;
using Memento.GraphQL.Types;
using Microsoft.Extensions.Logging;

namespace Memento.GraphQL.Execution;

/// <summary>
/// Executes one operation (spec 6.2-6.4). Resolvers' synchronous parts and all value completion run on this
/// executor's own flow, one step at a time, so the result tree needs no locks; resolvers that return unfinished
/// tasks are parked, and when no synchronous work remains the DataLoaders are dispatched and the parked fields of
/// the level are awaited together. That makes independent async fields concurrent and a nested list cost one
/// batch per level.
/// </summary>
internal sealed partial class OperationExecutor
{
    private readonly FieldCollector _collector;

    /// <summary>The request's field collector, shared with resolvers' look-ahead so selections are collected once.</summary>
    internal FieldCollector Collector => _collector;
    private readonly ExecutionOptions _options;
    private readonly ILogger? _logger;
    private readonly string? _traceId;
    private readonly List<GraphQLError> _errors = new();
    private readonly ResultRoot _root = new();
    private readonly DataLoaderScope _loaders;
    private List<PendingField> _pending = new();
    private List<PendingField> _spare = new();

    public OperationExecutor(ExecutionRequest request, FieldCollector collector, ExecutionOptions options, ILogger? logger, CancellationToken cancellationToken)
    {
        Schema = request.Schema;
        Services = request.Services ?? EmptyServices.Instance;
        RequestItems = request.RequestItems ?? new Dictionary<string, object?>();
        CancellationToken = cancellationToken;
        _collector = collector;
        _options = options;
        _logger = logger;
        _traceId = request.TraceId;
        lock (RequestItems)
        {
            if (RequestItems.TryGetValue(DataLoaderScope.RequestItemKey, out var existing) && existing is DataLoaderScope scope) _loaders = scope;
            else RequestItems[DataLoaderScope.RequestItemKey] = _loaders = new DataLoaderScope(Services, CancellationToken);
        }
    }

    public GraphQLSchema Schema { get; }

    public IServiceProvider Services { get; }

    public IDictionary<string, object?> RequestItems { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>Runs the operation; throws <see cref="OperationCanceledException"/> when the request is cancelled.</summary>
    public async Task<ExecutionResult> ExecuteAsync(OperationDefinitionNode operation, ObjectType rootType, object? rootValue)
    {
        var fields = _collector.CollectRoot(rootType, operation.SelectionSet);
        var data = new ResultMap(fields.Length) { Parent = _root, ParentSlot = 0 };
        _root.Data = data;
        if (operation.Operation == OperationType.Mutation)
        {
            // Spec 6.2.2: mutation root fields run one after another, each to completion.
            foreach (var field in fields)
            {
                ExecuteField(rootType, rootValue, field, data);
                if (_pending.Count > 0) await DrainAsync().ConfigureAwait(false);
                if (data.Detached) break;
            }
        }
        else
        {
            ExecuteFields(rootType, rootValue, fields, data);
            if (_pending.Count > 0) await DrainAsync().ConfigureAwait(false);
        }
        return new ExecutionResult
        {
            HasData = true,
            Data = _root.Data as ResultMap,
            Errors = _errors.Count > 0 ? _errors : null,
        };
    }

    /// <summary>Awaits parked fields level by level, dispatching DataLoaders whenever the executor would wait.</summary>
    private async Task DrainAsync()
    {
        Task? cancelled = null;
        while (_pending.Count > 0)
        {
            CancellationToken.ThrowIfCancellationRequested();
            var batch = _pending;
            _pending = _spare;
            _spare = batch;
            _loaders.Dispatch();

            var tasks = new Task[batch.Count];
            for (var i = 0; i < tasks.Length; i++) tasks[i] = batch[i].Task;
            var all = Task.WhenAll(tasks);
            while (!all.IsCompleted)
            {
                // Resolvers awaiting a loader may queue more keys (a loader inside a loader's continuation):
                // dispatch those too, or the level would never finish.
                cancelled ??= CancellationToken.CanBeCanceled ? Task.Delay(Timeout.Infinite, CancellationToken) : null;
                var keys = _loaders.WaitForKeysAsync();
                var woke = cancelled is null
                    ? await Task.WhenAny(all, keys).ConfigureAwait(false)
                    : await Task.WhenAny(all, keys, cancelled).ConfigureAwait(false);
                if (woke == cancelled) CancellationToken.ThrowIfCancellationRequested();
                _loaders.Dispatch();
            }

            foreach (var pending in batch) Resume(pending);
            batch.Clear();
        }
    }

    private void Resume(PendingField pending)
    {
        if (pending.Map.IsDetached) return;
        var task = pending.Task;
        var definition = pending.Field.Definition!;
        if (task.IsCompletedSuccessfully)
        {
            Complete(definition.Type, task.Result, pending.Map, pending.Slot, pending.Field, pending.ParentType);
            return;
        }
        var exception = task.IsCanceled ? new TaskCanceledException(task) : task.Exception!.InnerException!;
        if (exception is OperationCanceledException && CancellationToken.IsCancellationRequested) throw exception;
        RaiseError(LocatedError(exception, pending.Field, pending.Map, pending.Slot), pending.Map, pending.Slot, definition.Type is NonNullType);
    }

    /// <summary>A field whose resolver has not finished: where its value goes once it has.</summary>
    private readonly record struct PendingField(Task<object?> Task, ResultMap Map, int Slot, CollectedField Field, ObjectType ParentType);

    /// <summary>Stands in when a request brings no services, so resolvers can still ask (and get null).</summary>
    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
