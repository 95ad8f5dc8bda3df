using Memento.Domain.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Memento.Schema.Api.Subscriptions;

/// <summary>
/// A subscription's read checks at delivery, cached for the subscription so a busy project's events cost no query
/// each: the decisions are dropped when an <c>AccessChanged</c> for the project arrives (a revoked member or link is
/// refused at the next check) and, in case such an event was lost between instances, after <see cref="Lifetime"/>.
/// Each check runs in its own DI scope (a subscription may live for hours; its request's DbContext must not).
/// </summary>
internal sealed class LiveAccess(IServiceScopeFactory scopes, Caller caller, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly Dictionary<(ReadScope, long), bool> decisions = [];
    private DateTimeOffset decidedAt = DateTimeOffset.MinValue;

    public Caller Caller => caller;

    /// <summary>Forget every decision: access in the project may have changed.</summary>
    public void Forget() => decisions.Clear();

    /// <summary>Whether the caller may read the object now (a share link expired since is refused).</summary>
    public async Task<bool> MayReadAsync(ReadScope scope, long id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (caller.ShareLinkExpiresAt is { } expires && expires <= now) return false;
        if (now - decidedAt > Lifetime)
        {
            decisions.Clear();
            decidedAt = now;
        }
        if (decisions.TryGetValue((scope, id), out var known)) return known;
        await using var checking = scopes.CreateAsyncScope();
        var policy = checking.ServiceProvider.GetRequiredService<AccessPolicy>();
        var allowed = (await policy.ReadableAsync(scope, caller, [id], ct)).Contains(id);
        decisions[(scope, id)] = allowed;
        return allowed;
    }

    /// <summary>The refusal the matching query would give, once the caller may no longer read the object.</summary>
    public async Task<Exception> RefusalAsync(ReadScope scope, long id, CancellationToken ct)
    {
        await using var checking = scopes.CreateAsyncScope();
        try
        {
            await checking.ServiceProvider.GetRequiredService<AccessPolicy>().RequireReadAsync(scope, caller, id, ct);
        }
        catch (MementoException refusal)
        {
            return refusal;
        }
        return MementoException.Forbidden(); // readable again, yet refused a moment ago (an expired link)
    }
}
