namespace Memento.GraphQL.Types.Scalars;

/// <summary>Int: a signed 32-bit integer (spec 3.5.1), coerced as graphql-js does.</summary>
internal static class IntScalar
{
    public static readonly ScalarType Instance = new("Int",
        "The `Int` scalar type represents non-fractional signed whole numeric values. Int can represent values between -(2^31) and 2^31 - 1.")
    {
        Serialize = Serialize,
        ParseValue = ParseValue,
    };

    private static object? Serialize(object? output)
    {
        var value = Numbers.Unwrap(output);
        if (value is int i)
        {
            return i;
        }

        double num;
        if (value is bool b)
        {
            return b ? 1 : 0;
        }

        if (value is string s && s.Length > 0 && Numbers.TryParseNumericString(s, out var parsed))
        {
            num = parsed;
        }
        else if (!Numbers.TryGetNumber(value, out num))
        {
            throw new GraphQLTypeException("Int cannot represent non-integer value: " + Inspect.Value(output));
        }

        if (!double.IsFinite(num) || num != Math.Floor(num))
        {
            throw new GraphQLTypeException("Int cannot represent non-integer value: " + Inspect.Value(output));
        }

        if (num > int.MaxValue || num < int.MinValue)
        {
            throw new GraphQLTypeException("Int cannot represent non 32-bit signed integer value: " + Inspect.Value(output));
        }

        return (int)num;
    }

    private static object? ParseValue(object? input)
    {
        if (input is int i)
        {
            return i;
        }

        if (!Numbers.TryGetNumber(input, out var num) || !double.IsFinite(num) || num != Math.Floor(num))
        {
            throw new GraphQLTypeException("Int cannot represent non-integer value: " + Inspect.Value(input));
        }

        if (num > int.MaxValue || num < int.MinValue)
        {
            throw new GraphQLTypeException("Int cannot represent non 32-bit signed integer value: " + Inspect.Value(input));
        }

        return (int)num;
    }
}
