namespace Memento.Schema.Api.Querying;

/// <summary>Page size and filter limits of a list field.</summary>
public sealed class ConnectionOptions
{
    private int _maxPageSize = 200;
    private int _defaultPageSize = 50;

    /// <summary>The defaults: at most 200 items per page, 50 when neither first nor last is given, <see cref="FilterLimits.Default"/>.</summary>
    public static ConnectionOptions Default { get; } = new();

    /// <summary>The most items one page may hold; a larger first or last is an error, not silently capped. Default 200.</summary>
    public int MaxPageSize
    {
        get => _maxPageSize;
        init => _maxPageSize = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxPageSize), "Must be positive.");
    }

    /// <summary>The page size when neither first nor last is given. Default 50, never above <see cref="MaxPageSize"/>.</summary>
    public int DefaultPageSize
    {
        get => Math.Min(_defaultPageSize, _maxPageSize);
        init => _defaultPageSize = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(DefaultPageSize), "Must be positive.");
    }

    /// <summary>Bounds on the <c>where</c> argument, checked before it is translated. Default <see cref="FilterLimits.Default"/>.</summary>
    public FilterLimits Filters { get; init; } = FilterLimits.Default;
}
