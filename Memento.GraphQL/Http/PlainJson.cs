using System.Text.Json;
using Memento.GraphQL.Errors;

namespace Memento.GraphQL.Http;

/// <summary>
/// Reads JSON into plain values (Dictionary, List, string, long/double, bool, null): the shape variable coercion
/// consumes, and one that multipart uploads can be placed into.
/// </summary>
internal static class PlainJson
{
    /// <summary>The nesting beyond which a body is refused; deep enough for any real variables.</summary>
    private const int MaxDepth = 64;

    /// <summary>
    /// Parses one JSON value. Throws <see cref="JsonException"/> for anything that is not JSON, and its subclass
    /// <see cref="InvalidJsonTextException"/>, whose message a client can act on, for nesting beyond the limit,
    /// invalid UTF-8 and lone-surrogate escapes (which System.Text.Json reports as InvalidOperationException, so
    /// they would otherwise surface as server errors).
    /// </summary>
    public static object? Parse(ReadOnlySpan<byte> utf8)
    {
        // The reader's own limit is one level beyond ours, so ours (with its clear message) is met first.
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth + 1 });
        try
        {
            if (!reader.Read()) throw new JsonException("Empty JSON.");
            var value = ReadValue(ref reader, 0);
            if (reader.Read()) throw new JsonException("Unexpected data after the JSON value.");
            return value;
        }
        catch (InvalidOperationException)
        {
            // GetString fails on text it cannot turn into UTF-16: invalid UTF-8 bytes, or a \uD800-\uDFFF escape
            // without its other half. Invalid UTF-8 outside strings is a plain JsonException above.
            throw new InvalidJsonTextException(System.Text.Unicode.Utf8.IsValid(utf8)
                ? ErrorMessages.JsonLoneSurrogate
                : ErrorMessages.JsonInvalidUtf8);
        }
    }

    private static object? ReadValue(ref Utf8JsonReader reader, int depth)
    {
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && depth >= MaxDepth)
            throw new InvalidJsonTextException(ErrorMessages.JsonTooDeep(MaxDepth));
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var map = new Dictionary<string, object?>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    map[name] = ReadValue(ref reader, depth + 1);
                }
                return map;
            case JsonTokenType.StartArray:
                var list = new List<object?>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) list.Add(ReadValue(ref reader, depth + 1));
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

/// <summary>JSON whose text the server cannot accept, with a message meant for the client.</summary>
internal sealed class InvalidJsonTextException(string message) : JsonException(message);
