using Memento.GraphQL.Types;

namespace Memento.GraphQL.Execution;

// PLACEHOLDER with the contract's signatures (docs/subscriptions-contract.md §1); the integrator takes h16-engine's.
public sealed partial class GraphQLExecutor
{
    public Task<SubscriptionResult> SubscribeAsync(ExecutionRequest request) =>
        throw new InvalidOperationException("Placeholder until h16-engine is merged.");

    public ValidatedDocument Validate(GraphQLSchema schema, string query, CancellationToken ct = default) =>
        throw new InvalidOperationException("Placeholder until h16-engine is merged.");
}
