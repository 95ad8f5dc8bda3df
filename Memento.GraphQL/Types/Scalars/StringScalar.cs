namespace Memento.GraphQL.Types.Scalars;

/// <summary>String: UTF-8 text (spec 3.5.3).</summary>
internal static class StringScalar
{
    public static readonly ScalarType Instance = new("String",
        "The `String` scalar type represents textual data, represented as UTF-8 character sequences. The String type is most often used by GraphQL to represent free-form human-readable text.")
    {
        Serialize = Serialize,
        ParseValue = ParseValue,
    };

    private static object? Serialize(object? output)
    {
        var value = Numbers.Unwrap(output);
        switch (value)
        {
            case string s:
                return s;
            case bool b:
                return b ? "true" : "false";
            case Enum e:
                return e.ToString();
            case Guid g:
                return g.ToString();
        }

        if (Numbers.TryGetNumber(value, out var num) && double.IsFinite(num))
        {
            return value is double or float or System.Text.Json.JsonElement
                ? Inspect.Number(num)
                : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
        }

        throw new GraphQLTypeException("String cannot represent value: " + Inspect.Value(output));
    }

    private static object? ParseValue(object? input)
    {
        if (Numbers.Unwrap(input) is string s)
        {
            return s;
        }

        throw new GraphQLTypeException("String cannot represent a non string value: " + Inspect.Value(input));
    }
}
