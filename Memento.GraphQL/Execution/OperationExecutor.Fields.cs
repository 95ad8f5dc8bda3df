using Memento.GraphQL.Errors;
using Memento.GraphQL.Types;
using Microsoft.Extensions.Logging;

namespace Memento.GraphQL.Execution;

// Spec 6.3 ExecuteSelectionSet and 6.4 ExecuteField.
internal sealed partial class OperationExecutor
{
    private void ExecuteFields(ObjectType type, object? source, CollectedField[] fields, ResultMap map)
    {
        foreach (var field in fields)
        {
            ExecuteField(type, source, field, map);
            // A non-null field failed and nulled this object: its remaining fields would be thrown away.
            if (map.Detached) return;
        }
    }

    private void ExecuteField(ObjectType type, object? source, CollectedField field, ResultMap map)
    {
        var definition = field.Definition;
        if (definition is null)
        {
            map.Add(field.ResponseName, type.Name);
            return;
        }
        var slot = map.Add(field.ResponseName, null);
        var resolver = definition.Resolve;
        if (resolver is null)
        {
            // Fast path: most fields read a member of the source; no context, no task.
            var member = DefaultFieldResolver.GetMember(source, definition.Name);
            if (member is not Delegate)
            {
                Complete(definition.Type, member, map, slot, field, type);
                return;
            }
            resolver = DefaultFieldResolver.Instance;
        }

        ValueTask<object?> result;
        try
        {
            CancellationToken.ThrowIfCancellationRequested();
            var arguments = field.ConstantArguments ?? ArgumentsOf(field, definition);
            result = resolver(new ResolveContext(this, field, type, source, arguments, map, slot));
        }
        catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            RaiseError(LocatedError(exception, field, map, slot), map, slot, definition.Type is NonNullType);
            return;
        }

        if (result.IsCompletedSuccessfully)
        {
            Complete(definition.Type, result.Result, map, slot, field, type);
        }
        else if (result.IsCompleted)
        {
            try
            {
                result.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception exception)
            {
                RaiseError(LocatedError(exception, field, map, slot), map, slot, definition.Type is NonNullType);
            }
        }
        else
        {
            _pending.Add(new PendingField(result.AsTask(), map, slot, field, type));
        }
    }

    private IReadOnlyDictionary<string, object?> ArgumentsOf(CollectedField field, FieldDefinition definition)
    {
        var arguments = ArgumentCoercion.Coerce(definition, field.Node, _collector.Variables);
        // The collected field belongs to this request's variables (or to none), so caching here is always safe.
        field.ConstantArguments = arguments;
        return arguments;
    }

    /// <summary>The response path of a slot, rebuilt from the result tree (spec 7.1.2 "path").</summary>
    internal static IReadOnlyList<object> PathOf(ResultNode node, int slot)
    {
        var path = new List<object>();
        while (node is not ResultRoot)
        {
            path.Add(node is ResultMap map ? map.KeyAt(slot) : slot);
            slot = node.ParentSlot;
            node = node.Parent!;
        }
        path.Reverse();
        return path;
    }

    /// <summary>
    /// Records a field error and makes the slot null; when the slot is non-null the null propagates to the
    /// nearest nullable ancestor (spec 6.4.4). Errors inside an already nulled subtree are not reported again.
    /// </summary>
    private void RaiseError(GraphQLError error, ResultNode parent, int slot, bool nonNull)
    {
        if (!parent.IsDetached) _errors.Add(error);
        var node = parent;
        while (nonNull)
        {
            node.Detached = true;
            slot = node.ParentSlot;
            nonNull = node.NonNullInParent;
            node = node.Parent!;
        }
        node.SetSlot(slot, null);
    }

    private GraphQLError LocatedError(Exception exception, CollectedField field, ResultNode parent, int slot)
    {
        if (exception is AggregateException { InnerExceptions.Count: 1 } aggregate) exception = aggregate.InnerException!;
        var path = PathOf(parent, slot);
        switch (exception)
        {
            case GraphQLError error:
                return new GraphQLError(error.Message, error.Nodes ?? field.Nodes, path, error.Extensions, error.OriginalError ?? error);
            case GraphQLException expected:
                return new GraphQLError(expected.Message, field.Nodes, path, expected.Extensions, expected);
            case GraphQLTypeException coercion:
                return new GraphQLError(coercion.Message, field.Nodes, path, null, coercion);
        }
        if (Schema.TranslateException?.Invoke(exception) is { } translated)
            return new GraphQLError(translated.Message, field.Nodes, path, translated.Extensions, exception);
        // Anything else is a bug or an outage: log it in full, tell the client only a trace id to quote.
        var traceId = _traceId ?? System.Diagnostics.Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString("N");
        _logger?.LogError(exception, "Resolver of {Field} at {Path} failed (trace id {TraceId})",
            field.Definition?.Name, string.Join(".", path), traceId);
        var extensions = new Dictionary<string, object?> { ["code"] = "INTERNAL_SERVER_ERROR", ["traceId"] = traceId };
        var message = _options.ExposeExceptionDetails ? exception.Message : ErrorMessages.UnexpectedError;
        return new GraphQLError(message, field.Nodes, path, extensions, exception);
    }
}
