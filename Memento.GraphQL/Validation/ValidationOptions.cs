namespace Memento.GraphQL.Validation;

/// <summary>Limits for the opt-in safety rules. Values are checked when set.</summary>
public sealed class ValidationOptions
{
    private int _maxErrors = 100;
    private int _maxDepth = 15;
    private int _maxCost = 10_000;
    private int _defaultListSize = 10;

    public static ValidationOptions Default { get; } = new();

    /// <summary>Errors reported before validation stops (default 100, as graphql-js).</summary>
    public int MaxErrors
    {
        get => _maxErrors;
        set => _maxErrors = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), "Must be positive.");
    }

    /// <summary>Deepest field nesting allowed by <see cref="Rules.MaxDepthRule"/> (default 15; introspection's own query needs 13).</summary>
    public int MaxDepth
    {
        get => _maxDepth;
        set => _maxDepth = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), "Must be positive.");
    }

    /// <summary>Highest cost allowed by <see cref="Rules.MaxCostRule"/> (default 10,000).</summary>
    public int MaxCost
    {
        get => _maxCost;
        set => _maxCost = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), "Must be positive.");
    }

    /// <summary>Assumed length of a list field without a first/last argument, for cost (default 10).</summary>
    public int DefaultListSize
    {
        get => _defaultListSize;
        set => _defaultListSize = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), "Must be positive.");
    }
}
