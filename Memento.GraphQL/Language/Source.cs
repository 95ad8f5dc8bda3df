// Source text of a GraphQL document and line/column computation.
// https://spec.graphql.org/October2021/#sec-Source-Text
namespace Memento.GraphQL.Language;

/// <summary>A GraphQL document's text plus a name used in error messages (like graphql-js <c>Source</c>).</summary>
public sealed class Source
{
    /// <summary>Creates a source; <paramref name="name"/> defaults to "GraphQL request" as in graphql-js.</summary>
    public Source(string body, string name = "GraphQL request")
    {
        ArgumentNullException.ThrowIfNull(body);
        Body = body;
        Name = name;
    }

    /// <summary>The document text.</summary>
    public string Body { get; }

    /// <summary>A name for the source, e.g. a file name.</summary>
    public string Name { get; }

    // Offsets where lines start, built on first use: errors from execution may ask for many locations, and a
    // binary search keeps each lookup O(log lines) instead of a scan from the top.
    private int[]? _lineStarts;

    /// <summary>
    /// The 1-based line and column of a UTF-16 offset. Lines end at \r\n, \n or \r (spec LineTerminator);
    /// columns count UTF-16 code units, as graphql-js does, so locations agree with the reference implementation.
    /// Computed on demand: only errors and tools need it, so the parser never tracks lines.
    /// </summary>
    public SourceLocation GetLocation(int position)
    {
        position = Math.Clamp(position, 0, Body.Length);
        var lineStarts = _lineStarts ??= ComputeLineStarts(Body);
        int index = Array.BinarySearch(lineStarts, position);
        // An exact hit is the start of that line; otherwise the complement is the next line's index.
        int line = index >= 0 ? index : ~index - 1;
        return new SourceLocation(line + 1, position - lineStarts[line] + 1);
    }

    private static int[] ComputeLineStarts(string body)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < body.Length; i++)
        {
            char c = body[i];
            if (c == '\n')
            {
                starts.Add(i + 1);
            }
            else if (c == '\r')
            {
                // \r\n is one terminator (graphql-js matches /\r\n|[\n\r]/g the same way).
                if (i + 1 < body.Length && body[i + 1] == '\n') i++;
                starts.Add(i + 1);
            }
        }
        return [.. starts];
    }
}

/// <summary>A 1-based line and column in a source, as reported in GraphQL errors.</summary>
public readonly record struct SourceLocation(int Line, int Column)
{
    public override string ToString() => $"{Line}:{Column}";
}
