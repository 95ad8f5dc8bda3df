namespace Memento.GraphQL.Http;

// PLACEHOLDER (the contract names SubscriptionLimiter without its members); the integrator takes h16-engine's and
// adapts the two calls in GraphQLWebSocketConnection.
public sealed class SubscriptionLimiter(Microsoft.Extensions.Options.IOptions<GraphQLServerOptions> options)
{
    private readonly Dictionary<string, int> _counts = new();

    public IDisposable? TryAcquire(string userKey)
    {
        lock (_counts)
        {
            var count = _counts.GetValueOrDefault(userKey);
            if (count >= options.Value.Subscriptions.MaxSubscriptionsPerUser) return null;
            _counts[userKey] = count + 1;
        }
        return new Lease(this, userKey);
    }

    private void Release(string userKey)
    {
        lock (_counts)
        {
            if (--_counts[userKey] == 0) _counts.Remove(userKey);
        }
    }

    private sealed class Lease(SubscriptionLimiter limiter, string userKey) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) limiter.Release(userKey);
        }
    }
}
