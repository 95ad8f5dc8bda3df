using System.Linq.Expressions;
using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Memento.Domain.Events;
using Memento.Domain.Model;
using Memento.Domain.Services.Common;
using Microsoft.EntityFrameworkCore;

namespace Memento.Domain.Services.Classifications;

public sealed record ClassificationInfo(long Id, long ProjectId, string Name, string TypeCode, string OptionData);

/// <summary>
/// One option an annotator picked; <see cref="Option"/> empty means "this classification, no sub-option".
/// <see cref="ChosenById"/> is who picked it (null on input, and once that user is deleted): each annotator keeps
/// their own choices on a shared annotation.
/// </summary>
public sealed record ClassificationPick(long ClassificationId, string Option = "", long? ChosenById = null);

/// <summary>
/// Classifications: created per project by administrators, linked to categories (replacing the links), and
/// chosen on annotations by participants among those linked to the annotation's category.
/// </summary>
public sealed class ClassificationService(MementoDbContext db, AccessPolicy policy, TimeProvider clock, IDomainEvents events)
{
    private static readonly Expression<Func<Classification, ClassificationInfo>> ToInfo =
        c => new ClassificationInfo(c.Id, c.ProjectId, c.Name, c.TypeCode, c.OptionData);

    public async Task<List<ClassificationInfo>> ListAsync(Caller caller, long projectId, CancellationToken ct = default) =>
        await (await InProjectAsync(caller, projectId, ct)).OrderBy(c => c.Name).Select(ToInfo).ToListAsync(ct);

    /// <summary>The project's classifications, once the caller is known to read the project; the API pages this query.</summary>
    public async Task<IQueryable<Classification>> InProjectAsync(Caller caller, long projectId, CancellationToken ct = default)
    {
        await policy.RequireReadProjectAsync(caller, projectId, ct);
        return db.Classifications.AsNoTracking().Where(c => c.ProjectId == projectId);
    }

    /// <summary>A classification row (possibly projected to a few columns) as the API returns it.</summary>
    public static readonly Func<Classification, ClassificationInfo> Info = ToInfo.Compile();

    public async Task<ClassificationInfo?> FindByNameAsync(Caller caller, long projectId, string name,
        CancellationToken ct = default)
    {
        await policy.RequireReadProjectAsync(caller, projectId, ct);
        return await db.Classifications.AsNoTracking().Where(c => c.ProjectId == projectId && c.Name == name.Trim())
            .Select(ToInfo).SingleOrDefaultAsync(ct);
    }

    public async Task<ClassificationInfo> CreateAsync(Caller caller, long projectId, string name, string? typeCode = "M",
        string? data = "", CancellationToken ct = default)
    {
        await policy.RequireAdministerProjectAsync(caller, projectId, ct);
        var classification = New(projectId, name, typeCode, data);
        await Saving.AddAsync(db, classification,
            $"The project already has a classification named '{classification.Name}'.", ct);
        return await GetInfoAsync(classification.Id, ct);
    }

    public async Task<(ClassificationInfo Classification, bool Created)> GetOrCreateAsync(Caller caller, long projectId,
        string name, string? typeCode = "M", string? data = "", CancellationToken ct = default)
    {
        var fresh = New(projectId, name, typeCode, data);
        if (await FindByNameAsync(caller, projectId, fresh.Name, ct) is { } existing) return (existing, false);
        await policy.RequireAdministerProjectAsync(caller, projectId, ct);
        var (id, created) = await Saving.GetOrCreateAsync(db,
            token => db.Classifications.Where(c => c.ProjectId == projectId && c.Name == fresh.Name)
                .Select(c => (long?)c.Id).SingleOrDefaultAsync(token),
            () => fresh, c => c.Id, ct);
        return (await GetInfoAsync(id, ct), created);
    }

    /// <summary>The classifications linked to a category (its buttons in the viewer), by name.</summary>
    public async Task<List<ClassificationInfo>> ForCategoryAsync(Caller caller, long categoryId,
        CancellationToken ct = default)
    {
        await policy.RequireReadCategoryAsync(caller, categoryId, ct);
        return await db.Categories.Where(c => c.Id == categoryId).SelectMany(c => c.Classifications)
            .OrderBy(c => c.Name).Select(ToInfo).ToListAsync(ct);
    }

    /// <summary>Links exactly the named classifications (of the category's project) to the category.</summary>
    public async Task<List<ClassificationInfo>> SetForCategoryAsync(Caller caller, long categoryId,
        IEnumerable<string> names, CancellationToken ct = default)
    {
        var projectId = await db.Categories.Where(c => c.Id == categoryId).Select(c => (long?)c.ProjectId)
            .SingleOrDefaultAsync(ct) ?? throw MementoException.NotFound("Category", categoryId);
        await policy.RequireAdministerProjectAsync(caller, projectId, ct);
        var wanted = names.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct().ToList();
        var found = await db.Classifications.Where(c => c.ProjectId == projectId && wanted.Contains(c.Name))
            .ToListAsync(ct);
        var unknown = wanted.Except(found.Select(c => c.Name)).ToList();
        if (unknown.Count > 0)
            throw MementoException.Validation("names", $"Unknown classification(s): {string.Join(", ", unknown)}.");
        var category = await db.Categories.Include(c => c.Classifications).SingleAsync(c => c.Id == categoryId, ct);
        category.Classifications.Clear();
        category.Classifications.AddRange(found);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return await ForCategoryAsync(caller, categoryId, ct);
    }

