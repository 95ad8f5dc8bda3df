using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Memento.Domain.Services.Users;

public sealed record UserSummary(long Id, string UserName);

/// <summary>
/// Finding people by name, for pickers: the administrators' user picker and a project administrator adding a
/// participant. Searched in the database (prefix matches first, then the rest), at most <see cref="MaxResults"/>
/// rows, so it stays fast with tens of thousands of accounts. Only names and ids: who may see the directory may
/// know who has an account, nothing more.
/// </summary>
public sealed class UserDirectory(MementoDbContext db, AccessPolicy policy)
{
    public const int MaxResults = 50;

    /// <summary>System administrators and whoever manages projects (creates them or administers one).</summary>
    public async Task RequireSearchAsync(Caller caller, CancellationToken ct = default)
    {
        if (!caller.IsUser) throw MementoException.Unauthenticated();
        if (!await policy.ManagesProjectsAsync(caller, ct))
            throw MementoException.Forbidden("Only system administrators and project administrators may search users.");
    }

    public async Task<List<UserSummary>> SearchAsync(Caller caller, string? text, int limit = 20, CancellationToken ct = default)
    {
        await RequireSearchAsync(caller, ct);
        if (limit is < 1 or > MaxResults)
            throw MementoException.Validation("limit", $"Ask for 1 to {MaxResults} users.");
        var needle = (text ?? "").Trim().ToUpperInvariant();
        if (needle.Length > 150) throw MementoException.Validation("text", "Search at most 150 characters.");
        var users = db.Users.AsNoTracking();
        if (needle.Length == 0)
            return await users.OrderBy(u => u.NormalizedUserName).Take(limit)
                .Select(u => new UserSummary(u.Id, u.UserName)).ToListAsync(ct);
        // Prefix matches use the unique index on NormalizedUserName; the contains matches fill the rest.
        var prefix = await users.Where(u => u.NormalizedUserName.StartsWith(needle)).OrderBy(u => u.NormalizedUserName)
            .Take(limit).Select(u => new UserSummary(u.Id, u.UserName)).ToListAsync(ct);
        if (prefix.Count == limit) return prefix;
        var seen = prefix.Select(u => u.Id).ToList();
        var contains = await users.Where(u => u.NormalizedUserName.Contains(needle) && !seen.Contains(u.Id))
            .OrderBy(u => u.NormalizedUserName).Take(limit - prefix.Count)
            .Select(u => new UserSummary(u.Id, u.UserName)).ToListAsync(ct);
        return [.. prefix, .. contains];
    }

    /// <summary>
    /// One page of the users whose name contains the text, in name order (the users pages' list, which pages through
    /// every match): at most <see cref="MaxResults"/> rows and whether more follow.
    /// </summary>
    public async Task<(List<UserSummary> Users, bool HasMore)> BrowseAsync(Caller caller, string? text, int skip,
        int take = MaxResults, CancellationToken ct = default)
    {
        await RequireSearchAsync(caller, ct);
        if (take is < 1 or > MaxResults) throw MementoException.Validation("limit", $"Ask for 1 to {MaxResults} users.");
        var needle = (text ?? "").Trim().ToUpperInvariant();
        if (needle.Length > 150) throw MementoException.Validation("text", "Search at most 150 characters.");
        var users = db.Users.AsNoTracking();
        if (needle.Length > 0) users = users.Where(u => u.NormalizedUserName.Contains(needle));
        var rows = await users.OrderBy(u => u.NormalizedUserName).Skip(Math.Max(0, skip)).Take(take + 1)
            .Select(u => new UserSummary(u.Id, u.UserName)).ToListAsync(ct);
        return rows.Count > take ? (rows[..take], true) : (rows, false);
    }
}
