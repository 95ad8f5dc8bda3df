namespace Memento.GraphQL.Types.Scalars;

/// <summary>ID: a unique identifier, serialized as a string; integer input is accepted (spec 3.5.5).</summary>
internal static class IdScalar
{
    public static readonly ScalarType Instance = new("ID",
        "The `ID` scalar type represents a unique identifier, often used to refetch an object or as key for a cache. The ID type appears in a JSON response as a String; however, it is not intended to be human-readable. When expected as an input type, any string (such as `\"4\"`) or integer (such as `4`) input value will be accepted as an ID.")
    {
        Serialize = Serialize,
        ParseValue = ParseValue,
    };

    private static object? Serialize(object? output)
    {
        var value = Numbers.Unwrap(output);
        if (value is string s)
        {
            return s;
        }

        if (value is Guid g)
        {
            return g.ToString();
        }

        if (Numbers.TryGetNumber(value, out var num) && double.IsFinite(num) && num == Math.Floor(num))
        {
            return value is double or float or System.Text.Json.JsonElement
                ? Inspect.Number(num)
                : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
        }

        throw new GraphQLTypeException("ID cannot represent value: " + Inspect.Value(output));
    }

    private static object? ParseValue(object? input)
    {
        var value = Numbers.Unwrap(input);
        if (value is string s)
        {
            return s;
        }

        if (value is int or long || (Numbers.TryGetNumber(value, out var num) && double.IsFinite(num) && num == Math.Floor(num)))
        {
            Numbers.TryGetNumber(value, out num);
            return Inspect.Number(num);
        }

        throw new GraphQLTypeException("ID cannot represent value: " + Inspect.Value(input));
    }
}
