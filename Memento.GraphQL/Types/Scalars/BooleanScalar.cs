namespace Memento.GraphQL.Types.Scalars;

/// <summary>Boolean: true or false (spec 3.5.4).</summary>
internal static class BooleanScalar
{
    public static readonly ScalarType Instance = new("Boolean", "The `Boolean` scalar type represents `true` or `false`.")
    {
        Serialize = Serialize,
        ParseValue = ParseValue,
    };

    private static object? Serialize(object? output)
    {
        var value = Numbers.Unwrap(output);
        if (value is bool b)
        {
            return b;
        }

        if (Numbers.TryGetNumber(value, out var num) && double.IsFinite(num))
        {
            return num != 0;
        }

        throw new GraphQLTypeException("Boolean cannot represent a non boolean value: " + Inspect.Value(output));
    }

    private static object? ParseValue(object? input)
    {
        if (Numbers.Unwrap(input) is bool b)
        {
            return b;
        }

        throw new GraphQLTypeException("Boolean cannot represent a non boolean value: " + Inspect.Value(input));
    }
}
