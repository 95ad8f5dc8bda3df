using Memento.Domain.Services.Projects;
using Memento.Server.Pages.Home;
using Memento.Server.Pages.Shell;

namespace Memento.Server.Endpoints;

/// <summary>The home dashboard: "Work on your projects" and, for those who manage projects, "Other actions".</summary>
public static class HomeEndpoints
{
    public static IEndpointRouteBuilder MapHomePages(this IEndpointRouteBuilder app)
    {
        var home = app.MapGroup("").WithPageFailures();
        // Authorization first, as before the dashboard existed: a browser is sent to the login, a script with a
        // bad token gets 401.
        home.MapGet("/", Home).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> Home(HttpContext http, ProjectDirectory projects, string? q, int? skip)
    {
        var session = await PageSessions.ForAsync(http);
        var from = Math.Max(0, skip ?? 0);
        // Signed out: VisibleAsync refuses (UNAUTHENTICATED) and the filter sends the browser to the login.
        var page = await projects.VisibleAsync(session.Caller, q, from, http.RequestAborted);
        return Htmx.PageOrFragment<HomePage, HomeProjects>(http,
            new { Session = session, Projects = page, Query = q, Skip = from });
    }
}
