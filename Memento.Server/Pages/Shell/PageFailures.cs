using Memento.Domain.Authorization;

namespace Memento.Server.Pages.Shell;

/// <summary>
/// Turns the domain's refusals into pages: the page handlers call the same services as the API and let
/// <see cref="MementoException"/> NotFound/Forbidden/Unauthenticated escape; this filter answers 404, 403 or the
/// login redirect with a page that says no more than the API would (never what exists out of the caller's reach).
/// Validation and conflict errors belong to the form that caused them: handlers catch those and show the message
/// next to the field.
/// </summary>
public sealed class PageFailures : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (MementoException e) when (e.Code is ErrorCode.NotFound or ErrorCode.Forbidden or ErrorCode.Unauthenticated)
        {
            var http = context.HttpContext;
            if (e.Code == ErrorCode.Unauthenticated || (e.Code == ErrorCode.Forbidden && http.User.Identity?.IsAuthenticated != true))
                return SignIn(http);
            var session = await PageSessions.ForAsync(http);
            var (status, title) = e.Code == ErrorCode.NotFound
                ? (StatusCodes.Status404NotFound, "Not found")
                : (StatusCodes.Status403Forbidden, "Not allowed");
            return Html.Page<MessagePage>(new { Title = title, Message = e.Message, Session = session, LinkUrl = "/", LinkText = "Home" }, status);
        }
    }

    /// <summary>Signed out: to the login page, back here afterwards (htmx: a full page load, not a swapped fragment).</summary>
    private static IResult SignIn(HttpContext http)
    {
        var back = http.Request.Method == HttpMethods.Get ? http.Request.Path + http.Request.QueryString : (string)http.Request.Path;
        var login = "/login?returnUrl=" + Uri.EscapeDataString(back);
        if (Htmx.WantsFragment(http.Request))
        {
            http.Response.Headers["HX-Redirect"] = login;
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }
        return Results.Redirect(login);
    }
}

public static class PageFailuresExtensions
{
    /// <summary>Every page group gets the filter; see <see cref="PageFailures"/>.</summary>
    public static TBuilder WithPageFailures<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(new PageFailures());
}
