using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Memento.Domain.Model;
using Memento.Domain.Services.Common;
using Microsoft.EntityFrameworkCore;

namespace Memento.Domain.Services.Natures;

/// <summary>Where an image comes from: "photo", "whole-slide-scan".</summary>
public sealed record NatureInfo(string Id, string Description);

/// <summary>
/// The natures images are tagged with (seeded by the migrations, editable). Anyone reads them, also anonymous
/// callers; vocabulary administrators (<see cref="AccessPolicy.EditsVocabularyAsync"/>) add, describe and delete.
/// </summary>
public sealed class NatureService(MementoDbContext db, AccessPolicy policy)
{
    public const int MaxIdLength = 100;
    public const int MaxDescriptionLength = 1000;
    private const string What = "natures";

    public async Task<IReadOnlyList<NatureInfo>> ListAsync(CancellationToken ct = default)
    {
        var all = await db.Natures.AsNoTracking().Select(n => new NatureInfo(n.Id, n.Description)).ToListAsync(ct);
        return all.OrderBy(n => n.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>NOT_FOUND when there is no nature of that id.</summary>
    public async Task<NatureInfo> GetAsync(string id, CancellationToken ct = default) =>
        await db.Natures.AsNoTracking().Where(n => n.Id == id).Select(n => new NatureInfo(n.Id, n.Description)).SingleOrDefaultAsync(ct)
        ?? throw NotFound(id);

    /// <summary>How many images carry the nature (what stands in the way of deleting it).</summary>
    public Task<int> ImageCountAsync(string id, CancellationToken ct = default) =>
        db.Images.CountAsync(i => i.NatureId == id, ct);

    /// <summary>A new nature; ids are lower-case words joined by hyphens ("whole-slide-scan"). CONFLICT when taken.</summary>
    public async Task<NatureInfo> CreateAsync(Caller caller, string id, string? description, CancellationToken ct = default)
    {
        await policy.RequireVocabularyEditorAsync(caller, What, ct);
        var name = Id(id);
        var text = Inputs.Text(description, "description", MaxDescriptionLength);
        await Saving.AddAsync(db, new Nature { Id = name, Description = text }, $"The nature '{name}' already exists.", ct);
        db.ChangeTracker.Clear();
        return new NatureInfo(name, text);
    }

    public async Task<NatureInfo> SetDescriptionAsync(Caller caller, string id, string? description, CancellationToken ct = default)
    {
        await policy.RequireVocabularyEditorAsync(caller, What, ct);
        var text = Inputs.Text(description, "description", MaxDescriptionLength);
        var nature = await db.Natures.SingleOrDefaultAsync(n => n.Id == id, ct) ?? throw NotFound(id);
        nature.Description = text;
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return new NatureInfo(id, text);
    }

    /// <summary>Deletes an unused nature; CONFLICT naming the number of images that carry it.</summary>
    public async Task DeleteAsync(Caller caller, string id, CancellationToken ct = default)
    {
        await policy.RequireVocabularyEditorAsync(caller, What, ct);
        var nature = await db.Natures.SingleOrDefaultAsync(n => n.Id == id, ct) ?? throw NotFound(id);
        var used = await ImageCountAsync(id, ct);
        if (used > 0)
            throw MementoException.Conflict($"'{id}' is the nature of {used} image{(used == 1 ? "" : "s")}; it cannot be deleted.");
        db.Natures.Remove(nature);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static MementoException NotFound(string id) => MementoException.NotFound($"There is no nature '{id}'.");

    private static string Id(string? id)
    {
        var name = Inputs.Name(id, "id", MaxIdLength);
        if (!name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            throw MementoException.Validation("id", "A nature's id is lower-case letters, digits and hyphens, like \"whole-slide-scan\".");
        return name;
    }
}
