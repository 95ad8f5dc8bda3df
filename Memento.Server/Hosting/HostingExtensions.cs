using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Memento.Server.Hosting;

/// <summary>Kestrel limits, proxies, data-protection keys and the error shape.</summary>
public static class HostingExtensions
{
    public static WebApplicationBuilder AddMementoHosting(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        // Limits are read from options when the server starts, so test hosts and configuration reloads see the same values.
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<MementoOptions>>((kestrel, memento) =>
        {
            kestrel.Limits.MaxRequestBodySize = memento.Value.MaxUploadBytes;
            // "Server: Kestrel" tells an attacker what to aim at and costs every tile response its bytes.
            kestrel.AddServerHeader = false;
        });
        services.AddOptions<FormOptions>().Configure<IOptions<MementoOptions>>((form, memento) =>
        {
            form.MultipartBodyLengthLimit = memento.Value.MaxUploadBytes;
            form.ValueLengthLimit = 1024 * 1024;
        });

        // Behind nginx on the same host (docs/deploy/nginx.conf): trust X-Forwarded-* from loopback only,
        // so the sign-in budget (SignInThrottle) sees the real client address.
        services.Configure<ForwardedHeadersOptions>(o =>
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);

        // Keys that sign cookies live in the data directory so sessions survive a restart.
        services.AddDataProtection().SetApplicationName("Memento");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<MementoOptions>, ILoggerFactory>((keys, memento, logs) =>
            keys.XmlRepository = new FileSystemXmlRepository(
                Directory.CreateDirectory(Path.Combine(memento.Value.DataPath, "keys")), logs));

        // Error statuses without a body (404 from a script, 405…) get a ProblemDetails body with a trace id.
        services.AddProblemDetails();
        services.AddMementoSecurityHeaders();
        services.AddSingleton(TimeProvider.System);
        services.AddHealthChecks();
        return builder;
    }
}
