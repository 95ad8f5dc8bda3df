using Memento.Domain.Accounts;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Memento.Server.Hosting;

/// <summary>
/// Runs before the server accepts requests: applies migrations, then opens first-run setup when there is no
/// user yet. The setup URL is logged once the server knows the address it listens on.
/// </summary>
public sealed class StartupTasks(
    IServiceProvider services, FirstRunSetup setup, IHostApplicationLifetime lifetime, IServer server,
    IOptions<MementoOptions> options, ILogger<StartupTasks> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        var memento = options.Value;
        log.LogInformation("Data directory: {DataDirectory}", memento.DataPath);
        await services.MigrateMementoDatabaseAsync(ct);
        await services.SeedLicencesAsync(log, ct);

        await using var scope = services.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<AccountService>().AnyUsersAsync(ct))
            return;
        var token = setup.Open();
        lifetime.ApplicationStarted.Register(() => log.LogWarning(
            "No user exists yet. Open {SetupUrl} and enter this one-time setup token to create the first administrator: {SetupToken}",
            SetupUrl(memento), token));
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    private string SetupUrl(MementoOptions memento)
    {
        var baseUrl = (string.IsNullOrWhiteSpace(memento.PublicUrl) ? null : memento.PublicUrl)
                      ?? server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                      ?? "http://localhost:5000";
        // Kestrel reports wildcard bindings (http://[::]:8080); a person needs an address to type.
        foreach (var wildcard in new[] { "://[::]", "://0.0.0.0", "://+", "://*" })
            baseUrl = baseUrl.Replace(wildcard, "://localhost", StringComparison.Ordinal);
        return baseUrl.TrimEnd('/') + "/setup";
    }
}
