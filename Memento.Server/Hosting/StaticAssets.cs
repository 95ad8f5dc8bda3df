using Microsoft.Extensions.FileProviders;

namespace Memento.Server.Hosting;

/// <summary>
/// Serves wwwroot/ from the repository root (our own files) and, from node_modules/, the few npm packages the
/// pages use. Third-party code is installed by npm, never committed.
/// </summary>
public static class StaticAssets
{
    /// <summary>URL prefix → folder under node_modules/ (each also listed in Memento.Server.csproj, so publish copies it).</summary>
    private static readonly (string Url, string Folder)[] NpmPackages =
    [
        ("/lib/htmx", "htmx.org/dist"),
        // The icon font the manual's names come from (dashboard, person_add, visibility_off…), see wwwroot/css/icons.css.
        ("/lib/icons", "@material-symbols/font-400"),
    ];

    public static WebApplication UseMementoStaticFiles(this WebApplication app)
    {
        var root = FindAssetRoot(app.Environment.ContentRootPath);
        if (root is null)
        {
            app.Logger.LogWarning("No wwwroot/ found above {ContentRoot}: pages will have no styles.", app.Environment.ContentRootPath);
            return app;
        }
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(root, "wwwroot")) });
        foreach (var (url, folder) in NpmPackages)
        {
            var path = Path.Combine(root, "node_modules", folder);
            if (Directory.Exists(path))
                app.UseStaticFiles(new StaticFileOptions { RequestPath = url, FileProvider = new PhysicalFileProvider(path) });
            else
                app.Logger.LogWarning("{Path} is missing: run `npm ci` at the repository root.", path);
        }
        return app;
    }

    /// <summary>
    /// The folder holding wwwroot/: the content root itself in the container image, or a parent of it when
    /// running from a clone (content root = Memento.Server/ or the repository root).
    /// </summary>
    internal static string? FindAssetRoot(string contentRoot)
    {
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "wwwroot")))
                return dir.FullName;
        }
        var baseDir = AppContext.BaseDirectory;
        return Directory.Exists(Path.Combine(baseDir, "wwwroot")) ? baseDir : null;
    }
}
