using Memento.Domain.Authorization;
using Memento.Server.Jobs;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Memento.Server.Endpoints.DatasetApi;

/// <summary>
/// The dataset API's multipart forms (<c>/api/upload</c>: <c>json</c> + <c>file</c>; <c>put-file</c>: <c>file</c>),
/// read as a stream: text fields into a dictionary, the one file straight to a temporary file in the data
/// directory, the whole body bounded by the dataset limit (413 beyond it, as the document says).
/// </summary>
public sealed class ApiMultipart : IAsyncDisposable
{
    private const int MaxFields = 10;
    private const int MaxFieldBytes = 4 * 1024 * 1024;

    public Dictionary<string, string> Fields { get; } = new(StringComparer.Ordinal);
    public LocalFile? File { get; private set; }

    public static async Task<ApiMultipart> ReadAsync(HttpContext http, string directory, long maxBytes)
    {
        var request = http.Request;
        if (request.ContentLength > maxBytes) throw new ApiErrors.TooLargeException(maxBytes);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = maxBytes;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
            throw MementoException.Validation("file", "Send a multipart/form-data body.");
        var form = new ApiMultipart();
        try
        {
            var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = maxBytes };
            while (await reader.ReadNextSectionAsync(http.RequestAborted) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)) continue;
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (disposition.IsFileDisposition() && name == "file")
                {
                    if (form.File is not null) throw MementoException.Validation("file", "Send one file.");
                    var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
                    form.File = await LocalFile.WriteAsync(section.Body, fileName, directory, http.RequestAborted);
                    continue;
                }
                if (form.Fields.Count >= MaxFields) throw MementoException.Validation("form", "Too many form fields.");
                using var buffer = new MemoryStream();
                await section.Body.CopyToAsync(buffer, http.RequestAborted);
                if (buffer.Length > MaxFieldBytes) throw MementoException.Validation(name, $"The '{name}' field is too long.");
                form.Fields[name] = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
            }
            return form;
        }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            await form.DisposeAsync();
            throw new ApiErrors.TooLargeException(maxBytes);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await form.DisposeAsync();
            throw new ApiErrors.TooLargeException(maxBytes);
        }
        catch
        {
            await form.DisposeAsync();
            throw;
        }
    }

    public LocalFile RequireFile() => File is { Length: > 0 } file ? file
        : throw MementoException.Validation("file", "Attach the image as the form's 'file'.");

    public async ValueTask DisposeAsync()
    {
        if (File is not null) await File.DisposeAsync();
    }
}
