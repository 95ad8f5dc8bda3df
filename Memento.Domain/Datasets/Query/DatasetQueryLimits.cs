namespace Memento.Domain.Datasets.Query;

/// <summary>
/// Bounds on a query's size, so hostile text costs a fast error: the text is measured before it is parsed, and the
/// parser stops at the first value past a bound (anchors and aliases are refused outright, so nothing expands).
/// </summary>
public static class DatasetQueryLimits
{
    /// <summary>64 KiB of UTF-8: far more than any hand-written query.</summary>
    public const int MaxBytes = 64 * 1024;
    public const int MaxRules = 100;
    /// <summary>List items over all rules together.</summary>
    public const int MaxListItems = 1000;
    /// <summary>A valid query nests 4 levels (root, want, rule, list); a little room for the error to be a type error.</summary>
    public const int MaxDepth = 6;
    /// <summary>Scalars, lists and mappings in all; bounds the work before the rules are looked at.</summary>
    public const int MaxNodes = 5000;
    public const int MaxStringLength = 1000;
}
