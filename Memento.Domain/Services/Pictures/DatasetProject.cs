using Memento.Domain.Data;
using Memento.Domain.Model;
using Memento.Domain.Services.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Memento.Domain.Services.Pictures;

/// <summary>
/// The configured dataset project and, in any project, the category holding pictures' dataset annotations; both
/// created on first use (race-safe through their unique names), never changed afterwards by configuration.
/// </summary>
public sealed class DatasetProject(MementoDbContext db, IOptions<DatasetOptions> options, TimeProvider clock)
{
    public DatasetOptions Options => options.Value;

    /// <summary>The dataset project's id, creating it (owned by the first system administrator) when missing.</summary>
    public async Task<long> IdAsync(CancellationToken ct)
    {
        var name = Inputs.Name(options.Value.Project, "Memento:Datasets:Project");
        // Someone must administer the uploads: the first system administrator owns the project. Matching the owner
        // too means a user's own project that happens to bear the name never receives the uploads.
        var owner = await db.Users.Where(u => u.IsSysAdmin).OrderBy(u => u.Id).Select(u => (long?)u.Id).FirstOrDefaultAsync(ct);
        var (id, _) = await Saving.GetOrCreateAsync(db,
            token => db.Projects.Where(p => p.Name == name && p.OwnerId == owner).OrderBy(p => p.Id)
                .Select(p => (long?)p.Id).FirstOrDefaultAsync(token),
            () => new Project
            {
                Name = name, CreatedAt = clock.GetUtcNow(),
                Visibility = options.Value.Public ? ProjectVisibility.Public : ProjectVisibility.Private,
                OwnerId = owner,
            }, p => p.Id, ct);
        return id;
    }

    /// <summary>The dataset project's id if it exists yet (never creates it: a refused request must change nothing).</summary>
    public async Task<long?> FindIdAsync(CancellationToken ct)
    {
        var name = options.Value.Project.Trim();
        var owner = await db.Users.Where(u => u.IsSysAdmin).OrderBy(u => u.Id).Select(u => (long?)u.Id).FirstOrDefaultAsync(ct);
        return await db.Projects.Where(p => p.Name == name && p.OwnerId == owner).OrderBy(p => p.Id)
            .Select(p => (long?)p.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>The project's dataset category ("Uploads" by default), created when missing.</summary>
    public async Task<long> CategoryIdAsync(long projectId, CancellationToken ct)
    {
        var name = Inputs.Name(options.Value.Category, "Memento:Datasets:Category");
        var (id, _) = await Saving.GetOrCreateAsync(db,
            token => db.Categories.Where(c => c.ProjectId == projectId && c.Name == name).Select(c => (long?)c.Id)
                .FirstOrDefaultAsync(token),
            () => new Category { ProjectId = projectId, Name = name, CreatedAt = clock.GetUtcNow() }, c => c.Id, ct);
        return id;
    }
}
