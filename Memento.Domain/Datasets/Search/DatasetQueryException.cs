namespace Memento.Domain.Datasets.Search;

/// <summary>
/// A dataset query that cannot run: bad YAML, an unknown key, rule, object type, licence or nature, a value of the
/// wrong type, or a query over the limits. The message is safe to show and says what was expected; <see cref="Line"/>
/// and <see cref="Column"/> (1-based) point into the query text when the fault has a place there.
/// </summary>
public sealed class DatasetQueryException(string message, int? line, int? column) : Exception(message)
{
    public int? Line { get; } = line;
    public int? Column { get; } = column;
}
