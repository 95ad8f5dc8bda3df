using System.Globalization;

namespace Memento.GraphQL.Types.Scalars;

/// <summary>
/// DateTime: an RFC 3339 / ISO-8601 date-time with an offset, held as <see cref="DateTimeOffset"/>. Input without an
/// offset is refused, since a local time is ambiguous across the servers and clients of a research team.
/// </summary>
internal static class DateTimeScalar
{
    public static readonly ScalarType Instance = new("DateTime",
        "A date-time string at UTC or with an offset, such as `2007-12-03T10:15:30Z`, compliant with RFC 3339.")
    {
        Serialize = Serialize,
        ParseValue = ParseValue,
        SpecifiedByUrl = "https://scalars.graphql.org/andimarek/date-time",
    };

    private static object? Serialize(object? output)
    {
        switch (Numbers.Unwrap(output))
        {
            case DateTimeOffset dto:
                return Format(dto);
            case DateTime dt:
                // A DateTime without kind is taken as UTC: that is how the data layer stores instants.
                return Format(new DateTimeOffset(dt.Kind == DateTimeKind.Local ? dt.ToUniversalTime() : DateTime.SpecifyKind(dt, DateTimeKind.Utc)));
            case string s when TryParse(s, out var parsed):
                return Format(parsed);
            default:
                throw new GraphQLTypeException("DateTime cannot represent an invalid date-time-string " + Inspect.Value(output) + ".");
        }
    }

    private static object? ParseValue(object? input)
    {
        if (Numbers.Unwrap(input) is string s)
        {
            if (TryParse(s, out var parsed))
            {
                return parsed;
            }

            throw new GraphQLTypeException("DateTime cannot represent an invalid date-time-string " + Inspect.Value(input) + ".");
        }

        throw new GraphQLTypeException("DateTime cannot represent a non string value: " + Inspect.Value(input));
    }

    internal static bool TryParse(string s, out DateTimeOffset value)
    {
        value = default;
        // RFC 3339 requires the date, the 'T', the time and the offset ('Z' or ±hh:mm).
        if (s.Length < 20 || (s[10] != 'T' && s[10] != 't'))
        {
            return false;
        }

        var last = s[^1];
        var hasOffset = last is 'Z' or 'z' || (s.Length >= 6 && s[^3] == ':' && (s[^6] == '+' || s[^6] == '-'));
        return hasOffset && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    private static string Format(DateTimeOffset value) => value.Offset == TimeSpan.Zero
        ? value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)
        : value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
}
