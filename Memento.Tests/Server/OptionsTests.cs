using Memento.Server.Hosting;
using Memento.Tests.Support;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Memento.Tests.Server;

public sealed class OptionsTests
{
    [Fact]
    public void Defaults_match_the_readme()
    {
        var options = new MementoOptions();

        Assert.Equal(2L * 1024 * 1024 * 1024, options.MaxUploadBytes);
        Assert.True(options.ApplyMigrations);
        Assert.Equal(Path.GetFullPath("data"), options.DataPath);
        Assert.True(string.IsNullOrEmpty(options.Database));
    }

    [Fact]
    public void The_upload_limit_applies_to_kestrel_and_to_forms()
    {
        using var app = new MementoAppFactory(new Dictionary<string, string?> { ["Memento:MaxUploadBytes"] = "1048576" });

        Assert.Equal(1048576, app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits.MaxRequestBodySize);
        Assert.Equal(1048576, app.Services.GetRequiredService<IOptions<FormOptions>>().Value.MultipartBodyLengthLimit);
    }

    [Fact]
    public void No_configuration_file_is_watched_so_tiles_written_under_the_content_root_wake_nothing()
    {
        using var app = new MementoAppFactory();

        var root = (IConfigurationRoot)app.Services.GetRequiredService<IConfiguration>();
        var files = root.Providers.OfType<FileConfigurationProvider>().ToList();
        Assert.Contains(files, f => f.Source.Path == "appsettings.json");
        Assert.All(files, f => Assert.False(f.Source.ReloadOnChange, $"{f.Source.Path} is watched"));
    }

    [Fact]
    public void Every_documented_environment_variable_is_in_the_readme()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));

        foreach (var variable in MementoConfiguration.EnvironmentVariables.Keys)
            Assert.Contains($"`{variable}`", readme);
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Memento.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Memento.sln not found above " + AppContext.BaseDirectory);
    }
}
