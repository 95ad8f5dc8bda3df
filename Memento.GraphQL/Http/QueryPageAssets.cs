using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace Memento.GraphQL.Http;

/// <summary>The query page's files, embedded in the assembly (no third-party code, no CDN).</summary>
internal static class QueryPageAssets
{
    private static readonly Dictionary<string, (string ContentType, byte[] Content)> Files = new()
    {
        ["query-page.js"] = ("text/javascript; charset=utf-8", Load("query-page.js")),
        ["query-page.css"] = ("text/css; charset=utf-8", Load("query-page.css")),
    };

    private static readonly string Page = System.Text.Encoding.UTF8.GetString(Load("query-page.html"));

    private static byte[] Load(string name)
    {
        using var stream = typeof(QueryPageAssets).Assembly.GetManifestResourceStream("Memento.GraphQL.Http.QueryPage." + name)
            ?? throw new InvalidOperationException($"The query page resource {name} is missing from the build.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>The page for the endpoint at <paramref name="endpointPath"/> (with the app's path base).</summary>
    public static string RenderPage(string endpointPath)
    {
        var encoded = System.Net.WebUtility.HtmlEncode(endpointPath);
        return Page.Replace("{{endpoint}}", encoded).Replace("{{base}}", encoded);
    }

    public static IResult Serve(string file) =>
        Files.TryGetValue(file, out var asset) ? Results.Bytes(asset.Content, asset.ContentType) : Results.NotFound();
}
