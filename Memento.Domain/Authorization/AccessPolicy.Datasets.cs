using System.Linq.Expressions;
using Memento.Domain.Model;

namespace Memento.Domain.Authorization;

// Who finds which images through the dataset search (and the dataset API's picture endpoints).
public sealed partial class AccessPolicy
{
    /// <summary>
    /// Images the dataset search may return to the caller: those of public projects (to anyone, signed in or not)
    /// and of projects the caller reads whole (owner, a project-wide role, system administrator). A search matches an
    /// image by every region drawn over it in its project, so a caller who reads only one category or annotation of a
    /// project does not search that project: the matches would tell what the other categories' annotators drew.
    /// Share-link holders search public projects only, like anyone.
    /// </summary>
    public IQueryable<Image> SearchableImages(Caller caller) => db.Images.Where(ImageSearchable(caller));

    private Expression<Func<Image, bool>> ImageSearchable(Caller caller)
    {
        if (caller.IsSysAdmin) return i => true;
        if (caller.Kind != CallerKind.User || caller.UserId is not { } uid)
            return i => i.Project.Visibility == ProjectVisibility.Public;
        return i => i.Project.Visibility == ProjectVisibility.Public || i.Project.OwnerId == uid
            || db.Permissions.Any(r => r.UserId == uid && (r.Role == SysAdm
                || ((r.Role == ProAdm || r.Role == ProPar || r.Role == ProVie) && r.ScopeId == i.ProjectId)));
    }
}
