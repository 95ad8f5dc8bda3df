using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Memento.GraphQL.Http;

/// <summary>
/// Reads the GraphQL multipart request (https://github.com/jaydenseric/graphql-multipart-request-spec): the
/// <c>operations</c> field, the <c>map</c> field, then the files, each streamed to a temporary file and placed
/// into the variables at the paths the map gives.
/// </summary>
internal static class MultipartRequestReader
{
    public static async Task<GraphQLHttpRequest> ReadAsync(
        HttpRequest request, GraphQLHttpOptions options, List<UploadedFile> files, CancellationToken cancellationToken)
    {
        var contentType = MediaTypeHeaderValue.Parse(request.ContentType);
        var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary)) throw new HttpRequestException(400, "The multipart request has no boundary.");
        var reader = new MultipartReader(boundary, request.Body)
        {
            // The operations and map fields are bounded here; file parts are streamed and bounded below.
            HeadersLengthLimit = 16 * 1024,
            // Parts are bounded by our own limits as they stream; the reader's 128 MB default would refuse big images.
            BodyLengthLimit = options.MaxUploadSize + options.MaxRequestBodySize,
        };

        var operationsJson = await ReadFieldAsync(reader, "operations", options.MaxRequestBodySize, cancellationToken);
        var operations = ParseJson(operationsJson, "operations") as Dictionary<string, object?>
            ?? throw new HttpRequestException(400, "The \"operations\" field must be a JSON object (batches are not supported).");
        var map = ParseMap(ParseJson(await ReadFieldAsync(reader, "map", options.MaxRequestBodySize, cancellationToken), "map"), options);

        long total = 0;
        var received = new HashSet<string>();
        MultipartSection? section;
        while ((section = await reader.ReadNextSectionAsync(cancellationToken)) is not null)
        {
            var disposition = section.GetContentDispositionHeader();
            var name = HeaderUtilities.RemoveQuotes(disposition?.Name ?? default).Value;
            if (name is null || !map.TryGetValue(name, out var paths))
                throw new HttpRequestException(400, $"The multipart field \"{name}\" is not in the map.");
            if (!received.Add(name)) throw new HttpRequestException(400, $"The file \"{name}\" is sent twice.");

            var file = await StreamToTempFileAsync(section, disposition, options, options.MaxUploadSize - total, cancellationToken);
            files.Add(file);
            total += file.Length;
            foreach (var path in paths) Place(operations, path, file);
        }
        foreach (var name in map.Keys)
        {
            if (!received.Contains(name)) throw new HttpRequestException(400, $"The file \"{name}\" of the map was not sent.");
        }

        return new GraphQLHttpRequest
        {
            Query = operations.GetValueOrDefault("query") as string,
            OperationName = operations.GetValueOrDefault("operationName") as string,
            Variables = operations.GetValueOrDefault("variables") as Dictionary<string, object?>,
            Extensions = operations.GetValueOrDefault("extensions") as Dictionary<string, object?>,
        };
    }

    private static async Task<byte[]> ReadFieldAsync(MultipartReader reader, string expected, long limit, CancellationToken cancellationToken)
    {
        var section = await reader.ReadNextSectionAsync(cancellationToken);
        var name = section?.GetContentDispositionHeader() is { } d ? HeaderUtilities.RemoveQuotes(d.Name).Value : null;
        if (section is null || name != expected)
            throw new HttpRequestException(400, $"The multipart request must send the \"{expected}\" field here (operations, map, then files).");
        var (buffer, length) = await GraphQLRequestReader.ReadBoundedAsync(section.Body, null, limit, cancellationToken);
        try
        {
            return buffer.AsSpan(0, length).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static object? ParseJson(byte[] utf8, string field)
    {
        try
        {
            return PlainJson.Parse(utf8);
        }
        catch (InvalidJsonTextException unacceptable)
        {
            throw new HttpRequestException(400, unacceptable.Message);
        }
        catch (JsonException)
        {
            throw new HttpRequestException(400, $"The \"{field}\" field is not valid JSON.");
        }
    }

    private static Dictionary<string, List<string>> ParseMap(object? json, GraphQLHttpOptions options)
    {
        if (json is not Dictionary<string, object?> map)
            throw new HttpRequestException(400, "The \"map\" field must be a JSON object of file names to paths.");
        if (map.Count > options.MaxFileCount)
            throw new HttpRequestException(413, $"At most {options.MaxFileCount} files may be sent in one request.");
        var result = new Dictionary<string, List<string>>();
        foreach (var (name, value) in map)
        {
            if (value is not List<object?> list || list.Count == 0 || list.Any(p => p is not string))
                throw new HttpRequestException(400, $"The map entry \"{name}\" must be a non-empty array of paths.");
            result[name] = list.Cast<string>().ToList();
        }
        return result;
    }

    private static async Task<UploadedFile> StreamToTempFileAsync(
        MultipartSection section, ContentDispositionHeaderValue? disposition, GraphQLHttpOptions options,
        long remaining, CancellationToken cancellationToken)
    {
        // The stored name is ours; the client's name is kept only as metadata.
        var directory = options.UploadDirectory ?? Path.GetTempPath();
        Directory.CreateDirectory(directory); // a fresh data directory has none yet
        var path = Path.Combine(directory, "memento-upload-" + Guid.NewGuid().ToString("N"));
        var fileName = HeaderUtilities.RemoveQuotes(disposition?.FileNameStar.HasValue == true ? disposition.FileNameStar : disposition?.FileName ?? default).Value ?? "";
        long length = 0;
        try
        {
            await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
            var buffer = ArrayPool<byte>.Shared.Rent(81920);
            try
            {
                int read;
                while ((read = await section.Body.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    length += read;
                    if (length > remaining)
                        throw new HttpRequestException(413, $"The uploaded files are larger than the limit of {options.MaxUploadSize} bytes.");
                    await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        return new UploadedFile(Path.GetFileName(fileName), section.ContentType ?? "application/octet-stream", path, length);
    }

    /// <summary>Puts <paramref name="file"/> at a dotted path such as <c>variables.files.0</c>.</summary>
    private static void Place(Dictionary<string, object?> operations, string path, UploadedFile file)
    {
        var segments = path.Split('.');
        if (segments.Length < 2 || segments[0] != "variables")
            throw new HttpRequestException(400, $"The map path \"{path}\" must point into the variables.");
        object? current = operations;
        for (var i = 0; i < segments.Length; i++)
        {
            var last = i == segments.Length - 1;
            var segment = segments[i];
            switch (current)
            {
                case Dictionary<string, object?> map when map.ContainsKey(segment):
                    if (last) map[segment] = file;
                    else current = map[segment];
                    break;
                case List<object?> list when int.TryParse(segment, out var index) && index >= 0 && index < list.Count:
                    if (last) list[index] = file;
                    else current = list[index];
                    break;
                default:
                    throw new HttpRequestException(400, $"The map path \"{path}\" does not exist in the operations.");
            }
        }
    }
}
