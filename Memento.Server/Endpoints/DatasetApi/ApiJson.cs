using System.Text.Json;
using Memento.Domain.Authorization;

namespace Memento.Server.Endpoints.DatasetApi;

/// <summary>Reading the dataset API's JSON bodies: bounded, an object, and typed accessors whose errors name the key.</summary>
public static class ApiJson
{
    public const int MaxBodyBytes = 4 * 1024 * 1024;

    /// <summary>The request body as a JSON object; VALIDATION (400) naming the problem when it is not one.</summary>
    public static async Task<JsonElement> ReadObjectAsync(HttpRequest request)
    {
        var body = await ReadAsync(request);
        return body.ValueKind == JsonValueKind.Object ? body
            : throw MementoException.Validation("body", "The body must be a JSON object.");
    }

    /// <summary>The request body as any JSON value; VALIDATION (400) naming the problem when it is not JSON.</summary>
    public static async Task<JsonElement> ReadAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxBodyBytes) throw new ApiErrors.TooLargeException(MaxBodyBytes);
        using var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) throw new ApiErrors.TooLargeException(MaxBodyBytes);
            buffer.Write(chunk, 0, read);
        }
        return Parse(buffer.ToArray(), "body", anyValue: true);
    }

    /// <summary>Parses <paramref name="utf8"/> as a JSON object; errors name <paramref name="field"/>.</summary>
    public static JsonElement Parse(ReadOnlySpan<byte> utf8, string field, bool anyValue = false)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 32 });
            var element = JsonElement.ParseValue(ref reader);
            if (!anyValue && element.ValueKind != JsonValueKind.Object)
                throw MementoException.Validation(field, $"The {field} must be a JSON object.");
            return element;
        }
        catch (JsonException e)
        {
            throw MementoException.Validation(field, $"The {field} is not valid JSON: {e.Message}");
        }
    }

    /// <summary>A string value, null when absent or null; VALIDATION when it has another type.</summary>
    public static string? String(JsonElement obj, string key) =>
        !obj.TryGetProperty(key, out var v) || v.ValueKind == JsonValueKind.Null ? null
        : v.ValueKind == JsonValueKind.String ? v.GetString()
        : throw MementoException.Validation(key, $"'{key}' must be a string.");

    /// <summary>A list of strings (a single string is taken as a list of one), null when absent.</summary>
    public static IReadOnlyList<string>? StringList(JsonElement obj, string key)
    {
        if (!obj.TryGetProperty(key, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind == JsonValueKind.String) return [v.GetString()!];
        if (v.ValueKind != JsonValueKind.Array || v.EnumerateArray().Any(i => i.ValueKind != JsonValueKind.String))
            throw MementoException.Validation(key, $"'{key}' must be a list of strings.");
        return v.EnumerateArray().Select(i => i.GetString()!).ToList();
    }

    /// <summary>The document's raw region list (type, shape, object per region), null when absent.</summary>
    public static IReadOnlyList<Memento.Domain.Services.Pictures.PictureRegionInput>? RegionsIn(JsonElement obj, string key) =>
        !obj.TryGetProperty(key, out var v) || v.ValueKind == JsonValueKind.Null ? null : Regions(v, key);

    public static IReadOnlyList<Memento.Domain.Services.Pictures.PictureRegionInput> Regions(JsonElement list, string key)
    {
        if (list.ValueKind != JsonValueKind.Array)
            throw MementoException.Validation(key, $"'{key}' must be a list of regions ({{\"type\", \"shape\", \"object\"}}).");
        var index = 0;
        return list.EnumerateArray().Select(r =>
        {
            index++;
            if (r.ValueKind != JsonValueKind.Object)
                throw MementoException.Validation(key, $"Region {index}: each region is a dictionary with type, shape and object.");
            if (!r.TryGetProperty("shape", out var shape) || shape.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
                throw MementoException.Validation("shape", $"Region {index}: 'shape' must be a dictionary or a list of points.");
            return new Memento.Domain.Services.Pictures.PictureRegionInput(String(r, "type") ?? "", shape.Clone(), String(r, "object"));
        }).ToList();
    }
}
