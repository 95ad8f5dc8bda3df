using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace Memento.Server.Hosting;

/// <summary>Maps the documented MEMENTO_* environment variables onto the "Memento" configuration section.</summary>
public static class MementoConfiguration
{
    /// <summary>Environment variable → option name; README's configuration table lists the same pairs.</summary>
    public static readonly IReadOnlyDictionary<string, string> EnvironmentVariables = new Dictionary<string, string>
    {
        ["MEMENTO_DATA"] = nameof(MementoOptions.DataDirectory),
        ["MEMENTO_DATABASE"] = nameof(MementoOptions.Database),
        ["MEMENTO_PUBLIC_URL"] = nameof(MementoOptions.PublicUrl),
        ["MEMENTO_MAX_UPLOAD_BYTES"] = nameof(MementoOptions.MaxUploadBytes),
        ["MEMENTO_GRAPHQL_TIMEOUT"] = nameof(MementoOptions.GraphQLTimeout),
        ["MEMENTO_APPLY_MIGRATIONS"] = nameof(MementoOptions.ApplyMigrations),
        ["MEMENTO_LOGIN_ATTEMPTS_PER_MINUTE"] = nameof(MementoOptions.LoginAttemptsPerMinute),
    };

    /// <summary>
    /// Adds the short environment variables on top of appsettings.json and the ASP.NET Core defaults.
    /// Command-line arguments (--Memento:DataDirectory=…) are re-added afterwards so they still win.
    /// </summary>
    public static WebApplicationBuilder AddMementoConfiguration(this WebApplicationBuilder builder, string[] args)
    {
        var values = new Dictionary<string, string?>();
        foreach (var (variable, option) in EnvironmentVariables)
        {
            var value = Environment.GetEnvironmentVariable(variable);
            if (value is not null)
                values[$"{MementoOptions.Section}:{option}"] = value;
        }
        // Started from the repository root (`dotnet run`): the content root has no appsettings.json, the output
        // folder does. Insert it first so environment variables and arguments still override it.
        if (!File.Exists(Path.Combine(builder.Environment.ContentRootPath, "appsettings.json")))
        {
            builder.Configuration.Sources.Insert(0, new JsonConfigurationSource
            {
                FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
                Path = "appsettings.json",
                Optional = true,
            });
        }
        builder.Configuration.AddInMemoryCollection(values);
        builder.Configuration.AddCommandLine(args);

        builder.Services.AddOptions<MementoOptions>()
            .Bind(builder.Configuration.GetSection(MementoOptions.Section))
            .Validate(o => o.MaxUploadBytes > 0, "Memento:MaxUploadBytes (MEMENTO_MAX_UPLOAD_BYTES) must be positive.")
            .Validate(o => o.GraphQLTimeout > TimeSpan.Zero && o.GraphQLTimeout.TotalMilliseconds <= int.MaxValue,
                "Memento:GraphQLTimeout (MEMENTO_GRAPHQL_TIMEOUT) must be a positive time span such as 00:00:05.")
            .Validate(o => o.LoginAttemptsPerMinute > 0, "Memento:LoginAttemptsPerMinute must be positive.")
            .Validate(o => string.IsNullOrEmpty(o.PublicUrl) || Uri.TryCreate(o.PublicUrl, UriKind.Absolute, out _),
                "Memento:PublicUrl (MEMENTO_PUBLIC_URL) must be an absolute URL such as https://memento.example.org.")
            .ValidateOnStart();
        return builder;
    }
}
