using System.Runtime.CompilerServices;
using Memento.GraphQL.Execution.DataLoader;
using Microsoft.Extensions.DependencyInjection;

namespace Memento.GraphQL.Execution;

// Spec 6.2.3 Subscribe: CreateSourceEventStream, then MapSourceToResponseEvent.
public sealed partial class GraphQLExecutor
{
    /// <summary>
    /// Subscribes: prepares the request as <see cref="ExecuteAsync(ExecutionRequest)"/> does (document, operation,
    /// allowed operations, anonymous introspection, variables), calls the root field's subscribe resolver within
    /// <see cref="ExecutionOptions.RequestTimeout"/>, and returns the stream of results, one per source event, each
    /// executed within its own time budget, with a fresh copy of <see cref="ExecutionRequest.RequestItems"/> and, when
    /// <see cref="ExecutionRequest.EventServices"/> is set, its own DI scope. A resolver error on an event is in that
    /// event's result and the stream goes on; an exception from the source stream ends it with one last result that
    /// carries the located error. Throws only <see cref="OperationCanceledException"/>, when the request's token is
    /// cancelled before the stream exists.
    /// </summary>
    public async Task<SubscriptionResult> SubscribeAsync(ExecutionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.CancellationToken.ThrowIfCancellationRequested();
        using var timeout = Options.RequestTimeout is { } budget ? CancellationTokenSource.CreateLinkedTokenSource(request.CancellationToken) : null;
        timeout?.CancelAfter(Options.RequestTimeout!.Value);
        var token = timeout?.Token ?? request.CancellationToken;
        var stage = new RequestStage();
        try
        {
            var error = PrepareOperation(request, subscribe: true, token, out var prepared);
            if (error is not null) return new SubscriptionResult { Error = error };

            stage.Name = "subscribe";
            // The subscribe resolver sees the subscription's own token: a stream it builds lives as long as the
            // subscription, not only as long as the budget for creating it.
            var subscriber = new OperationExecutor(EventRequest(request, request.Services), prepared!.Collector, Options, _logger, request.CancellationToken);
            var (source, sourceError) = await subscriber
                .CreateSourceEventStreamAsync(prepared.Operation, prepared.RootType, request.RootValue ?? request.Schema.RootValue, token)
                .ConfigureAwait(false);
            if (sourceError is not null) return new SubscriptionResult { Error = ExecutionResult.FromErrors([sourceError]) };
            return new SubscriptionResult { Stream = MapSourceToResponseEvents(request, prepared, subscriber, source!) };
        }
        catch (OperationCanceledException) when (timeout?.IsCancellationRequested == true && !request.CancellationToken.IsCancellationRequested)
        {
            return new SubscriptionResult { Error = TimedOut(Options.RequestTimeout!.Value, stage) };
        }
        catch (InsufficientExecutionStackException)
        {
            return new SubscriptionResult { Error = TooDeep() };
        }
    }

    private async IAsyncEnumerable<ExecutionResult> MapSourceToResponseEvents(
        ExecutionRequest request, PreparedOperation prepared, OperationExecutor subscriber, IAsyncEnumerable<object?> source,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(request.CancellationToken, cancellationToken);
        var events = source.GetAsyncEnumerator(stop.Token);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                bool moved;
                ExecutionResult? failure = null;
                try
                {
                    moved = await events.MoveNextAsync().ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    yield break;
                }
                catch (Exception exception)
                {
                    moved = false;
                    failure = ExecutionResult.FromErrors([subscriber.SourceStreamError(exception, prepared.Operation, prepared.RootType)]);
                }
                if (failure is not null) yield return failure;
                if (!moved) yield break;

                var result = await ExecuteEventAsync(request, prepared, events.Current, stop.Token).ConfigureAwait(false);
                if (result is null) yield break;
                yield return result;
            }
        }
        finally
        {
            await events.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Spec ExecuteSubscriptionEvent: the operation with the event as root value; null when cancelled.</summary>
    private async Task<ExecutionResult?> ExecuteEventAsync(ExecutionRequest request, PreparedOperation prepared, object? payload, CancellationToken stop)
    {
        var scope = request.EventServices?.Invoke();
        try
        {
            using var timeout = Options.RequestTimeout is not null ? CancellationTokenSource.CreateLinkedTokenSource(stop) : null;
            timeout?.CancelAfter(Options.RequestTimeout!.Value);
            try
            {
                var executor = new OperationExecutor(EventRequest(request, scope?.ServiceProvider ?? request.Services), prepared.Collector,
                    Options, _logger, timeout?.Token ?? stop);
                return await executor.ExecuteAsync(prepared.Operation, prepared.RootType, payload).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return null;
            }
            catch (OperationCanceledException) when (timeout?.IsCancellationRequested == true)
            {
                return TimedOut(Options.RequestTimeout!.Value, new RequestStage { Executing = true, Name = "subscription event" });
            }
            catch (InsufficientExecutionStackException)
            {
                return TooDeep();
            }
        }
        finally
        {
            if (scope is IAsyncDisposable asyncScope) await asyncScope.DisposeAsync().ConfigureAwait(false);
            else scope?.Dispose();
        }
    }

    /// <summary>
    /// The request one step of a subscription runs with: the given services and a copy of the request's items
    /// without the DataLoaders, so no event sees another's cached loads.
    /// </summary>
    private static ExecutionRequest EventRequest(ExecutionRequest request, IServiceProvider? services)
    {
        var items = new Dictionary<string, object?>();
        if (request.RequestItems is { } shared)
        {
            lock (shared)
            {
                foreach (var (key, value) in shared)
                {
                    if (key != DataLoaderScope.RequestItemKey) items[key] = value;
                }
            }
        }
        return new ExecutionRequest
        {
            Schema = request.Schema,
            Services = services,
            RequestItems = items,
            TraceId = request.TraceId,
            CancellationToken = request.CancellationToken,
        };
    }
}
