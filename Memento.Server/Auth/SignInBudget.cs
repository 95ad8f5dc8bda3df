using Memento.Server.Pages.Shell;
using System.Globalization;
using Memento.Domain.Accounts;
using Memento.Server.Hosting;
using Memento.Server.Pages;
using Microsoft.Extensions.Options;

namespace Memento.Server.Auth;

/// <summary>
/// The host's side of <see cref="SignInThrottle"/>: one instance for the process (so the pages and the login mutation
/// draw on one budget per address), and a filter that charges a page's form posts to it.
/// </summary>
public static class SignInBudget
{
    public static IServiceCollection AddMementoSignInThrottle(this IServiceCollection services) =>
        services.AddSingleton(provider =>
            new SignInThrottle(provider.GetRequiredService<IOptions<MementoOptions>>().Value.LoginAttemptsPerMinute));

    /// <summary>
    /// Takes one attempt from the client's budget before the handler checks anything; beyond the budget, the
    /// friendly 429 page with Retry-After instead of the handler.
    /// </summary>
    public static RouteHandlerBuilder RequireSignInBudget(this RouteHandlerBuilder endpoint) =>
        endpoint.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var throttle = http.RequestServices.GetRequiredService<SignInThrottle>();
            if (throttle.TryAcquire(http.Connection.RemoteIpAddress, out var retryAfter))
                return await next(context);
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return Html.Page<TooManyAttemptsPage>(new { RetryAfterSeconds = seconds }, StatusCodes.Status429TooManyRequests);
        });
}
