using Memento.Domain.Authorization;
using Memento.Domain.Services.Projects;
using Memento.Server.Pages.Admin;
using Memento.Server.Pages.Shell;
using Microsoft.AspNetCore.Mvc;

namespace Memento.Server.Endpoints;

/// <summary>
/// The projects picker (whoever manages projects): the projects the caller administers, and "Create project" for
/// system administrators and holders of the system-level proadm code. The editor at /projects/{id} is its own area.
/// </summary>
public static class ProjectPickerEndpoints
{
    // A class, not a positional record: the form binder leaves absent fields null instead of failing.
    public sealed class CreateForm { public string? Name { get; set; } }

    public static IEndpointRouteBuilder MapProjectPickerPages(this IEndpointRouteBuilder app)
    {
        var projects = app.MapGroup("/projects").WithPageFailures();
        projects.MapGet("", List);
        projects.MapPost("", Create);
        return app;
    }

    private static async Task<PageSession> ManagerSessionAsync(HttpContext http)
    {
        var session = await PageSessions.ForAsync(http);
        session.Caller.RequireUserId();
        if (!session.ManagesProjects)
            throw MementoException.Forbidden("Only system administrators and project administrators manage projects.");
        return session;
    }

    private static async Task<IResult> List(HttpContext http, ProjectDirectory directory, AccessPolicy policy,
        string? q, int? skip)
    {
        var session = await ManagerSessionAsync(http);
        var from = Math.Max(0, skip ?? 0);
        if (q is { Length: > 200 }) q = q[..200];
        var page = await directory.AdministeredAsync(session.Caller, q, from, http.RequestAborted);
        return Htmx.PageOrFragment<ProjectsPage, ProjectResults>(http, new
        {
            Session = session, Projects = page, Query = q, Skip = from,
            CanCreate = await policy.CanCreateProjectsAsync(session.Caller, http.RequestAborted),
        });
    }

    private static async Task<IResult> Create(HttpContext http, ProjectService projects, ProjectDirectory directory,
        AccessPolicy policy, [FromForm] CreateForm? form)
    {
        var session = await ManagerSessionAsync(http);
        try
        {
            var project = await projects.CreateAsync(session.Caller, form?.Name ?? "", ct: http.RequestAborted);
            return Htmx.SeeOther(http, $"/projects/{project.Id}");
        }
        catch (MementoException e) when (e.Code is ErrorCode.Validation or ErrorCode.Conflict)
        {
            var page = await directory.AdministeredAsync(session.Caller, null, 0, http.RequestAborted);
            return Html.Page<ProjectsPage>(new
            {
                Session = session, Projects = page, CanCreate = true, NewName = form?.Name,
                Errors = new Dictionary<string, string> { ["name"] = e.Message },
            }, StatusCodes.Status400BadRequest);
        }
    }
}
