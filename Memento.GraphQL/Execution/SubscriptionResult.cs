namespace Memento.GraphQL.Execution;

/// <summary>
/// What <see cref="GraphQLExecutor.SubscribeAsync"/> gives (spec 6.2.3 Subscribe): exactly one of
/// <see cref="Error"/> and <see cref="Stream"/> is set.
/// </summary>
public sealed class SubscriptionResult
{
    /// <summary>
    /// A request error (syntax, validation, variables, unknown operation, not a subscription) or an error raised
    /// while creating the source stream (the subscribe resolver threw): send it once, there is no stream.
    /// </summary>
    public ExecutionResult? Error { get; init; }

    /// <summary>
    /// One result per source event (spec MapSourceToResponseEvent). Ends when the source ends or the request's
    /// cancellation token is cancelled (quietly, without throwing); disposing the enumerator disposes the source
    /// stream. Enumerate it once.
    /// </summary>
    public IAsyncEnumerable<ExecutionResult>? Stream { get; init; }
}
