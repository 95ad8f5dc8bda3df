namespace Memento.Server.Hosting;

/// <summary>
/// Server settings, bound from the "Memento" configuration section; the MEMENTO_* environment variables
/// map onto it (see <see cref="MementoConfiguration"/>). README's configuration table documents each one.
/// Password and lockout rules bind from the same section into Memento.Schema's AccountOptions.
/// </summary>
public sealed class MementoOptions
{
    public const string Section = "Memento";

    /// <summary>Default upload limit: 2 GiB, enough for most whole-slide scans.</summary>
    public const long DefaultMaxUploadBytes = 2L * 1024 * 1024 * 1024;

    /// <summary>Directory for the SQLite file, images, tiles and keys (MEMENTO_DATA). Relative paths are resolved against the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Empty: SQLite in the data directory; otherwise a PostgreSQL connection string (MEMENTO_DATABASE).</summary>
    public string? Database { get; set; }

    /// <summary>Public base URL used in links the server prints or mails, e.g. https://memento.example.org (MEMENTO_PUBLIC_URL).</summary>
    public string? PublicUrl { get; set; }

    /// <summary>Largest accepted request body in bytes (MEMENTO_MAX_UPLOAD_BYTES).</summary>
    public long MaxUploadBytes { get; set; } = DefaultMaxUploadBytes;

    /// <summary>
    /// Wall time one GraphQL request may take (MEMENTO_GRAPHQL_TIMEOUT), so no document keeps a core busy for
    /// long; beyond it the request stops with a TIMEOUT error.
    /// </summary>
    public TimeSpan GraphQLTimeout { get; set; } = Memento.GraphQL.Execution.ExecutionOptions.DefaultRequestTimeout;

    /// <summary>Apply database migrations at start-up (MEMENTO_APPLY_MIGRATIONS); turn off when a DBA migrates.</summary>
    public bool ApplyMigrations { get; set; } = true;

    /// <summary>Sign-in attempts allowed per client IP address per minute (MEMENTO_LOGIN_ATTEMPTS_PER_MINUTE).</summary>
    public int LoginAttemptsPerMinute { get; set; } = 10;

    /// <summary>How long a browser session lasts without activity.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>The data directory as an absolute path.</summary>
    public string DataPath => Path.GetFullPath(string.IsNullOrWhiteSpace(DataDirectory) ? "data" : DataDirectory);
}
