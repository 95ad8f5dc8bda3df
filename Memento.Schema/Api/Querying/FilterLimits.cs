namespace Memento.Schema.Api.Querying;

/// <summary>
/// Bounds on a <c>where</c> argument, checked before it is turned into an expression tree: EF Core walks that tree
/// recursively (an <c>in</c> of 10,000 ids once overflowed the stack and killed the process), and the database's
/// parser has its own depth limit (SQLite refuses an expression nested 1,000 deep). Every bound is far above what a
/// hand-written or scripted query needs and far below what either recursion can take.
/// </summary>
public sealed class FilterLimits
{
    private int _maxListItems = 1000;
    private int _maxTerms = 100;
    private int _maxNodes = 2000;
    private int _maxDepth = 10;

    /// <summary>The defaults: 1,000 values per in/nin, 100 terms per and/or, 2,000 nodes, 10 levels.</summary>
    public static FilterLimits Default { get; } = new();

    /// <summary>
    /// Values one <c>in</c> or <c>nin</c> list may hold. Default 1,000: a page of ids from another list fits five
    /// times over; longer lists belong in several requests.
    /// </summary>
    public int MaxListItems
    {
        get => _maxListItems;
        init => _maxListItems = Positive(value, nameof(MaxListItems));
    }

    /// <summary>Terms one <c>and</c> or <c>or</c> may combine. Default 100: alternatives of one value belong in <c>in</c>.</summary>
    public int MaxTerms
    {
        get => _maxTerms;
        init => _maxTerms = Positive(value, nameof(MaxTerms));
    }

    /// <summary>
    /// Nodes in the whole filter: every condition on a field, every operation, every and/or term and every in/nin
    /// value counts one. Default 2,000: one full <c>in</c> list plus hundreds of other conditions; it bounds the
    /// work of nested and/or lists that each stay under <see cref="MaxTerms"/>.
    /// </summary>
    public int MaxNodes
    {
        get => _maxNodes;
        init => _maxNodes = Positive(value, nameof(MaxNodes));
    }

    /// <summary>
    /// Filter objects nested inside one another (through and/or terms, to-one navigations and some/all/none).
    /// Default 10: the product's deepest meaningful path (an image's project's owner inside an and inside an or) is 5.
    /// </summary>
    public int MaxDepth
    {
        get => _maxDepth;
        init => _maxDepth = Positive(value, nameof(MaxDepth));
    }

    private static int Positive(int value, string name) =>
        value > 0 ? value : throw new ArgumentOutOfRangeException(name, "Must be positive.");
}
