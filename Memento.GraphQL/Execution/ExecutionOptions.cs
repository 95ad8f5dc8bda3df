namespace Memento.GraphQL.Execution;

/// <summary>Limits and switches of execution. Defaults suit a public API.</summary>
public sealed class ExecutionOptions
{
    private int? _maxDepth = 15;
    private int? _maxCost = 10_000;
    private int _documentCacheSize = 1000;
    private TimeSpan? _requestTimeout = DefaultRequestTimeout;

    /// <summary>The default of <see cref="RequestTimeout"/>: 5 seconds.</summary>
    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Wall time one request may take, parsing, validation and execution together (null: unlimited). Beyond it
    /// the request stops: validation with a request error, execution with a TIMEOUT error beside null data.
    /// Default 5 seconds.
    /// </summary>
    public TimeSpan? RequestTimeout
    {
        get => _requestTimeout;
        set => _requestTimeout = value is null || (value > TimeSpan.Zero && value.Value.TotalMilliseconds <= int.MaxValue)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), "Must be positive and at most 24 days.");
    }

    /// <summary>Deepest field nesting an operation may have (null: unlimited). Default 15.</summary>
    public int? MaxDepth
    {
        get => _maxDepth;
        set => _maxDepth = value is null or > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), "Must be positive.");
    }

    /// <summary>Highest estimated cost (list fields multiply their selection) an operation may have. Default 10,000.</summary>
    public int? MaxCost
    {
        get => _maxCost;
        set => _maxCost = value is null or > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), "Must be positive.");
    }

    /// <summary>Whether anonymous callers may introspect the schema. Default true.</summary>
    public bool AllowAnonymousIntrospection { get; set; } = true;

    /// <summary>
    /// Put unexpected exceptions' messages in errors (Development only). Off: such errors say only
    /// "Unexpected error." with a trace id to find the logged exception.
    /// </summary>
    public bool ExposeExceptionDetails { get; set; }

    /// <summary>How many parsed and validated documents are kept, keyed by their text. Default 1000.</summary>
    public int DocumentCacheSize
    {
        get => _documentCacheSize;
        set => _documentCacheSize = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), "Must not be negative.");
    }
}
