using System.Text.Json;

namespace Memento.GraphQL.Http;

/// <summary>
/// Reads JSON into plain values (Dictionary, List, string, long/double, bool, null): the shape variable coercion
/// consumes, and one that multipart uploads can be placed into.
/// </summary>
internal static class PlainJson
{
    /// <summary>The nesting beyond which a body is refused; deep enough for any real variables.</summary>
    private const int MaxDepth = 64;

    public static object? Parse(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth });
        if (!reader.Read()) throw new JsonException("Empty JSON.");
        var value = ReadValue(ref reader);
        if (reader.Read()) throw new JsonException("Unexpected data after the JSON value.");
        return value;
    }

    private static object? ReadValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var map = new Dictionary<string, object?>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    map[name] = ReadValue(ref reader);
                }
                return map;
            case JsonTokenType.StartArray:
                var list = new List<object?>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) list.Add(ReadValue(ref reader));
                return list;
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                // Integers stay integral so Int/Long coercion can tell 1 from 1.5.
                if (reader.TryGetInt32(out var i)) return i;
                if (reader.TryGetInt64(out var l)) return l;
                return reader.GetDouble();
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Null:
                return null;
            default:
                throw new JsonException($"Unexpected JSON token {reader.TokenType}.");
        }
    }
}
