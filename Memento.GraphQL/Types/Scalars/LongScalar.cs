namespace Memento.GraphQL.Types.Scalars;

/// <summary>Long: a signed 64-bit integer, for sizes and counts beyond Int (e.g. whole-slide pixel counts).</summary>
internal static class LongScalar
{
    public static readonly ScalarType Instance = new("Long",
        "The `Long` scalar type represents non-fractional signed whole numeric values between -(2^63) and 2^63 - 1.")
    {
        Serialize = Coerce,
        ParseValue = Coerce,
    };

    private static object? Coerce(object? input)
    {
        var value = Numbers.Unwrap(input);
        switch (value)
        {
            case long l: return l;
            case int i: return (long)i;
            case short or byte or sbyte or ushort or uint: return Convert.ToInt64(value);
            case ulong ul when ul <= long.MaxValue: return (long)ul;
            case System.Text.Json.JsonElement je when je.TryGetInt64(out var jl): return jl;
        }

        if (Numbers.TryGetNumber(value, out var num) && double.IsFinite(num) && num == Math.Floor(num))
        {
            if (value is decimal m && m >= long.MinValue && m <= long.MaxValue)
            {
                return (long)m;
            }

            if (num >= -9.2233720368547758e18 && num < 9.2233720368547758e18)
            {
                return (long)num;
            }

            throw new GraphQLTypeException("Long cannot represent non 64-bit signed integer value: " + Inspect.Value(input));
        }

        throw new GraphQLTypeException("Long cannot represent non-integer value: " + Inspect.Value(input));
    }
}
