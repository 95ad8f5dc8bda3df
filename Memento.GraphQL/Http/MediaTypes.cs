using Microsoft.Net.Http.Headers;

namespace Memento.GraphQL.Http;

/// <summary>Content negotiation of GraphQL over HTTP: which response media type a request accepts.</summary>
internal static class MediaTypes
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";
    public const string Html = "text/html";
    public const string EventStream = "text/event-stream";

    /// <summary>
    /// The response media type for an Accept header, or null when none is acceptable (406). No Accept header means
    /// a legacy client: application/json, as the spec advises until 2025.
    /// </summary>
    public static string? Negotiate(string? accept)
    {
        if (string.IsNullOrWhiteSpace(accept)) return Json;
        if (!MediaTypeHeaderValue.TryParseList(accept.Split(','), out var types)) return null;
        string? best = null;
        double bestQuality = 0;
        foreach (var type in types.OrderByDescending(t => t.Quality ?? 1))
        {
            var quality = type.Quality ?? 1;
            if (quality <= 0) continue;
            var name = type.MediaType.Value?.ToLowerInvariant();
            string? candidate = name switch
            {
                GraphQLResponse => GraphQLResponse,
                // Wildcards get application/json, as graphql-http does: every client understands it.
                Json or "application/*" or "*/*" => Json,
                _ => null,
            };
            // A charset other than utf-8 cannot be honoured.
            if (candidate is null || (type.Charset.HasValue && !IsUtf8(type.Charset.Value)))
                continue;
            if (quality > bestQuality)
            {
                best = candidate;
                bestQuality = quality;
            }
        }
        return best;
    }

    private static bool IsUtf8(string? charset) =>
        string.Equals(charset, "utf-8", StringComparison.OrdinalIgnoreCase) || string.Equals(charset, "utf8", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a browser asks for a page rather than JSON (text/html preferred over JSON types).</summary>
    public static bool PrefersHtml(string? accept)
    {
        if (string.IsNullOrEmpty(accept) || !MediaTypeHeaderValue.TryParseList(accept.Split(','), out var types)) return false;
        double html = 0, json = 0;
        foreach (var type in types)
        {
            var name = type.MediaType.Value?.ToLowerInvariant();
            var quality = type.Quality ?? 1;
            if (name == Html) html = Math.Max(html, quality);
            else if (name is Json or GraphQLResponse) json = Math.Max(json, quality);
        }
        return html > 0 && html >= json;
    }

    /// <summary>Whether the Accept header lists text/event-stream (with a quality above zero).</summary>
    public static bool AcceptsEventStream(string? accept) =>
        !string.IsNullOrEmpty(accept) && MediaTypeHeaderValue.TryParseList(accept.Split(','), out var types)
        && types.Any(t => t.MediaType.Equals(EventStream, StringComparison.OrdinalIgnoreCase) && (t.Quality ?? 1) > 0);
}
