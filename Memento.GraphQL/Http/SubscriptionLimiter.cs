using Microsoft.Extensions.Options;

namespace Memento.GraphQL.Http;

/// <summary>
/// Counts the subscriptions each user holds on this instance, across SSE and WebSocket, against
/// <see cref="GraphQLSubscriptionOptions.MaxSubscriptionsPerUser"/>. A singleton: every transport acquires before
/// subscribing and releases when the subscription ends, however it ends.
/// </summary>
public sealed class SubscriptionLimiter(IOptions<GraphQLServerOptions> options)
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    /// <summary>Counts one more subscription of <paramref name="userKey"/>; false (and nothing counted) when at the cap.</summary>
    public bool TryAcquire(string userKey)
    {
        ArgumentNullException.ThrowIfNull(userKey);
        lock (_counts)
        {
            var held = _counts.GetValueOrDefault(userKey);
            if (held >= options.Value.Subscriptions.MaxSubscriptionsPerUser) return false;
            _counts[userKey] = held + 1;
            return true;
        }
    }

    /// <summary>Gives back one subscription acquired by <see cref="TryAcquire"/>.</summary>
    public void Release(string userKey)
    {
        ArgumentNullException.ThrowIfNull(userKey);
        lock (_counts)
        {
            if (!_counts.TryGetValue(userKey, out var held)) return;
            // Users without subscriptions leave no entry behind, so the table does not grow with every visitor.
            if (held <= 1) _counts.Remove(userKey);
            else _counts[userKey] = held - 1;
        }
    }

    /// <summary>How many subscriptions <paramref name="userKey"/> holds now.</summary>
    public int CountOf(string userKey)
    {
        lock (_counts) return _counts.GetValueOrDefault(userKey);
    }
}
