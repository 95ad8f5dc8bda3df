using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Memento.GraphQL.Errors;

namespace Memento.Schema.Api.Querying;

/// <summary>
/// Opaque cursors: the sort key values of a row plus a fingerprint of the order, base64url-encoded JSON. Paging
/// continues from those values (keyset), so rows inserted or deleted meanwhile cause no duplicates or gaps, and a
/// cursor from a page with another order is rejected instead of silently skipping rows.
/// </summary>
internal static class Cursor
{
    public static string Encode(IReadOnlyList<SortKey> keys, object row)
    {
        var values = new object?[keys.Count];
        for (var i = 0; i < keys.Count; i++) values[i] = keys[i].Getter(row);
        var json = JsonSerializer.SerializeToUtf8Bytes(new Payload(Fingerprint(keys), values));
        return Base64Url.EncodeToString(json);
    }

    /// <summary>The key values in <paramref name="cursor"/>, typed like the properties; a clear error when it does not fit.</summary>
    public static object?[] Decode(IReadOnlyList<SortKey> keys, string cursor, string argument)
    {
        try
        {
            var payload = JsonSerializer.Deserialize<JsonElement>(Base64Url.DecodeFromChars(cursor));
            if (payload.GetProperty("o").GetString() == Fingerprint(keys))
            {
                var items = payload.GetProperty("k");
                if (items.GetArrayLength() == keys.Count)
                {
                    var values = new object?[keys.Count];
                    for (var i = 0; i < keys.Count; i++)
                    {
                        values[i] = items[i].Deserialize(keys[i].Property.PropertyType)
                            ?? throw new FormatException("Sort keys are never null.");
                    }
                    return values;
                }
            }
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
        }
        throw new GraphQLException(QueryingErrors.InvalidCursor(argument), QueryingErrors.ValidationCode);
    }

    private static string Fingerprint(IReadOnlyList<SortKey> keys) =>
        string.Join(",", keys.Select(k => (k.Descending ? "-" : "") + k.Property.Name));

    private sealed record Payload(
        [property: System.Text.Json.Serialization.JsonPropertyName("o")] string Order,
        [property: System.Text.Json.Serialization.JsonPropertyName("k")] object?[] Keys);
}
