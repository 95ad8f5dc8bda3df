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

    /// <summary>
    /// The 1-based line and column of a UTF-16 offset. Lines end at \r\n, \n or \r (spec LineTerminator);
    /// columns count UTF-16 code units, as graphql-js does, so locations agree with the reference implementation.
    /// Computed on demand: only errors and tools need it, so the parser never tracks lines.
    /// </summary>
    public SourceLocation GetLocation(int position)
    {
        var body = Body;
        if (position > body.Length) position = body.Length;
        int line = 1, lineStart = 0;
        for (int i = 0; i < position; i++)
        {
            char c = body[i];
            if (c == '\n')
            {
                line++;
                lineStart = i + 1;
            }
            else if (c == '\r')
            {
                // \r\n is one terminator (graphql-js matches /\r\n|[\n\r]/g the same way).
                if (i + 1 < body.Length && body[i + 1] == '\n') i++;
                line++;
                lineStart = i + 1;
            }
        }
        return new SourceLocation(line, position + 1 - lineStart);
    }
}

/// <summary>A 1-based line and column in a source, as reported in GraphQL errors.</summary>
public readonly record struct SourceLocation(int Line, int Column)
{
    public override string ToString() => $"{Line}:{Column}";
}
