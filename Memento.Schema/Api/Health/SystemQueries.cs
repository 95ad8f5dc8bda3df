using System.Reflection;

namespace Memento.Schema.Api.Health;

/// <summary>Liveness and version, readable by anyone, so monitors and clients can check the server they talk to.</summary>
public sealed class SystemQueries
{
    private static readonly string ServerVersion =
        typeof(SystemQueries).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(SystemQueries).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>"ok" when the GraphQL endpoint is serving.</summary>
    public string Health() => "ok";

    /// <summary>The server's version.</summary>
    public string Version() => ServerVersion;
}
