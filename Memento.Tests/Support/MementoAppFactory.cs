using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Memento.Tests.Support;

/// <summary>
/// The whole server in memory, on its own temporary data directory (SQLite by default), with its log captured
/// and a clock tests can move. Pass settings by their configuration names ("Memento:LoginAttemptsPerMinute").
/// </summary>
public class MementoAppFactory(IDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("memento-test-").FullName;
    public LogCapture Logs { get; } = new();
    public TestClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(config =>
        {
            var values = new Dictionary<string, string?>
            {
                ["Memento:DataDirectory"] = DataDirectory,
                ["Memento:Database"] = "",
                ["Memento:PublicUrl"] = "",
                // The 5-second GraphQL budget is for production; tests run many servers at once on two cores.
                // RequestBudgetTests sets its own.
                ["Memento:GraphQLTimeout"] = "00:01:00",
            };
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
                values[key] = value;
            config.AddInMemoryCollection(values);
        });
        // Only the capture: console logging from dozens of test servers would bury the test report.
        builder.ConfigureLogging(logging => logging.ClearProviders().SetMinimumLevel(LogLevel.Debug).AddProvider(Logs));
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects so tests can see them.</summary>
    public BrowserClient CreateBrowser() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); }
        catch (IOException) { /* a file still open on a slow disk: the temp directory is cleaned by the OS */ }
    }
}
