using Memento.Domain.Services.Images;
using Memento.Imaging.Engine;
using Memento.Imaging.Ingest;
using Memento.Imaging.Tiles;
using Memento.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Memento.Server.Jobs;

/// <summary>Wires ingest (engine, limits, queue, worker) and the tile URL signer.</summary>
public static class ImagingExtensions
{
    public static WebApplicationBuilder AddMementoImaging(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ImagingOptions>().BindConfiguration(ImagingOptions.Section);
        services.AddSingleton<IImageEngine>(sp =>
        {
            var jobs = Math.Max(1, sp.GetRequiredService<IOptions<ImagingOptions>>().Value.MaxParallelJobs);
            // Share the cores between parallel jobs instead of oversubscribing them.
            return new VipsCliEngine(new VipsEngineOptions { Concurrency = Math.Max(1, Environment.ProcessorCount / jobs) });
        });
        services.AddSingleton(sp => new ImageIngestor(sp.GetRequiredService<IImageEngine>(),
            sp.GetRequiredService<IOptions<ImagingOptions>>().Value.Limits));
        services.AddSingleton(sp => InstanceIdentity.Acquire(sp.GetRequiredService<IOptions<MementoOptions>>().Value.DataPath));
        services.AddSingleton<JobSignal>();
        services.AddSingleton<IIngestSignal>(sp => sp.GetRequiredService<JobSignal>());
        services.AddScoped<JobLeases>();
        services.AddSingleton<ImageIngestJob>();
        services.AddHostedService<JobWorker>();
        services.AddScoped<OrphanedFilesCleaner>();
        services.AddHostedService<OrphanedFilesCleanup>();

        services.AddSingleton<RevokedShareLinks>();
        services.AddHostedService<RevokedShareLinksRefresher>();
        services.AddSingleton(sp => new TileUrlSigner(
            TileSigningKey.LoadOrCreate(Path.Combine(sp.GetRequiredService<IOptions<MementoOptions>>().Value.DataPath, "secrets", "tile-signing.key")),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<RevokedShareLinks>()));
        services.AddSingleton<ITileDirectoryResolver, ReadyImageDirectories>();
        services.AddSingleton(sp => new TileFileCache(sp.GetRequiredService<IOptions<ImagingOptions>>().Value.TileCacheMegabytes * 1024L * 1024));
        services.AddSingleton<TileLookup>();
        services.AddScoped<IImageFiles, ImageFiles>();
        services.AddScoped<Memento.Domain.Services.Pictures.IPictureProbe, PictureProbe>();
        // The one place image files are named and deleted; deleting tells this instance's tile cache to forget them.
        services.AddSingleton(sp => new ImageDirectories(sp.GetRequiredService<IOptions<MementoOptions>>().Value.DataPath,
            sp.GetRequiredService<TileFileCache>().ForgetDirectory, sp.GetService<ILogger<ImageDirectories>>()));
        return builder;
    }
}
