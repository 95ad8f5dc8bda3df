using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Memento.GraphQL.Http;

/// <summary>Reads GraphQL-over-HTTP requests: POST application/json bodies and GET query strings.</summary>
internal static class GraphQLRequestReader
{
    /// <summary>Reads the query string of a GET request.</summary>
    public static GraphQLHttpRequest ReadQueryString(IQueryCollection query) => new()
    {
        Query = Single(query, "query"),
        OperationName = Single(query, "operationName"),
        Variables = ParseObjectParameter(Single(query, "variables"), "variables"),
        Extensions = ParseObjectParameter(Single(query, "extensions"), "extensions"),
    };

    private static string? Single(IQueryCollection query, string name)
    {
        var values = query[name];
        if (values.Count > 1) throw new HttpRequestException(400, $"The \"{name}\" parameter must be given at most once.");
        return values.Count == 1 ? values[0] : null;
    }

    private static Dictionary<string, object?>? ParseObjectParameter(string? json, string name)
    {
        if (string.IsNullOrEmpty(json)) return null;
        object? value;
        try
        {
            value = PlainJson.Parse(System.Text.Encoding.UTF8.GetBytes(json));
        }
        catch (InvalidJsonTextException unacceptable)
        {
            throw new HttpRequestException(400, unacceptable.Message);
        }
        catch (JsonException)
        {
            throw new HttpRequestException(400, $"The \"{name}\" parameter must be a JSON object.");
        }
        return value switch
        {
            null => null,
            Dictionary<string, object?> map => map,
            _ => throw new HttpRequestException(400, $"The \"{name}\" parameter must be a JSON object."),
        };
    }

    /// <summary>Whether a Content-Type is JSON in UTF-8 (the only body encoding GraphQL over HTTP defines).</summary>
    public static bool IsJson(MediaTypeHeaderValue contentType) =>
        contentType.MediaType.Equals(MediaTypes.Json, StringComparison.OrdinalIgnoreCase)
        && (!contentType.Charset.HasValue
            || contentType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            || contentType.Charset.Equals("utf8", StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads and parses a JSON body of at most <paramref name="limit"/> bytes.</summary>
    public static async Task<GraphQLHttpRequest> ReadJsonBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        var (buffer, length) = await ReadBoundedAsync(request.Body, request.ContentLength, limit, cancellationToken);
        try
        {
            return FromJson(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The parameters of a JSON request object: query, operationName, variables, extensions.</summary>
    public static GraphQLHttpRequest FromJson(ReadOnlySpan<byte> utf8)
    {
        object? body;
        try
        {
            body = PlainJson.Parse(utf8);
        }
        catch (InvalidJsonTextException unacceptable)
        {
            throw new HttpRequestException(400, unacceptable.Message);
        }
        catch (JsonException)
        {
            throw new HttpRequestException(400, "The request body is not valid JSON.");
        }
        if (body is not Dictionary<string, object?> map)
            throw new HttpRequestException(400, "The request body must be a JSON object.");
        return new GraphQLHttpRequest
        {
            Query = Member<string>(map, "query"),
            OperationName = Member<string>(map, "operationName"),
            Variables = Member<Dictionary<string, object?>>(map, "variables"),
            Extensions = Member<Dictionary<string, object?>>(map, "extensions"),
        };
    }

    private static T? Member<T>(Dictionary<string, object?> map, string name) where T : class
    {
        if (!map.TryGetValue(name, out var value) || value is null) return null;
        return value as T ?? throw new HttpRequestException(400,
            $"The \"{name}\" member must be {(typeof(T) == typeof(string) ? "a string" : "an object")}.");
    }

    /// <summary>Reads a whole stream into a pooled buffer, refusing (413) anything beyond <paramref name="limit"/>.</summary>
    public static async Task<(byte[] Buffer, int Length)> ReadBoundedAsync(
        Stream body, long? declaredLength, long limit, CancellationToken cancellationToken)
    {
        if (declaredLength > limit) throw TooLarge(limit);
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(declaredLength ?? 16 * 1024, limit) + 1);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                var read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0) return (buffer, length);
                length += read;
                if (length > limit) throw TooLarge(limit);
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    public static HttpRequestException TooLarge(long limit) =>
        new(413, $"The request body is larger than the limit of {limit} bytes.");
}
