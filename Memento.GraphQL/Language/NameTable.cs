// Interns names per thread so that parsing the same operations again and again (the normal life of a server)
// allocates no strings for field, type and argument names, and later stages compare equal names by reference.
namespace Memento.GraphQL.Language;

internal static class NameTable
{
    // Bounded so that hostile documents full of unique names cannot grow it without limit.
    private const int MaxEntries = 4096;
    private const int MaxNameLength = 64;

    [ThreadStatic]
    private static Dictionary<string, string>? t_names;

    public static string Get(string body, int start, int length)
    {
        if (length > MaxNameLength) return body.Substring(start, length);
        var names = t_names ??= new Dictionary<string, string>(StringComparer.Ordinal);
        var lookup = names.GetAlternateLookup<ReadOnlySpan<char>>();
        var span = body.AsSpan(start, length);
        if (lookup.TryGetValue(span, out var name)) return name;
        if (names.Count >= MaxEntries) names.Clear();
        name = span.ToString();
        names.Add(name, name);
        return name;
    }
}
