using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Memento.Server.Pages.Shell;

/// <summary>Renders a page component as a full HTML response.</summary>
public static class Html
{
    public static RazorComponentResult<TPage> Page<TPage>(object parameters, int statusCode = StatusCodes.Status200OK)
        where TPage : IComponent =>
        new(parameters) { StatusCode = statusCode };
}