    /// <summary>
    /// The caller's choices on an annotation, replacing the caller's previous choices there; other annotators'
    /// choices stay (who chose what is kept). Returns the caller's choices.
    /// </summary>
    public async Task<List<ClassificationPick>> ClassifyAsync(Caller caller, long annotationId,
        IReadOnlyCollection<ClassificationPick> picks, CancellationToken ct = default)
    {
        await policy.RequireParticipateAsync(caller, annotationId, ct);
        var ids = picks.Select(p => p.ClassificationId).Distinct().ToList();
        if (ids.Count != picks.Count)
            throw MementoException.Validation("classificationIds", "Each classification can be chosen once.");
        var linked = await db.Annotations.Where(a => a.Id == annotationId)
            .SelectMany(a => a.Category.Classifications).Select(c => c.Id).Where(id => ids.Contains(id))
            .ToListAsync(ct);
        if (linked.Count != ids.Count)
            throw MementoException.Validation("classificationIds",
                "Only classifications linked to the annotation's category can be chosen.");
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var userId = caller.RequireUserId();
        await db.ClassificationChoices.Where(c => c.AnnotationId == annotationId && c.ChosenById == userId)
            .ExecuteDeleteAsync(ct);
        db.ClassificationChoices.AddRange(picks.Select(p => new ClassificationChoice
        {
            AnnotationId = annotationId, ClassificationId = p.ClassificationId, ChosenById = userId,
            ChosenAt = now, SelectedOption = Inputs.Settings(p.Option, "option", 500),
        }));
        await db.SaveChangesAsync(ct);
        await events.AnnotationChangedAsync(db, caller, annotationId, AnnotationChange.Classifications, ct: ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return (await ChoicesAsync(caller, annotationId, ct)).Where(c => c.ChosenById == userId).ToList();
    }

    /// <summary>Every annotator's choices on the annotation, each with who made it.</summary>
    public async Task<List<ClassificationPick>> ChoicesAsync(Caller caller, long annotationId,
        CancellationToken ct = default)
    {
        await policy.RequireReadAnnotationAsync(caller, annotationId, ct);
        return await db.ClassificationChoices.AsNoTracking().Where(c => c.AnnotationId == annotationId)
            .OrderBy(c => c.ClassificationId).ThenBy(c => c.ChosenById)
            .Select(c => new ClassificationPick(c.ClassificationId, c.SelectedOption, c.ChosenById))
            .ToListAsync(ct);
    }

    /// <summary>Renames the classification; annotators' earlier choices stay (they refer to it by id).</summary>
    public async Task<ClassificationInfo> RenameAsync(Caller caller, long id, string name, CancellationToken ct = default)
    {
        var projectId = await db.Classifications.Where(c => c.Id == id).Select(c => (long?)c.ProjectId)
            .SingleOrDefaultAsync(ct) ?? throw MementoException.NotFound("Classification", id);
        await policy.RequireAdministerProjectAsync(caller, projectId, ct);
        var cleanName = Inputs.Name(name);
        var classification = await db.Classifications.SingleAsync(c => c.Id == id, ct);
        classification.Name = cleanName;
        try
        {
            // Tracked, not ExecuteUpdate: SaveChanges reports the unique index as a DbUpdateException on both providers.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            throw MementoException.Conflict($"The project already has a classification named '{cleanName}'.");
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
        return await GetInfoAsync(id, ct);
    }

    public async Task DeleteAsync(Caller caller, long id, CancellationToken ct = default)
    {
        var projectId = await db.Classifications.Where(c => c.Id == id).Select(c => (long?)c.ProjectId)
            .SingleOrDefaultAsync(ct) ?? throw MementoException.NotFound("Classification", id);
        await policy.RequireAdministerProjectAsync(caller, projectId, ct);
        await db.Classifications.Where(c => c.Id == id).ExecuteDeleteAsync(ct);
    }

    private static Classification New(long projectId, string name, string? typeCode, string? data) => new()
    {
        ProjectId = projectId, Name = Inputs.Name(name),
        TypeCode = string.IsNullOrWhiteSpace(typeCode) ? "M" : Inputs.Name(typeCode, "type", 8),
        OptionData = Inputs.Settings(data, "data"),
    };

    private Task<ClassificationInfo> GetInfoAsync(long id, CancellationToken ct) =>
        db.Classifications.AsNoTracking().Where(c => c.Id == id).Select(ToInfo).SingleAsync(ct);
}
