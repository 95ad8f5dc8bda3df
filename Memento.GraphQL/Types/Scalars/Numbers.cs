using System.Globalization;
using System.Text.Json;

namespace Memento.GraphQL.Types.Scalars;

/// <summary>Reads the many .NET (and JSON) shapes a number can arrive in.</summary>
internal static class Numbers
{
    /// <summary>The value as a double when it is a number (not a string or boolean).</summary>
    public static bool TryGetNumber(object? value, out double number)
    {
        switch (value)
        {
            case int i: number = i; return true;
            case long l: number = l; return true;
            case double d: number = d; return true;
            case float f: number = f; return true;
            case decimal m: number = (double)m; return true;
            case short s: number = s; return true;
            case byte b: number = b; return true;
            case sbyte sb: number = sb; return true;
            case uint ui: number = ui; return true;
            case ulong ul: number = ul; return true;
            case ushort us: number = us; return true;
            case JsonElement { ValueKind: JsonValueKind.Number } je: number = je.GetDouble(); return true;
            default: number = 0; return false;
        }
    }

    /// <summary>Unwraps JSON strings, booleans and null to .NET values; other values are returned as they are.</summary>
    public static object? Unwrap(object? value) => value is JsonElement je
        ? je.ValueKind switch
        {
            JsonValueKind.String => je.GetString(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => value,
        }
        : value;

    /// <summary>A string that JavaScript's Number() would read as a finite number (for serialize leniency).</summary>
    public static bool TryParseNumericString(string s, out double number)
    {
        var t = s.Trim();
        if (t.Length == 0)
        {
            number = 0;
            return true;
        }

        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);
    }
}
