using System.Linq.Expressions;
using Memento.Domain.Model;

namespace Memento.Domain.Authorization;

// The rules themselves, one predicate per question, each translated by EF Core into one SQL statement with
// EXISTS subqueries on permissions. They are spelled out rather than composed from smaller expressions so every
// provider translates them without expression rewriting.
public sealed partial class AccessPolicy
{
    private const PermissionRole SysAdm = PermissionRole.SysAdm, ProAdm = PermissionRole.ProAdm,
        ProPar = PermissionRole.ProPar, ProVie = PermissionRole.ProVie, CatPar = PermissionRole.CatPar,
        CatVie = PermissionRole.CatVie, AnnPar = PermissionRole.AnnPar, AnnVie = PermissionRole.AnnVie;

    private Expression<Func<Project, bool>> ProjectVisible(Caller caller)
    {
        if (caller.IsSysAdmin) return p => true;
        // A share link opens one annotation or image, never the project around it.
        if (caller.UserId is not { } uid) return p => false;
        return p => p.OwnerId == uid || p.Visibility == ProjectVisibility.Public
            || db.Permissions.Any(r => r.UserId == uid && (r.Role == SysAdm
                || ((r.Role == ProAdm || r.Role == ProPar || r.Role == ProVie) && r.ScopeId == p.Id)
                || ((r.Role == CatPar || r.Role == CatVie)
                    && db.Categories.Any(c => c.Id == r.ScopeId && c.ProjectId == p.Id))
                || ((r.Role == AnnPar || r.Role == AnnVie)
                    && db.Annotations.Any(a => a.Id == r.ScopeId && a.Category.ProjectId == p.Id))));
    }

    private Expression<Func<Project, bool>> ProjectAdministrable(Caller caller)
    {
        if (caller.IsSysAdmin) return p => true;
        if (caller.UserId is not { } uid) return p => false;
        return p => p.OwnerId == uid
            || db.Permissions.Any(r => r.UserId == uid
                && (r.Role == SysAdm || (r.Role == ProAdm && r.ScopeId == p.Id)));
    }

    private Expression<Func<Category, bool>> CategoryVisible(Caller caller)
    {
        if (caller.IsSysAdmin) return c => true;
        if (caller.UserId is not { } uid) return c => false;
        return c => c.Project.OwnerId == uid || c.Project.Visibility == ProjectVisibility.Public
            || db.Permissions.Any(r => r.UserId == uid && (r.Role == SysAdm
                || ((r.Role == ProAdm || r.Role == ProPar || r.Role == ProVie) && r.ScopeId == c.ProjectId)
                || ((r.Role == CatPar || r.Role == CatVie) && r.ScopeId == c.Id)
                || ((r.Role == AnnPar || r.Role == AnnVie)
                    && db.Annotations.Any(a => a.Id == r.ScopeId && a.CategoryId == c.Id))));
    }

    private Expression<Func<Annotation, bool>> AnnotationVisible(Caller caller)
    {
        if (caller.IsSysAdmin) return a => true;
        if (caller.Kind == CallerKind.ShareLink)
        {
            if (caller.SharedAnnotationId is not { } shared) return a => false;
            var linkId = caller.ShareLinkId;
            var now = Now;
            return a => a.Id == shared && db.ShareLinks.Any(s => s.Id == linkId && s.AnnotationId == shared
                && s.RevokedAt == null && (s.ExpiresAt == null || s.ExpiresAt > now));
        }
        if (caller.UserId is not { } uid) return a => false;
        // A signed-in user who presented a share link also reads its annotation (EF Core drops the clause from the
        // SQL when no link was presented, since the parameter is then null).
        var link = caller.ShareLinkId;
        var linked = caller.SharedAnnotationId;
        var at = Now;
        return a => a.Category.Project.OwnerId == uid || a.Category.Project.Visibility == ProjectVisibility.Public
            || db.Permissions.Any(r => r.UserId == uid && (r.Role == SysAdm
                || ((r.Role == ProAdm || r.Role == ProPar || r.Role == ProVie) && r.ScopeId == a.Category.ProjectId)
                || ((r.Role == CatPar || r.Role == CatVie) && r.ScopeId == a.CategoryId)
                || ((r.Role == AnnPar || r.Role == AnnVie) && r.ScopeId == a.Id)))
            || (link != null && a.Id == linked && db.ShareLinks.Any(s => s.Id == link && s.AnnotationId == linked
                && s.RevokedAt == null && (s.ExpiresAt == null || s.ExpiresAt > at)));
    }

    // Public projects are read-only for non-members, and viewers never participate.
    private Expression<Func<Annotation, bool>> AnnotationParticipable(Caller caller)
    {
        if (caller.IsSysAdmin) return a => true;
        if (caller.UserId is not { } uid) return a => false;
        return a => a.Category.Project.OwnerId == uid
            || db.Permissions.Any(r => r.UserId == uid && (r.Role == SysAdm
                || ((r.Role == ProAdm || r.Role == ProPar) && r.ScopeId == a.Category.ProjectId)
                || (r.Role == CatPar && r.ScopeId == a.CategoryId)
                || (r.Role == AnnPar && r.ScopeId == a.Id)));
    }

    private Expression<Func<Image, bool>> ImageVisible(Caller caller)
    {
        if (caller.IsSysAdmin) return i => true;
        if (caller.Kind == CallerKind.ShareLink)
        {
            var linkId = caller.ShareLinkId;
            var sharedImage = caller.SharedImageId;
            var sharedAnnotation = caller.SharedAnnotationId;
            var now = Now;
            // An annotation link also opens the images its layers show, and nothing else.
            return i => (i.Id == sharedImage
                    || db.Layers.Any(l => l.ImageId == i.Id && l.AnnotationId == sharedAnnotation))
                && db.ShareLinks.Any(s => s.Id == linkId && s.RevokedAt == null
                    && (s.ExpiresAt == null || s.ExpiresAt > now));
        }
        if (caller.UserId is not { } uid) return i => false;
        // As for annotations: a presented share link adds its image, or the images its annotation's layers show.
        var link = caller.ShareLinkId;
        var linkedImage = caller.SharedImageId;
        var linkedAnnotation = caller.SharedAnnotationId;
        var at = Now;
        return i => i.Project.OwnerId == uid || i.Project.Visibility == ProjectVisibility.Public
            || db.Permissions.Any(r => r.UserId == uid && (r.Role == SysAdm
                || ((r.Role == ProAdm || r.Role == ProPar || r.Role == ProVie) && r.ScopeId == i.ProjectId)))
            || db.Layers.Any(l => l.ImageId == i.Id && db.Permissions.Any(r => r.UserId == uid
                && (((r.Role == CatPar || r.Role == CatVie) && r.ScopeId == l.Annotation.CategoryId)
                    || ((r.Role == AnnPar || r.Role == AnnVie) && r.ScopeId == l.AnnotationId))))
            || (link != null
                && (i.Id == linkedImage || db.Layers.Any(l => l.ImageId == i.Id && l.AnnotationId == linkedAnnotation))
                && db.ShareLinks.Any(s => s.Id == link && s.RevokedAt == null && (s.ExpiresAt == null || s.ExpiresAt > at)));
    }
}
