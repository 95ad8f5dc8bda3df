using Memento.Server.Pages.Shell;
using System.Diagnostics;
using Memento.Server.Pages;
using Microsoft.AspNetCore.Diagnostics;

namespace Memento.Server.Hosting;

/// <summary>
/// What a client sees when a request fails unexpectedly: a page for people, ProblemDetails for scripts;
/// both carry the trace id that also appears in the server log next to the exception. Never the exception itself.
/// </summary>
public static class ErrorResponses
{
    public static WebApplication UseMementoErrorHandling(this WebApplication app)
    {
        app.UseForwardedHeaders();
        // We log the exception ourselves, with the trace id the user is shown (the middleware's own entry has none when
        // production logging creates no per-request Activity).
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = WriteAsync, SuppressDiagnosticsCallback = _ => true });
        app.UseStatusCodePages();
        return app;
    }

    private static async Task WriteAsync(HttpContext http)
    {
        // Production logging starts no per-request Activity (it is the costliest part of a tile request), so one is
        // started here: the page, the problem details (which read Activity.Current) and the log share its id.
        using var errorActivity = Activity.Current is null ? new Activity("Memento.UnhandledError").Start() : null;
        var traceId = Activity.Current?.Id ?? http.TraceIdentifier;
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Memento.Server.Errors").LogError(
            // The endpoint's name, not the path: a tile path carries its URL signature, a capability.
            http.Features.Get<IExceptionHandlerFeature>()?.Error, "Unhandled error in {Endpoint} (trace id {TraceId})",
            http.Features.Get<IExceptionHandlerFeature>()?.Endpoint?.DisplayName ?? http.Request.Method, traceId);
        http.Response.StatusCode = StatusCodes.Status500InternalServerError;
        // The exception handler cleared the response, security headers included.
        http.RequestServices.GetRequiredService<SecurityHeaders>().Apply(http);
        if (http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal))
        {
            await Html.Page<MessagePage>(new
            {
                Title = "Something went wrong",
                Message = $"The server could not complete this request. " +
                          $"If it happens again, tell your administrator this trace id: {traceId}",
                LinkUrl = "/",
                LinkText = "Back to the start page",
            }, StatusCodes.Status500InternalServerError).ExecuteAsync(http);
            return;
        }
        var feature = http.Features.Get<IExceptionHandlerFeature>();
        await TypedResults.Problem(
            title: "Unexpected error",
            detail: "The server could not complete this request. Quote the trace id when reporting it.",
            statusCode: StatusCodes.Status500InternalServerError,
            instance: feature?.Path,
            extensions: new Dictionary<string, object?> { ["traceId"] = traceId }).ExecuteAsync(http);
    }
}
