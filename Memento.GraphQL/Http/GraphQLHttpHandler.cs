using System.Text.Json;
using Memento.GraphQL.Errors;
using Memento.GraphQL.Execution;
using Memento.GraphQL.Types;
using Memento.GraphQL.Utilities;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Memento.GraphQL.Http;

/// <summary>
/// GraphQL over HTTP (https://graphql.github.io/graphql-over-http/draft/): method and media-type rules, request
/// reading, execution and status codes. One instance per mapped endpoint.
/// </summary>
internal sealed class GraphQLHttpHandler(
    Lazy<GraphQLSchema> schema, string endpointPath, GraphQLExecutor executor, IOptions<GraphQLServerOptions> serverOptions)
{
    private readonly GraphQLServerOptions _options = serverOptions.Value;
    private string? _sdl;

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var isGet = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            context.Response.Headers.Allow = "GET, POST";
            await WriteErrorAsync(context, 405, MediaTypes.Json, ErrorMessages.HttpMethodNotAllowed);
            return;
        }

        if (isGet && _options.Http.EnableSdl && request.Query.ContainsKey("sdl"))
        {
            _sdl ??= SchemaPrinter.Print(schema.Value);
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(_sdl, context.RequestAborted);
            return;
        }

        var accept = request.Headers.Accept.ToString();
        if (isGet && _options.Http.EnableQueryPage && !request.Query.ContainsKey("query") && MediaTypes.PrefersHtml(accept))
        {
            var pagePath = request.PathBase + endpointPath;
            if (_options.Http.QueryPage is { } hostPage)
            {
                await hostPage(context, pagePath);
                return;
            }
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(QueryPageAssets.RenderPage(pagePath), context.RequestAborted);
            return;
        }

        var mediaType = MediaTypes.Negotiate(accept);
        if (mediaType is null)
        {
            await WriteErrorAsync(context, 406, MediaTypes.Json, ErrorMessages.HttpNotAcceptable);
            return;
        }

        var files = new List<UploadedFile>();
        try
        {
            GraphQLHttpRequest parameters;
            try
            {
                parameters = isGet ? GraphQLRequestReader.ReadQueryString(request.Query) : await ReadBodyAsync(context, files);
            }
            catch (HttpRequestException refused)
            {
                await WriteErrorAsync(context, refused.StatusCode, mediaType, refused.Message);
                return;
            }
            catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == 413)
            {
                await WriteErrorAsync(context, 413, mediaType, tooLarge.Message);
                return;
            }
            catch (Exception malformed) when (malformed is InvalidDataException or IOException && !context.RequestAborted.IsCancellationRequested)
            {
                // A broken multipart body (bad boundary, truncated part).
                await WriteErrorAsync(context, 400, mediaType, malformed.Message);
                return;
            }

            if (string.IsNullOrEmpty(parameters.Query))
            {
                await WriteErrorAsync(context, 400, mediaType, ErrorMessages.HttpMissingQuery);
                return;
            }

            var result = await executor.ExecuteAsync(new ExecutionRequest
            {
                Schema = schema.Value,
                Query = parameters.Query,
                OperationName = parameters.OperationName,
                Variables = parameters.Variables,
                RootValue = _options.RootValue?.Invoke(context),
                Services = context.RequestServices,
                RequestItems = new Dictionary<string, object?> { [GraphQLRequestItems.HttpContext] = context },
                AllowedOperations = isGet ? AllowedOperations.Query : AllowedOperations.All,
                IsAnonymous = context.User.Identity?.IsAuthenticated != true,
                CancellationToken = context.RequestAborted,
            });

            if (result.IsOperationNotAllowed)
            {
                // GET is safe and cacheable: only queries may use it.
                context.Response.Headers.Allow = "POST";
                await WriteErrorAsync(context, 405, mediaType, ErrorMessages.HttpMutationOverGet);
                return;
            }
            await WriteResultAsync(context, StatusFor(result, mediaType), mediaType, result);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away: nobody is left to answer, and it is not a server error.
        }
        finally
        {
            foreach (var file in files) file.Delete();
        }
    }

    private async Task<GraphQLHttpRequest> ReadBodyAsync(HttpContext context, List<UploadedFile> files)
    {
        var request = context.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType))
            throw new HttpRequestException(415, ErrorMessages.HttpUnsupportedContentType);

        if (GraphQLRequestReader.IsJson(contentType))
            return await GraphQLRequestReader.ReadJsonBodyAsync(request, _options.Http.MaxRequestBodySize, context.RequestAborted);

        if (contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            // multipart/form-data is a CORS "simple" type: a custom header forces a preflight, so a cross-site
            // form cannot post uploads with the user's cookies.
            if (!request.Headers.ContainsKey("GraphQL-Preflight") && !request.Headers.ContainsKey("Apollo-Require-Preflight"))
                throw new HttpRequestException(400, ErrorMessages.HttpPreflightRequired);
            var total = _options.Http.MaxUploadSize + _options.Http.MaxRequestBodySize * 2;
            if (request.ContentLength > total) throw new HttpRequestException(413, ErrorMessages.HttpTooLarge(total));
            // Kestrel's own limit (30 MB by default) would cut uploads short: ours, checked while streaming, rules here.
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit) bodyLimit.MaxRequestBodySize = total;
            return await MultipartRequestReader.ReadAsync(request, _options.Http, files, context.RequestAborted);
        }

        throw new HttpRequestException(415, ErrorMessages.HttpUnsupportedContentType);
    }

    /// <summary>
    /// Status codes as the GraphQL-over-HTTP spec and the graphql-http audit expect: application/json answers 200
    /// for every well-formed request; application/graphql-response+json answers 400 for request errors (no data).
    /// </summary>
    private int StatusFor(ExecutionResult result, string mediaType)
    {
        if (mediaType == MediaTypes.Json) return 200;
        if (!result.HasData) return 400;
        return result.Errors is { Count: > 0 } && _options.Http.UsePartialSuccessStatusCode ? 294 : 200;
    }

    private static async Task WriteResultAsync(HttpContext context, int status, string mediaType, ExecutionResult result)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = mediaType + "; charset=utf-8";
        await using (var writer = new Utf8JsonWriter(context.Response.BodyWriter, new JsonWriterOptions { SkipValidation = true, Encoder = ResultWriter.Encoder }))
        {
            result.WriteTo(writer);
        }
        await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string mediaType, string message) =>
        WriteResultAsync(context, status, mediaType, ExecutionResult.FromErrors([new GraphQLError(message)]));
}
