namespace Memento.GraphQL.Types.Scalars;

/// <summary>Float: a double-precision finite number (spec 3.5.2).</summary>
internal static class FloatScalar
{
    public static readonly ScalarType Instance = new("Float",
        "The `Float` scalar type represents signed double-precision fractional values as specified by [IEEE 754](https://en.wikipedia.org/wiki/IEEE_floating_point).")
    {
        Serialize = Serialize,
        ParseValue = ParseValue,
    };

    private static object? Serialize(object? output)
    {
        var value = Numbers.Unwrap(output);
        double num;
        if (value is bool b)
        {
            return b ? 1d : 0d;
        }

        if (value is string s && s.Length > 0 && Numbers.TryParseNumericString(s, out var parsed))
        {
            num = parsed;
        }
        else if (!Numbers.TryGetNumber(value, out num))
        {
            throw new GraphQLTypeException("Float cannot represent non numeric value: " + Inspect.Value(output));
        }

        if (!double.IsFinite(num))
        {
            throw new GraphQLTypeException("Float cannot represent non numeric value: " + Inspect.Value(output));
        }

        return num;
    }

    private static object? ParseValue(object? input)
    {
        if (!Numbers.TryGetNumber(input, out var num) || !double.IsFinite(num))
        {
            throw new GraphQLTypeException("Float cannot represent non numeric value: " + Inspect.Value(input));
        }

        return num;
    }
}
