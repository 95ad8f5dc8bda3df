using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Memento.Domain.Services.Licences;

/// <summary>A licence as the pickers and the dataset API's list show it.</summary>
public sealed record LicenceInfo(string Id, string Title, bool Free, bool Pinned);

/// <summary>A licence's page: what it says, where to read about it and its legal text, its logo.</summary>
public sealed record LicenceDetails(string Id, string Title, string Description, string? InfoUrl, string? LegaleseUrl,
    bool Free, bool Pinned, string? LogoUrl);

/// <summary>
/// The licences images can carry: the SPDX licence list plus the informal "X-" ones (seeded, see
/// <see cref="SpdxLicenceList"/> and the migrations' seed). Anyone reads them, also anonymous callers.
/// </summary>
public sealed class LicenceService(MementoDbContext db)
{
    /// <summary>Every licence, the pinned ones (common image licences) first, then by id.</summary>
    public async Task<IReadOnlyList<LicenceInfo>> ListAsync(CancellationToken ct = default)
    {
        var all = await db.Licences.AsNoTracking()
            .Select(l => new LicenceInfo(l.Id, l.Title, l.IsFree, l.IsPinned)).ToListAsync(ct);
        // Ordered here, not in SQL: the two databases collate text differently, and the list is a few hundred rows.
        return all.OrderByDescending(l => l.Pinned).ThenBy(l => l.Id, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>One licence; NOT_FOUND naming the id when there is none.</summary>
    public async Task<LicenceDetails> GetAsync(string id, CancellationToken ct = default) =>
        await db.Licences.AsNoTracking().Where(l => l.Id == id)
            .Select(l => new LicenceDetails(l.Id, l.Title, l.Description, l.InfoUrl, l.LegalTextUrl, l.IsFree, l.IsPinned, l.LogoUrl))
            .SingleOrDefaultAsync(ct)
        ?? throw MementoException.NotFound($"There is no licence '{id}'.");
}
