// Where a node sits in its source: graphql-js `Location` without the token links (we do not keep a token list).
namespace Memento.GraphQL.Language;

/// <summary>
/// The span of a node in its <see cref="Language.Source"/>: <see cref="Start"/> and <see cref="End"/> are UTF-16
/// offsets (end exclusive). A struct so that building an AST does not allocate one object per node.
/// </summary>
public readonly struct Location : IEquatable<Location>
{
    public Location(int start, int end, Source source)
    {
        Start = start;
        End = end;
        Source = source;
    }

    /// <summary>Offset of the node's first character.</summary>
    public int Start { get; }

    /// <summary>Offset just after the node's last character.</summary>
    public int End { get; }

    /// <summary>The source the offsets refer to.</summary>
    public Source Source { get; }

    /// <summary>The line and column of <see cref="Start"/>.</summary>
    public SourceLocation StartLocation => Source.GetLocation(Start);

    /// <summary>The source text the node spans.</summary>
    public string Text => Source.Body.Substring(Start, End - Start);

    public bool Equals(Location other) => Start == other.Start && End == other.End && ReferenceEquals(Source, other.Source);
    public override bool Equals(object? obj) => obj is Location other && Equals(other);
    public override int GetHashCode() => HashCode.Combine(Start, End);
    public static bool operator ==(Location left, Location right) => left.Equals(right);
    public static bool operator !=(Location left, Location right) => !left.Equals(right);
    public override string ToString() => $"{Start}..{End}";
}
