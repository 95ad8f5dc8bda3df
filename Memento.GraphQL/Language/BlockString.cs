// Block strings: https://spec.graphql.org/October2021/#sec-String-Value (BlockStringValue) and the printer's
// inverse, ported from graphql-js blockString.ts so both directions agree with the reference implementation.
namespace Memento.GraphQL.Language;

using System.Text;

internal static class BlockString
{
    /// <summary>
    /// BlockStringValue(): remove the common indentation of all lines but the first, then leading and trailing
    /// blank lines, and join with \n.
    /// </summary>
    public static string Dedent(List<string> lines)
    {
        int commonIndent = int.MaxValue;
        int firstNonEmpty = -1;
        int lastNonEmpty = -1;
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            int indent = LeadingWhitespace(line);
            if (indent == line.Length) continue; // blank lines do not count
            if (firstNonEmpty < 0) firstNonEmpty = i;
            lastNonEmpty = i;
            if (i != 0 && indent < commonIndent) commonIndent = indent;
        }
        if (firstNonEmpty < 0) return string.Empty;

        var result = new StringBuilder();
        for (int i = firstNonEmpty; i <= lastNonEmpty; i++)
        {
            if (i > firstNonEmpty) result.Append('\n');
            var line = lines[i];
            if (i == 0 || commonIndent == int.MaxValue) result.Append(line);
            else if (line.Length > commonIndent) result.Append(line, commonIndent, line.Length - commonIndent);
        }
        return result.ToString();
    }

    /// <summary>Splits on \r\n, \n or \r (the spec's LineTerminator).</summary>
    internal static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c != '\n' && c != '\r') continue;
            lines.Add(text.Substring(start, i - start));
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            start = i + 1;
        }
        lines.Add(text.Substring(start));
        return lines;
    }

    private static int LeadingWhitespace(string line)
    {
        int i = 0;
        while (i < line.Length && (line[i] == ' ' || line[i] == '\t')) i++;
        return i;
    }

    /// <summary>
    /// graphql-js isPrintableAsBlockString: false when printing as a block string would not round-trip
    /// (e.g. trailing/leading blank lines or characters a block string cannot hold).
    /// </summary>
    public static bool IsPrintable(string value)
    {
        if (value.Length == 0) return true; // a block string can hold the empty string
        bool isEmptyLine = true;
        bool hasIndent = false;
        bool hasCommonIndent = true;
        bool seenNonEmptyLine = false;
        for (int i = 0; i < value.Length; ++i)
        {
            switch (value[i])
            {
                case '\u0000': case '\u0001': case '\u0002': case '\u0003': case '\u0004': case '\u0005':
                case '\u0006': case '\u0007': case '\u0008': case '\u000B': case '\u000C': case '\u000E':
                case '\u000F': case '\u0010': case '\u0011': case '\u0012': case '\u0013': case '\u0014':
                case '\u0015': case '\u0016': case '\u0017': case '\u0018': case '\u0019': case '\u001A':
                case '\u001B': case '\u001C': case '\u001D': case '\u001E': case '\u001F':
                    return false; // has non-printable characters
                case '\r':
                    return false; // has \r or \r\n, which would be replaced by \n
                case '\n':
                    if (isEmptyLine && !seenNonEmptyLine) return false; // has leading new line
                    seenNonEmptyLine = true;
                    isEmptyLine = true;
                    hasIndent = false;
                    break;
                case '\t':
                case ' ':
                    hasIndent |= isEmptyLine;
                    break;
                default:
                    hasCommonIndent &= hasIndent;
                    isEmptyLine = false;
                    break;
            }
        }
        if (isEmptyLine) return false; // has trailing empty lines
        if (hasCommonIndent && seenNonEmptyLine) return false; // has internal indent
        return true;
    }

    /// <summary>graphql-js printBlockString: the value as a """block string""" that parses back to it.</summary>
    public static string Print(string value, bool minimize = false)
    {
        var escaped = value.Replace("\"\"\"", "\\\"\"\"");
        var lines = SplitLines(escaped);
        bool isSingleLine = lines.Count == 1;

        // If common indentation is found we can fix some of those cases by adding a leading new line.
        bool forceLeadingNewLine = lines.Count > 1;
        for (int i = 1; i < lines.Count && forceLeadingNewLine; i++)
        {
            var line = lines[i];
            if (line.Length != 0 && line[0] != ' ' && line[0] != '\t') forceLeadingNewLine = false;
        }

        // Trailing triple quotes just looks confusing but doesn't force trailing new line.
        bool hasTrailingTripleQuotes = escaped.EndsWith("\\\"\"\"", StringComparison.Ordinal);
        // Trailing quote (single or double) or slash forces trailing new line.
        bool hasTrailingQuote = value.EndsWith('"') && !hasTrailingTripleQuotes;
        bool hasTrailingSlash = value.EndsWith('\\');
        bool forceTrailingNewline = hasTrailingQuote || hasTrailingSlash;

        bool printAsMultipleLines = !minimize &&
            // add leading and trailing new lines only if it improves readability
            (!isSingleLine || value.Length > 70 || forceTrailingNewline || forceLeadingNewLine || hasTrailingTripleQuotes);

        var result = new StringBuilder();
        // Format a multi-line block quote to account for leading space.
        bool skipLeadingNewLine = isSingleLine && value.Length > 0 && (value[0] == ' ' || value[0] == '\t');
        if ((printAsMultipleLines && !skipLeadingNewLine) || forceLeadingNewLine) result.Append('\n');
        result.Append(escaped);
        if (printAsMultipleLines || forceTrailingNewline) result.Append('\n');
        return "\"\"\"" + result + "\"\"\"";
    }
}
