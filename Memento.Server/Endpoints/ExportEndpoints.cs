using Memento.Domain.Authorization;
using Memento.Domain.Services.Projects;
using Memento.Domain.Services.Reports;
using Memento.Server.Exports;
using Memento.Server.Pages.Shell;

namespace Memento.Server.Endpoints;

/// <summary>
/// <c>/projects/{id}/exports/{file}</c>: the one-click exports of the project editor (and of scripts, with an API
/// token). Who may download = who may read the project's reports in the API (ReportService checks, the same
/// rows as projectData/projectRois/projectComments). Each is written while it is read: no Content-Length, chunked.
/// </summary>
public static class ExportEndpoints
{
    /// <summary>The exports, in the order the project editor shows them.</summary>
    public static IReadOnlyList<(string File, string Title)> Files => ExportFiles.All;

    public static string UrlOf(long projectId, string file) => ExportFiles.UrlOf(projectId, file);

    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/projects/{id:long}/exports/{file}", ExportAsync).WithPageFailures();
        return app;
    }

    private static async Task<IResult> ExportAsync(long id, string file, HttpContext http, ReportService reports,
        ProjectService projects)
    {
        var caller = CallerFromPrincipal.From(http.User);
        caller.RequireUserId();
        var ct = http.RequestAborted;
        // Checked (and the stream opened) before the first byte is sent, so a refusal is a 403/404 page.
        Func<Stream, Task> write;
        string type;
        switch (file)
        {
            case "annotations.csv":
                var csv = await reports.DataStreamAsync(caller, id, ct);
                (type, write) = ("text/csv; charset=utf-8", body => ExportFormats.DataCsvAsync(csv, body, ct));
                break;
            case "annotations.json":
                var data = await reports.DataStreamAsync(caller, id, ct);
                (type, write) = ("application/json", body => ExportFormats.DataJsonAsync(data, body, ct));
                break;
            case "comments.json":
                var comments = await reports.CommentsStreamAsync(caller, id, ct);
                (type, write) = ("application/json", body => ExportFormats.CommentsJsonAsync(comments, body, ct));
                break;
            case "rois.json":
                var fabric = await reports.RoiStreamAsync(caller, id, ct);
                (type, write) = ("application/json", body => ExportFormats.RoisFabricAsync(fabric, body, ct));
                break;
            case "rois.geojson":
                var geo = await reports.RoiStreamAsync(caller, id, ct);
                (type, write) = ("application/geo+json", body => ExportFormats.RoisGeoJsonAsync(geo, body, ct));
                break;
            case "rois.coco.json":
                var coco = await reports.RoiStreamAsync(caller, id, ct);
                var name = (await projects.GetAsync(caller, id, ct)).Name;
                (type, write) = ("application/json", body => CocoExport.WriteAsync(coco,
                    ids => reports.RoiImagesAsync(id, ids, ct), name, body, ct));
                break;
            default:
                throw MementoException.NotFound($"There is no export named '{file}'.");
        }
        var project = await projects.GetAsync(caller, id, ct);
        return new StreamedDownload(type, FileName(project.Name, file), write);
    }

    /// <summary>"{project}-{file}" with everything but letters, digits, '-', '_' and '.' replaced: safe in any header and file system.</summary>
    public static string FileName(string projectName, string file)
    {
        var safe = new string(projectName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray()).Trim('.');
        if (safe.Length > 80) safe = safe[..80];
        return (safe.Length == 0 ? "project" : safe) + "-" + file;
    }

    /// <summary>Writes the body as it is produced: headers first, then the rows (Kestrel sends it chunked).</summary>
    private sealed class StreamedDownload(string contentType, string fileName, Func<Stream, Task> write) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.ContentType = contentType;
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
            http.Response.Headers.CacheControl = "no-store";
            // Proxies (nginx) must pass rows on as they come instead of collecting the whole export.
            http.Response.Headers["X-Accel-Buffering"] = "no";
            await http.Response.StartAsync(http.RequestAborted);
            await write(http.Response.Body);
        }
    }
}
