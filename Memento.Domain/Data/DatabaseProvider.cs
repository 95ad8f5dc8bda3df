namespace Memento.Domain.Data;

/// <summary>The database engines Memento runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>Embedded default: one file in the data directory.</summary>
    Sqlite,
    /// <summary>For multi-user servers and several instances sharing one database.</summary>
    Postgres,
}
