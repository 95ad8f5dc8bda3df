using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace Memento.GraphQL.Types.Scalars;

/// <summary>Formats values in error messages as graphql-js's inspect() does, so messages match the reference.</summary>
internal static class Inspect
{
    public static string Value(object? value, int depth = 0)
    {
        switch (value)
        {
            case null:
                return "null";
            case string s:
                return JsonSerializer.Serialize(s);
            case bool b:
                return b ? "true" : "false";
            case double d:
                return Number(d);
            case float f:
                return Number(f);
            case decimal m:
                return Number((double)m);
            case int or long or short or byte or sbyte or uint or ulong or ushort:
                return Convert.ToString(value, CultureInfo.InvariantCulture)!;
            case JsonElement je:
                return Json(je, depth);
            case IDictionary dict:
                return Object(dict, depth);
            case IEnumerable list:
                return List(list, depth);
            case Delegate del:
                return "[function " + del.Method.Name + "]";
            default:
                return value.ToString() ?? "{}";
        }
    }

    /// <summary>JavaScript's Number#toString: integers without a fraction, exponents as "1e+21".</summary>
    public static string Number(double d)
    {
        if (double.IsNaN(d))
        {
            return "NaN";
        }

        if (double.IsInfinity(d))
        {
            return d > 0 ? "Infinity" : "-Infinity";
        }

        if (d == Math.Floor(d) && Math.Abs(d) < 1e21)
        {
            return d.ToString("0", CultureInfo.InvariantCulture);
        }

        var r = d.ToString("R", CultureInfo.InvariantCulture);
        var e = r.IndexOf('E');
        if (e < 0)
        {
            return r;
        }

        var exp = r[(e + 1)..];
        return r[..e] + "e" + (exp.StartsWith('-') ? exp : "+" + exp.TrimStart('+'));
    }

    private static string Json(JsonElement je, int depth) => je.ValueKind switch
    {
        JsonValueKind.String => JsonSerializer.Serialize(je.GetString()),
        JsonValueKind.Number => je.TryGetDouble(out var d) ? Number(d) : je.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null or JsonValueKind.Undefined => "null",
        JsonValueKind.Array => JsonList(je, depth),
        _ => JsonObject(je, depth),
    };

    private static string JsonList(JsonElement je, int depth)
    {
        if (je.GetArrayLength() == 0)
        {
            return "[]";
        }

        if (depth >= 2)
        {
            return "[Array]";
        }

        var parts = new List<string>();
        foreach (var item in je.EnumerateArray())
        {
            parts.Add(Json(item, depth + 1));
        }

        return "[" + string.Join(", ", parts) + "]";
    }

    private static string JsonObject(JsonElement je, int depth)
    {
        var parts = new List<string>();
        foreach (var p in je.EnumerateObject())
        {
            parts.Add(p.Name + ": " + Json(p.Value, depth + 1));
        }

        if (parts.Count == 0)
        {
            return "{}";
        }

        return depth >= 2 ? "[Object]" : "{ " + string.Join(", ", parts) + " }";
    }

    private static string Object(IDictionary dict, int depth)
    {
        if (dict.Count == 0)
        {
            return "{}";
        }

        if (depth >= 2)
        {
            return "[Object]";
        }

        var parts = new List<string>();
        foreach (DictionaryEntry e in dict)
        {
            parts.Add(e.Key + ": " + Value(e.Value, depth + 1));
        }

        return "{ " + string.Join(", ", parts) + " }";
    }

    private static string List(IEnumerable list, int depth)
    {
        var parts = new List<string>();
        foreach (var item in list)
        {
            parts.Add(Value(item, depth + 1));
        }

        if (parts.Count == 0)
        {
            return "[]";
        }

        return depth >= 2 ? "[Array]" : "[" + string.Join(", ", parts) + "]";
    }
}
