using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Memento.Domain.Services.Pictures;

public sealed record DatasetUser(long Id, string Name, bool Admin, DateTimeOffset Joined);

/// <summary>
/// The dataset API's user list (<c>/api/user/</c>) and user details. Signed-in users only: an anonymous client learns
/// nobody's account name (the document's list of authors is then reachable only through pictures it may read).
/// Names, the administrator flag and the joining date; nothing else of an account.
/// </summary>
public sealed class DatasetUserService(MementoDbContext db)
{
    public const int MaxLimit = 100;

    public async Task<IReadOnlyList<DatasetUser>> ListAsync(Caller caller, int offset, int limit, CancellationToken ct = default)
    {
        caller.RequireUserId();
        if (offset < 0) throw MementoException.Validation("offset", "The offset must be 0 or more.");
        if (limit is < 1 or > MaxLimit) throw MementoException.Validation("limit", $"The limit must be between 1 and {MaxLimit}.");
        return await db.Users.AsNoTracking().OrderBy(u => u.Id).Skip(offset).Take(limit)
            .Select(u => new DatasetUser(u.Id, u.UserName, u.IsSysAdmin, u.CreatedAt)).ToListAsync(ct);
    }

    public async Task<DatasetUser> GetAsync(Caller caller, string name, CancellationToken ct = default)
    {
        caller.RequireUserId();
        var normalized = Model.User.Normalize(name ?? "");
        return await db.Users.AsNoTracking().Where(u => u.NormalizedUserName == normalized)
                   .Select(u => new DatasetUser(u.Id, u.UserName, u.IsSysAdmin, u.CreatedAt)).SingleOrDefaultAsync(ct)
               ?? throw MementoException.NotFound($"There is no user named '{(name ?? "").Trim()}'.");
    }
}
