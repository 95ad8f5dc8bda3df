using Memento.Imaging.Tiles;
using Memento.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Memento.Server.Jobs;

/// <summary>
/// Keeps <see cref="RevokedShareLinks"/> current on this instance with one query per
/// <see cref="ImagingOptions.ShareLinkRefreshInterval"/>, so a link revoked on any instance stops its holders' tiles
/// everywhere within that interval while tile requests never touch the database. Only links revoked or expired within
/// the longest holder-URL lifetime are loaded: older ones have no URL left alive, so the set stays small.
/// </summary>
public sealed class RevokedShareLinksRefresher(
    IServiceScopeFactory scopes, RevokedShareLinks revoked, TimeProvider clock, IOptions<ImagingOptions> options,
    ILogger<RevokedShareLinksRefresher> log) : BackgroundService
{
    /// <summary>Margin for clocks of instances that disagree a little.</summary>
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        var interval = options.Value.ShareLinkRefreshInterval;
        if (interval <= TimeSpan.Zero) interval = TimeSpan.FromSeconds(30);
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await RefreshAsync(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The previous set stays in force; the next round tries again.
                log.LogWarning(e, "Could not reload revoked share links.");
            }
            try { await Task.Delay(interval, stopping); }
            catch (OperationCanceledException) { return; }
        }
    }

    public async Task RefreshAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MementoDbContext>();
        var now = clock.GetUtcNow();
        var since = now - options.Value.ShareTileUrlLifetime - Skew;
        var ids = await db.ShareLinks.AsNoTracking()
            .Where(s => (s.RevokedAt != null && s.RevokedAt > since)
                        || (s.ExpiresAt != null && s.ExpiresAt <= now && s.ExpiresAt > since))
            .Select(s => s.Id).ToListAsync(ct);
        revoked.Replace(ids);
    }
}
