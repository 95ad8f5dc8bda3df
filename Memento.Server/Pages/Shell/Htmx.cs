using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Memento.Server.Pages.Shell;

/// <summary>
/// One URL, two answers: the whole page to a plain request (a person, a bookmark, a browser without JavaScript) and
/// just the fragment that changed to an htmx request. Forms post to the same handlers either way: a plain post gets
/// a redirect to the page (post/redirect/get) or the page again with its error; an htmx post gets the fragment.
/// </summary>
public static class Htmx
{
    /// <summary>
    /// htmx sent the request for a fragment. Boosted links and history restores want the whole page, as does a
    /// plain browser.
    /// </summary>
    public static bool WantsFragment(HttpRequest request) =>
        request.Headers["HX-Request"] == "true"
        && request.Headers["HX-Boosted"] != "true"
        && request.Headers["HX-History-Restore-Request"] != "true";

    /// <summary>The id of the element htmx will swap (HX-Target), when it sent one.</summary>
    public static string? Target(HttpRequest request) =>
        request.Headers["HX-Target"] is { Count: > 0 } target ? target.ToString() : null;

    /// <summary>
    /// Renders <typeparamref name="TPage"/> (which wraps itself in <see cref="PageLayout"/>) for a plain request and
    /// <typeparamref name="TFragment"/> for an htmx one. Both components take the same parameters.
    /// </summary>
    public static RazorComponentResult PageOrFragment<TPage, TFragment>(HttpContext http, object parameters,
        int statusCode = StatusCodes.Status200OK)
        where TPage : IComponent where TFragment : IComponent
    {
        // Caches must not serve the fragment to a plain request for the same URL, or the reverse.
        http.Response.Headers.Vary = "HX-Request";
        return WantsFragment(http.Request)
            ? new RazorComponentResult<TFragment>(parameters) { StatusCode = statusCode }
            : new RazorComponentResult<TPage>(parameters) { StatusCode = statusCode };
    }

    /// <summary>
    /// After a successful post that moves the user elsewhere (created, deleted): a plain browser gets 303 See Other,
    /// so reloading does not post again; htmx gets HX-Redirect, a full page load of the new place.
    /// </summary>
    public static IResult SeeOther(HttpContext http, string localUrl)
    {
        if (WantsFragment(http.Request))
        {
            http.Response.Headers["HX-Redirect"] = localUrl;
            return Results.NoContent();
        }
        http.Response.Headers.Location = localUrl;
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }
}
