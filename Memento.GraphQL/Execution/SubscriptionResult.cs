namespace Memento.GraphQL.Execution;

// PLACEHOLDER with the contract's shape (docs/subscriptions-contract.md §1) so the WebSocket transport compiles
// before h16-engine lands; the integrator takes h16-engine's file instead.
public sealed class SubscriptionResult
{
    public ExecutionResult? Error { get; init; }

    public IAsyncEnumerable<ExecutionResult>? Stream { get; init; }
}
