// Limits and switches for the parser. The limits are enforced by the parser itself, token by token, so that
// hostile input (e.g. 40 KB of nested brackets) ends in a syntax error instead of a stack overflow
// (the HotChocolate CVE-2026-40324 failure mode).
namespace Memento.GraphQL.Language;

/// <summary>Options for <see cref="Parser"/>. Defaults suit requests from untrusted clients.</summary>
public sealed class ParserOptions
{
    private int _maxDepth = 128;
    private int _maxTokens = 50_000;
    private int _maxDocumentChars = 1_000_000;
    private int _maxDocumentBytes = 1_000_000;

    /// <summary>The defaults (shared, do not mutate: create your own instance to change a limit).</summary>
    internal static readonly ParserOptions Default = new();

    /// <summary>
    /// When true, nodes get no <see cref="Location"/> (a little faster; errors from later stages then have no
    /// line/column). Default false.
    /// </summary>
    public bool NoLocation { get; set; }

    /// <summary>
    /// Maximum nesting of selection sets, list and object values and list types, counted together.
    /// Default 128: far beyond real queries (the introspection query nests about 10), far below what overflows
    /// a 256 KB thread stack.
    /// </summary>
    public int MaxDepth
    {
        get => _maxDepth;
        set => _maxDepth = value is >= 1 and <= 1024
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxDepth must be between 1 and 1024.");
    }

    /// <summary>Maximum number of tokens (comments and commas not counted, as in graphql-js). Default 50,000.</summary>
    public int MaxTokens
    {
        get => _maxTokens;
        set => _maxTokens = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxTokens must be positive.");
    }

    /// <summary>Maximum document length in UTF-16 characters. Default 1,000,000.</summary>
    public int MaxDocumentChars
    {
        get => _maxDocumentChars;
        set => _maxDocumentChars = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxDocumentChars must be positive.");
    }

    /// <summary>
    /// Maximum document size in UTF-8 bytes, as the document arrived over the wire. Default 1,000,000.
    /// Counted only when the length in characters could exceed it (a character is 1 to 3 bytes).
    /// </summary>
    public int MaxDocumentBytes
    {
        get => _maxDocumentBytes;
        set => _maxDocumentBytes = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxDocumentBytes must be positive.");
    }

    /// <summary>Options without size limits, for trusted text such as our own SDL files (depth stays capped).</summary>
    public static ParserOptions Trusted() =>
        new() { MaxTokens = int.MaxValue, MaxDocumentChars = int.MaxValue, MaxDocumentBytes = int.MaxValue };
}
