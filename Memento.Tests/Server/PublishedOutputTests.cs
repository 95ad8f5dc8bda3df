using System.Diagnostics;
using System.Net;

namespace Memento.Tests.Server;

/// <summary>
/// What `dotnet publish` produces is a complete server: started from a working directory that holds no wwwroot/
/// (as the container runs it from /app, or an operator from anywhere), it serves the pages' own assets and the npm
/// ones byte for byte. The build output the other tests run has its assets beside it too, so only a real publish
/// shows that publish copies them.
/// </summary>
public sealed class PublishedOutputTests : IAsyncLifetime
{
    private readonly string publishDirectory = Directory.CreateTempSubdirectory("memento-publish-").FullName;
    private LiveServer? server;

    public async Task InitializeAsync()
    {
        // One publish per run (this class has one test): it builds the server in Release, which takes a while.
        var publish = Process.Start(new ProcessStartInfo("dotnet",
            ["publish", Path.Combine(RepositoryRoot(), "Memento.Server"), "-c", "Release", "-o", publishDirectory, "-nologo", "-v", "q"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        })!;
        var output = publish.StandardOutput.ReadToEndAsync();
        var errors = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        Assert.True(publish.ExitCode == 0, $"dotnet publish failed:\n{await output}\n{await errors}");
        server = new LiveServer { ServerDll = Path.Combine(publishDirectory, "Memento.Server.dll") };
        await server.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (server is not null) await server.DisposeAsync();
        try { Directory.Delete(publishDirectory, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task The_published_server_run_from_an_empty_directory_serves_every_page_asset()
    {
        Assert.False(Directory.Exists(Path.Combine(server!.DataDirectory, "wwwroot")), "the working directory must not hold the assets");
        var root = RepositoryRoot();
        using var http = new HttpClient();
        foreach (var (url, source, contentType) in new[]
                 {
                     ("css/site.css", "wwwroot/css/site.css", "text/css"),
                     ("js/pages.js", "wwwroot/js/pages.js", "text/javascript"),
                     ("lib/htmx/htmx.min.js", "node_modules/htmx.org/dist/htmx.min.js", "text/javascript"),
                     ("lib/icons/material-symbols-outlined.woff2",
                         "node_modules/@material-symbols/font-400/material-symbols-outlined.woff2", "font/woff2"),
                 })
        {
            using var response = await http.GetAsync(server.Url + url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"/{url} answered {(int)response.StatusCode}\n{server.Log}");
            Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
            var served = await response.Content.ReadAsByteArrayAsync();
            var original = await File.ReadAllBytesAsync(Path.Combine(root, source));
            Assert.True(original.SequenceEqual(served), $"/{url} differs from {source}");
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Memento.sln"))) return dir.FullName;
        throw new InvalidOperationException("Memento.sln not found above " + AppContext.BaseDirectory);
    }
}
