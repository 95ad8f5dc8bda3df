using Memento.GraphQL.Errors;
using Memento.GraphQL.Language;
using Memento.GraphQL.Language.Ast;
using Memento.GraphQL.Types;
using Microsoft.Extensions.Logging;

namespace Memento.GraphQL.Execution;

/// <summary>
/// Runs GraphQL requests (spec section 6): parses and validates the document (cached by its text), selects the
/// operation, coerces variables and executes. Thread-safe; one instance serves a whole application.
/// </summary>
public sealed partial class GraphQLExecutor
{
    private readonly DocumentCache _cache;
    private readonly ILogger? _logger;

    /// <summary>An executor with the given limits (defaults when null) and an optional logger for resolver failures.</summary>
    public GraphQLExecutor(ExecutionOptions? options = null, ILoggerFactory? loggerFactory = null)
    {
        Options = options ?? new ExecutionOptions();
        _cache = new DocumentCache(Options.DocumentCacheSize);
        _logger = loggerFactory?.CreateLogger("Memento.GraphQL.Execution");
    }

    /// <summary>The limits this executor applies.</summary>
    public ExecutionOptions Options { get; }

    /// <summary>
    /// Executes the request. Request errors (syntax, validation, variables, unknown operation) come back as a
    /// result without data; field errors come back beside partial data. A request that outlives
    /// <see cref="ExecutionOptions.RequestTimeout"/> comes back with a <see cref="ErrorCodes.Timeout"/> error. Throws
    /// only <see cref="OperationCanceledException"/>, when the request's own token is cancelled.
    /// </summary>
    public async Task<ExecutionResult> ExecuteAsync(ExecutionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.CancellationToken.ThrowIfCancellationRequested();
        if (Options.RequestTimeout is not { } budget) return await ExecuteGuardedAsync(request, new RequestStage(), request.CancellationToken).ConfigureAwait(false);

        // The budget cancels the same token the caller's cancellation does, so every check that stops a request
        // whose client went away (validation walk, resolvers, DataLoaders) also stops one that took too long.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(request.CancellationToken);
        timeout.CancelAfter(budget);
        var stage = new RequestStage();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            var result = await ExecuteGuardedAsync(request, stage, timeout.Token).ConfigureAwait(false);
            // The timer that cancels can fire late on a busy machine: a document that failed validation only after
            // its budget had run out (validation's own work limit got there first) was still over budget.
            if (!stage.Executing && !result.HasData && result.Errors is { Count: > 0 }
                && System.Diagnostics.Stopwatch.GetElapsedTime(started) >= budget)
                return TimedOut(budget, stage);
            return result;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !request.CancellationToken.IsCancellationRequested)
        {
            return TimedOut(budget, stage);
        }
    }

    private ExecutionResult TimedOut(TimeSpan budget, RequestStage stage)
    {
        var error = new GraphQLError(ErrorMessages.RequestTimedOut(budget),
            extensions: new Dictionary<string, object?> { ["code"] = ErrorCodes.Timeout });
        _logger?.LogWarning("A GraphQL request was stopped after its time budget of {Budget} ({Stage})", budget, stage.Name);
        // Before execution it is a request error (no data); once execution has begun, data is present and null.
        return stage.Executing ? new ExecutionResult { HasData = true, Errors = [error] } : ExecutionResult.FromErrors([error]);
    }

    private static ExecutionResult TooDeep() =>
        ExecutionResult.FromErrors([new GraphQLError(ErrorMessages.TooDeepToProcess,
            extensions: new Dictionary<string, object?> { ["code"] = ErrorCodes.TooDeep })]);

    /// <summary>Where a request is, for telling a validation timeout from an execution one (and for the log).</summary>
    private sealed class RequestStage
    {
        public bool Executing;

        public string Name = "validation";
    }

    private async Task<ExecutionResult> ExecuteGuardedAsync(ExecutionRequest request, RequestStage stage, CancellationToken cancellationToken)
    {
        try
        {
            return await ExecuteAsync(request, stage, cancellationToken).ConfigureAwait(false);
        }
        catch (InsufficientExecutionStackException)
        {
            // StackGuard found the stack running short: refuse the request rather than let it end the process.
            return TooDeep();
        }
    }

    private async Task<ExecutionResult> ExecuteAsync(ExecutionRequest request, RequestStage stage, CancellationToken cancellationToken)
    {
        var error = PrepareOperation(request, subscribe: false, cancellationToken, out var prepared);
        if (error is not null) return error;

        stage.Executing = true;
        stage.Name = "execution";
        var executor = new OperationExecutor(request, prepared!.Collector, Options, _logger, cancellationToken);
        return await executor.ExecuteAsync(prepared.Operation, prepared.RootType, request.RootValue ?? request.Schema.RootValue).ConfigureAwait(false);
    }

    /// <summary>An operation ready to run: its document, root type and the collector holding its coerced variables.</summary>
    private sealed record PreparedOperation(PreparedDocument Document, OperationDefinitionNode Operation, ObjectType RootType, FieldCollector Collector);

    /// <summary>
    /// Spec 6.1 ExecuteRequest up to where queries, mutations and subscriptions part: the validated document, the
    /// operation, what the request may run, the root type and the variables. Returns the request error to answer,
    /// or null and the prepared operation. Subscriptions are for <see cref="SubscribeAsync"/> only, and it for them.
    /// </summary>
    private ExecutionResult? PrepareOperation(ExecutionRequest request, bool subscribe, CancellationToken cancellationToken, out PreparedOperation? prepared)
    {
        prepared = null;
        PreparedDocument document;
        if (request.ValidatedDocument is { } validated)
        {
            if (!ReferenceEquals(validated.Schema, request.Schema))
                throw new ArgumentException("The validated document was validated against another schema.", nameof(request));
            document = validated.Prepared;
        }
        else if (request.Document is not null) document = Prepare(request.Schema, request.Document, cancellationToken);
        else if (!string.IsNullOrEmpty(request.Query)) document = _cache.GetOrAdd(request.Schema, request.Query, (schema, query) => Prepare(schema, query, cancellationToken));
        else return Fail(ErrorMessages.NoDocument);
        if (document.Errors is not null) return ExecutionResult.FromErrors(document.Errors);

        var operation = document.GetOperation(request.OperationName, out var operationError);
        if (operation is null) return Fail(operationError!);

        var kind = operation.Operation switch
        {
            OperationType.Mutation => AllowedOperations.Mutation,
            OperationType.Subscription => AllowedOperations.Subscription,
            _ => AllowedOperations.Query,
        };
        var kindName = kind.ToString().ToLowerInvariant();
        if ((request.AllowedOperations & kind) == 0)
        {
            return new ExecutionResult
            {
                Errors = [new GraphQLError(ErrorMessages.OperationNotAllowed(kindName), operation)],
                IsOperationNotAllowed = true,
            };
        }
        if (request.IsAnonymous && !Options.AllowAnonymousIntrospection && document.IntrospectionField(operation) is { Length: > 0 } meta)
            return Fail(ErrorMessages.IntrospectionDisabled(meta), operation);
        if (operation.Operation == OperationType.Subscription && !subscribe) return Fail(ErrorMessages.SubscriptionsUnsupported, operation);
        if (operation.Operation != OperationType.Subscription && subscribe) return Fail(ErrorMessages.NotASubscription(kindName), operation);

        var rootType = request.Schema.GetRootType(kindName);
        if (rootType is null) return Fail(ErrorMessages.NoRootType(kindName), operation);

        var variableErrors = new List<GraphQLError>();
        var variables = VariableCoercion.Coerce(request.Schema, operation, request.Variables, variableErrors);
        if (variableErrors.Count > 0) return ExecutionResult.FromErrors(variableErrors);

        prepared = new PreparedOperation(document, operation, rootType, document.CollectorFor(operation, variables));
        return null;
    }

    private static ExecutionResult Fail(string message, Node? node = null) =>
        ExecutionResult.FromErrors([node is null ? new GraphQLError(message) : new GraphQLError(message, node)]);

    private PreparedDocument Prepare(GraphQLSchema schema, string query, CancellationToken cancellationToken)
    {
        DocumentNode document;
        try
        {
            document = Parser.Parse(query);
        }
        catch (GraphQLError syntaxError)
        {
            return new PreparedDocument(schema, null, [syntaxError]);
        }
        return Prepare(schema, document, cancellationToken);
    }

    // A cancelled validation throws, so GetOrAdd never caches a half-validated document.
    private PreparedDocument Prepare(GraphQLSchema schema, DocumentNode document, CancellationToken cancellationToken) =>
        new(schema, document, ValidateDocument(schema, document, cancellationToken));
}
