namespace Memento.GraphQL.Utilities;

/// <summary>graphql-js printBlockString: prints text as a """block string""", keeping it readable.</summary>
internal static class BlockString
{
    public static string Print(string value, bool minimize = false)
    {
        var escaped = value.Replace("\"\"\"", "\\\"\"\"");
        var lines = value.Split(new[] { "\r\n", "\n", "\r" }, StringSplitOptions.None);
        var isSingleLine = lines.Length == 1;

        // If common indentation is found we can fix some of those cases by adding a leading new line.
        var forceLeadingNewLine = lines.Length > 1 && lines.Skip(1).All(l => l.Length == 0 || l[0] == ' ' || l[0] == '\t');

        // Trailing triple quotes just looks confusing but doesn't force trailing new line.
        var hasTrailingTripleQuotes = escaped.EndsWith("\\\"\"\"", StringComparison.Ordinal);

        // Trailing quote (single or double) or slash forces trailing new line.
        var hasTrailingQuote = value.EndsWith('"') && !hasTrailingTripleQuotes;
        var hasTrailingSlash = value.EndsWith('\\');
        var forceTrailingNewline = hasTrailingQuote || hasTrailingSlash;

        var printAsMultipleLines = !minimize &&
                                   (!isSingleLine || value.Length > 70 || forceTrailingNewline || forceLeadingNewLine || hasTrailingTripleQuotes);

        var result = string.Empty;

        // Format a multi-line block quote to account for leading space.
        var skipLeadingNewLine = isSingleLine && value.Length > 0 && (value[0] == ' ' || value[0] == '\t');
        if ((printAsMultipleLines && !skipLeadingNewLine) || forceLeadingNewLine)
        {
            result += "\n";
        }

        result += escaped;
        if (printAsMultipleLines || forceTrailingNewline)
        {
            result += "\n";
        }

        return "\"\"\"" + result + "\"\"\"";
    }
}
