using Memento.Tests.Schema.Api.RoleMatrix;

namespace Memento.Tests.Server.PageMatrix;

/// <summary>
/// The viewer: everyone who reads the project (its readers, and every signed-in user for a public one). A signed-in
/// caller who may not read it gets 404, as for a project that does not exist; a share link's holder has no session
/// here (the link opens /shared/{token}, PageRows.Share).
/// </summary>
public static partial class PageRows
{
    private static string V(MatrixWorld w) => $"/projects/{w.Kidney}/viewer";

    public static PageRow[] Viewer =>
    [
        PageRow.Get("viewer", "/projects/{id:long}/viewer", Roles.ReadKidney, (w, _) => V(w)) with { RefusedStatus = 404 },
        // The sidebar's "More…" page of a category: the same readers; a category out of reach simply lists nothing.
        PageRow.Get("viewer, a category's second page", "/projects/{id:long}/viewer", Roles.ReadKidney,
            (w, _) => $"{V(w)}?category={w.KO}&page=2") with { RefusedStatus = 404 },
        PageRow.Get("viewer annotation", "/projects/{id:long}/viewer/annotations/{annotationId:long}", Roles.ReadKidney,
            (w, _) => $"{V(w)}/annotations/{w.Wt1}?group={w.GroupWt1}") with { RefusedStatus = 404 },
        PageRow.Get("viewer annotation (sibling ko1)", "/projects/{id:long}/viewer/annotations/{annotationId:long}", Roles.ReadKo1,
            (w, _) => $"{V(w)}/annotations/{w.Ko1}") with { RefusedStatus = 404 },
        // An annotation of another project is no part of this viewer, whoever asks.
        PageRow.Get("viewer annotation of another project", "/projects/{id:long}/viewer/annotations/{annotationId:long}", [],
            (w, _) => $"{V(w)}/annotations/{w.OpenAnnotation}") with { RefusedStatus = 404 },
        // A public project: every signed-in user reads it.
        PageRow.Get("viewer of a public project", "/projects/{id:long}/viewer/annotations/{annotationId:long}", SignedIn,
            (w, _) => $"/projects/{w.Open}/viewer/annotations/{w.OpenAnnotation}"),
    ];
}
