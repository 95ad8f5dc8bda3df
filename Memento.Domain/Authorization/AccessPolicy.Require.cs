using Microsoft.EntityFrameworkCore;

namespace Memento.Domain.Authorization;

// Throwing forms of the point checks, used first thing by every service method. A refusal says only what the
// caller may know: NOT_FOUND when the object does not exist at all, FORBIDDEN when it exists but is out of reach,
// UNAUTHENTICATED when an anonymous caller would need to sign in. No name or content is ever part of the message.
public sealed partial class AccessPolicy
{
    public long RequireUser(Caller caller) => caller.RequireUserId();

    public async Task RequireReadProjectAsync(Caller caller, long projectId, CancellationToken ct = default)
    {
        if (await CanReadProjectAsync(caller, projectId, ct)) return;
        await Refuse(caller, "Project", projectId, db.Projects.AnyAsync(p => p.Id == projectId, ct));
    }

    public async Task RequireReadCategoryAsync(Caller caller, long categoryId, CancellationToken ct = default)
    {
        if (await CanReadCategoryAsync(caller, categoryId, ct)) return;
        await Refuse(caller, "Category", categoryId, db.Categories.AnyAsync(c => c.Id == categoryId, ct));
    }

    public async Task RequireReadAnnotationAsync(Caller caller, long annotationId, CancellationToken ct = default)
    {
        if (await CanReadAnnotationAsync(caller, annotationId, ct)) return;
        await Refuse(caller, "Annotation", annotationId, db.Annotations.AnyAsync(a => a.Id == annotationId, ct));
    }

    public async Task RequireReadImageAsync(Caller caller, long imageId, CancellationToken ct = default)
    {
        if (await CanReadImageAsync(caller, imageId, ct)) return;
        await Refuse(caller, "Image", imageId, db.Images.AnyAsync(i => i.Id == imageId, ct));
    }

    public async Task RequireParticipateAsync(Caller caller, long annotationId, CancellationToken ct = default)
    {
        if (await CanParticipateAsync(caller, annotationId, ct)) return;
        await Refuse(caller, "Annotation", annotationId, db.Annotations.AnyAsync(a => a.Id == annotationId, ct));
    }

    public async Task RequireAdministerProjectAsync(Caller caller, long projectId, CancellationToken ct = default)
    {
        if (await CanAdministerProjectAsync(caller, projectId, ct)) return;
        await Refuse(caller, "Project", projectId, db.Projects.AnyAsync(p => p.Id == projectId, ct));
    }

    public async Task RequireSysAdminAsync(Caller caller, CancellationToken ct = default,
        string message = "Only system administrators can do this.")
    {
        caller.RequireUserId();
        if (!await IsSysAdminAsync(caller, ct)) throw MementoException.Forbidden(message);
    }

    private static async Task Refuse(Caller caller, string what, long id, Task<bool> exists)
    {
        if (!await exists) throw MementoException.NotFound(what, id);
        if (caller.Kind == CallerKind.Anonymous) throw MementoException.Unauthenticated();
        throw MementoException.Forbidden();
    }
}
