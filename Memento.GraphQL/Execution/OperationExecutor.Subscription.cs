using Memento.GraphQL.Errors;
using Memento.GraphQL.Language.Ast;
using Memento.GraphQL.Types;

namespace Memento.GraphQL.Execution;

// Spec 6.2.3.1 CreateSourceEventStream: the subscription root field's subscribe resolver gives the event stream.
internal sealed partial class OperationExecutor
{
    /// <summary>
    /// Calls the root field's <see cref="FieldDefinition.Subscribe"/> (graphql-js's default resolver when it has
    /// none) and returns its event stream, or the located error when it threw or returned no stream. The resolver
    /// sees this executor's token (the subscription's lifetime); <paramref name="budget"/> only bounds the wait.
    /// </summary>
    public async Task<(IAsyncEnumerable<object?>? Stream, GraphQLError? Error)> CreateSourceEventStreamAsync(
        OperationDefinitionNode operation, ObjectType rootType, object? rootValue, CancellationToken budget)
    {
        // Validation (single root field, no introspection) leaves exactly one field with a definition.
        var field = _collector.CollectRoot(rootType, operation.SelectionSet)[0];
        var definition = field.Definition!;
        var map = RootFieldSlot(field, out var slot);
        object? value;
        try
        {
            var arguments = field.ConstantArguments ?? ArgumentsOf(field, definition);
            var resolver = definition.Subscribe ?? DefaultFieldResolver.Instance;
            var pending = resolver(new ResolveContext(this, field, rootType, rootValue, arguments, map, slot));
            value = pending.IsCompletedSuccessfully ? pending.Result : await AwaitWithLoadersAsync(pending.AsTask(), budget).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested || budget.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            return (null, LocatedError(exception, field, map, slot));
        }
        // graphql-js: a resolver may return an error instead of throwing it.
        if (value is Exception returned) return (null, LocatedError(returned, field, map, slot));
        if (EventStreams.AsObjects(value) is { } stream) return (stream, null);
        return (null, new GraphQLError(ErrorMessages.SubscriptionNotAStream(definition.Name, EventStreams.Describe(value)),
            field.Nodes, OperationExecutor.PathOf(map, slot)));
    }

    /// <summary>The error the source stream raised, located at the subscription's root field (path and locations).</summary>
    public GraphQLError SourceStreamError(Exception exception, OperationDefinitionNode operation, ObjectType rootType)
    {
        var field = _collector.CollectRoot(rootType, operation.SelectionSet)[0];
        var map = RootFieldSlot(field, out var slot);
        return LocatedError(exception, field, map, slot);
    }

    private ResultMap RootFieldSlot(CollectedField field, out int slot)
    {
        var map = new ResultMap(1) { Parent = _root, ParentSlot = 0 };
        _root.Data = map;
        slot = map.Add(field.ResponseName, null);
        return map;
    }

    /// <summary>Awaits a subscribe resolver, dispatching DataLoaders it waits on, as the field executor does.</summary>
    private async Task<object?> AwaitWithLoadersAsync(Task<object?> task, CancellationToken budget)
    {
        Task? stopped = budget.CanBeCanceled ? Task.Delay(Timeout.Infinite, budget) : null;
        _loaders.Dispatch();
        while (!task.IsCompleted)
        {
            var keys = _loaders.WaitForKeysAsync();
            var woke = stopped is null
                ? await Task.WhenAny(task, keys).ConfigureAwait(false)
                : await Task.WhenAny(task, keys, stopped).ConfigureAwait(false);
            if (woke == stopped) budget.ThrowIfCancellationRequested();
            _loaders.Dispatch();
        }
        return await task.ConfigureAwait(false);
    }
}
