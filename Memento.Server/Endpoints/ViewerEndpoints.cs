using Memento.Server.Hosting;
using Memento.Server.Pages.Shell;
using Memento.Server.Pages.Viewer;

namespace Memento.Server.Endpoints;

/// <summary>
/// The viewer (manual, "GUI in depth", flow 3): <c>/projects/{id}/viewer</c> and the deep link to one annotation,
/// <c>/projects/{id}/viewer/annotations/{annotationId}</c> (optionally <c>?group={groupLayerId}</c>). The page is a
/// server-rendered shell (sidebar, stage, layer panel); wwwroot/js/viewer/viewer-page.js fills the canvas and the
/// panel from /graphql and moves between annotations without reloading.
/// </summary>
public static class ViewerEndpoints
{
    public static IEndpointRouteBuilder MapViewerPages(this IEndpointRouteBuilder app)
    {
        var viewer = app.MapGroup("/projects/{id:long}/viewer").WithPageFailures();
        viewer.MapGet("", Show);
        viewer.MapGet("/annotations/{annotationId:long}", ShowAnnotation);
        return app;
    }

    private static Task<IResult> Show(long id, HttpContext http, long? category, int? page) =>
        RenderAsync(http, id, null, null, category, page);

    private static Task<IResult> ShowAnnotation(long id, long annotationId, HttpContext http, long? group,
        long? category, int? page) =>
        RenderAsync(http, id, annotationId, group, category, page);

    private static async Task<IResult> RenderAsync(HttpContext http, long projectId, long? annotationId, long? group,
        long? category, int? page)
    {
        var session = await PageSessions.ForAsync(http);
        // Signed-out callers go to the login whether the project exists or not.
        session.Caller.RequireUserId();
        var loader = ActivatorUtilities.CreateInstance<ViewerLoader>(http.RequestServices);
        var model = await loader.LoadAsync(session.Caller, projectId, annotationId, group, category, page ?? 1,
            http.RequestAborted);
        SecurityHeaders.AllowExternalImages(http.Response);
        return Html.Page<ViewerPage>(new { Session = session, Model = model });
    }
}
