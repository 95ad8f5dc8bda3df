using Memento.Server.Pages.Shell;

namespace Memento.Server.Pages.GraphQL;

/// <summary>
/// The product's query page, rendered by the engine's endpoint for browsers (<c>GraphQLHttpOptions.QueryPage</c>).
/// Why here and not in the engine: Memento.GraphQL embeds no third-party code and knows nothing of the product, so
/// its own page is a plain editor; this one uses the CodeMirror bundle from wwwroot/lib (npm, built by
/// scripts/codemirror/build.mjs) and the app shell (navigation, the signed-in user), at the URL API users know.
/// </summary>
public static class GraphQLPages
{
    public static async Task RenderAsync(HttpContext http, string endpoint)
    {
        var session = await PageSessions.ForAsync(http);
        await Html.Page<GraphQLPage>(new { Session = session, Endpoint = endpoint }).ExecuteAsync(http);
    }
}
