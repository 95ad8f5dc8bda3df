using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DatasetBench;

/// <summary>Remembers the SQL (text and parameters) of every reader command since the last <see cref="Clear"/>, so
/// the bench can count a search's statements and EXPLAIN the slowest one exactly as it ran.</summary>
internal sealed class CommandRecorder : DbCommandInterceptor
{
    public List<(string Sql, (string Name, object? Value)[] Parameters)> Commands { get; } = [];

    public void Clear() => Commands.Clear();

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command,
        CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Commands.Add((command.CommandText,
            command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToArray()));
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}
