using Memento.Domain.Authorization;
using Memento.Domain.Services.Images;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Memento.Server.Pages.Share;

/// <summary>
/// A multipart form read as a stream: text fields into a dictionary, the one file straight to a temporary file in
/// the data directory (never in memory; ASP.NET's form reader would buffer it to its own temp file first, and a
/// 700 MB scan would be written twice). The antiforgery token is checked from its field, which the form puts first,
/// before any file byte is stored.
/// </summary>
public sealed class StreamedUpload : IAsyncDisposable
{
    private const int MaxFields = 20;
    private const int MaxFieldChars = 8 * 1024;

    public Dictionary<string, string> Fields { get; } = new(StringComparer.OrdinalIgnoreCase);
    public DiskFile? File { get; private set; }

    public string? Field(string name) => Fields.TryGetValue(name, out var v) ? v : null;

    /// <summary>
    /// Reads the request. VALIDATION when it is not multipart or too large; Forbidden-like 400 (thrown as
    /// <see cref="AntiforgeryValidationException"/>) when the token is missing or wrong.
    /// </summary>
    public static async Task<StreamedUpload> ReadAsync(HttpContext http, string directory, long maxBytes)
    {
        var request = http.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
            throw MementoException.Validation("file", "Send the form as multipart/form-data.");
        var upload = new StreamedUpload();
        var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
        var checkedToken = false;
        try
        {
            var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = maxBytes };
            while (await reader.ReadNextSectionAsync(http.RequestAborted) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)) continue;
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (disposition.IsFileDisposition())
                {
                    if (!checkedToken) throw new AntiforgeryValidationException("The antiforgery field must come before the file.");
                    var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
                    // A file input left empty still sends a part with no name and no bytes.
                    if (fileName.Length == 0) { await section.Body.DrainAsync(http.RequestAborted); continue; }
                    if (upload.File is not null) throw MementoException.Validation("file", "Send one file.");
                    upload.File = await DiskFile.WriteAsync(section.Body, Path.GetFileName(fileName), directory, http.RequestAborted);
                    continue;
                }
                if (upload.Fields.Count >= MaxFields) throw MementoException.Validation("form", "Too many form fields.");
                using var text = new StreamReader(section.Body);
                var buffer = new char[MaxFieldChars + 1];
                var read = await text.ReadBlockAsync(buffer, http.RequestAborted);
                if (read > MaxFieldChars) throw MementoException.Validation(name, "This field is too long.");
                upload.Fields[name] = new string(buffer, 0, read);
                if (name == "__RequestVerificationToken" && !checkedToken)
                {
                    // The token store reads the header before the form: handing it the field read here checks the
                    // token without ASP.NET reading (and buffering) the rest of the body.
                    request.Headers["RequestVerificationToken"] = upload.Fields[name];
                    await antiforgery.ValidateRequestAsync(http);
                    checkedToken = true;
                }
            }
            if (!checkedToken) throw new AntiforgeryValidationException("The antiforgery field is missing.");
            return upload;
        }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            await upload.DisposeAsync();
            throw MementoException.Validation("file", $"The file is larger than this server accepts ({maxBytes / (1024 * 1024)} MB).");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await upload.DisposeAsync();
            throw MementoException.Validation("file", $"The file is larger than this server accepts ({maxBytes / (1024 * 1024)} MB).");
        }
        catch
        {
            await upload.DisposeAsync();
            throw;
        }
    }

    /// <summary>Removes the temporary file unless ingest took it over (moved it).</summary>
    public ValueTask DisposeAsync()
    {
        File?.Discard();
        return ValueTask.CompletedTask;
    }
}

/// <summary>An uploaded file on disk under a server-chosen name, as the domain's <see cref="IncomingFile"/>.</summary>
public sealed class DiskFile : IncomingFile
{
    private readonly string _path;
    private bool _moved;

    private DiskFile(string path, string fileName, long length) { _path = path; FileName = fileName; Length = length; }

    public override string FileName { get; }
    public override long Length { get; }
    public override Stream OpenReadStream() => new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);

    public override bool TryMoveTo(string destination)
    {
        try
        {
            System.IO.File.Move(_path, destination);
            _moved = true;
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    public static async Task<DiskFile> WriteAsync(Stream body, string fileName, string directory, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "share-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            await body.CopyToAsync(target, 1 << 16, ct);
            return new DiskFile(path, fileName, target.Length);
        }
        catch
        {
            System.IO.File.Delete(path);
            throw;
        }
    }

    public void Discard()
    {
        if (!_moved) System.IO.File.Delete(_path);
    }
}
