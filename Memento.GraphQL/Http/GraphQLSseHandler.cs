using System.Buffers;
using System.Text;
using System.Text.Json;
using Memento.GraphQL.Errors;
using Memento.GraphQL.Execution;
using Memento.GraphQL.Language.Ast;
using Memento.GraphQL.Types;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Memento.GraphQL.Http;

/// <summary>
/// GraphQL over Server-Sent Events at <c>{pattern}/stream</c>: the graphql-sse protocol's "distinct connections"
/// mode (https://github.com/enisdenjo/graphql-sse/blob/master/PROTOCOL.md). One request (POST with a JSON body, or
/// GET with the query string, as EventSource sends) runs one operation: <c>event: next</c> per result, then
/// <c>event: complete</c>. Request errors are answered as JSON before any streaming.
/// </summary>
internal sealed class GraphQLSseHandler(
    Lazy<GraphQLSchema> schema, GraphQLExecutor executor, SubscriptionLimiter limiter, IServiceScopeFactory scopes,
    IOptions<GraphQLServerOptions> serverOptions)
{
    private static readonly byte[] NextPrefix = Encoding.UTF8.GetBytes("event: next\ndata: ");
    private static readonly byte[] Complete = Encoding.UTF8.GetBytes("event: complete\ndata:\n\n");
    private static readonly byte[] EventEnd = Encoding.UTF8.GetBytes("\n\n");
    private static readonly byte[] KeepAlive = Encoding.UTF8.GetBytes(":\n\n");

    private readonly GraphQLServerOptions _options = serverOptions.Value;

    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            await RunAsync(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away: nobody is left to answer, and it is not a server error.
        }
    }

    private async Task RunAsync(HttpContext context)
    {
        var request = context.Request;
        var isGet = HttpMethods.IsGet(request.Method);
        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            context.Response.Headers.Allow = "GET, POST";
            await WriteErrorAsync(context, 405, ErrorMessages.HttpStreamMethodNotAllowed);
            return;
        }
        if (!MediaTypes.AcceptsEventStream(request.Headers.Accept))
        {
            await WriteErrorAsync(context, 406, ErrorMessages.HttpStreamNotAcceptable);
            return;
        }
        var subscriptions = _options.Subscriptions;
        if (subscriptions.OnConnect is { } onConnect && !await onConnect(context, null))
        {
            await WriteErrorAsync(context, 403, ErrorMessages.HttpConnectionRefused);
            return;
        }

        GraphQLHttpRequest parameters;
        try
        {
            parameters = isGet ? GraphQLRequestReader.ReadQueryString(request.Query) : await ReadBodyAsync(request, context.RequestAborted);
        }
        catch (HttpRequestException refused)
        {
            await WriteErrorAsync(context, refused.StatusCode, refused.Message);
            return;
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == 413)
        {
            await WriteErrorAsync(context, 413, tooLarge.Message);
            return;
        }
        if (string.IsNullOrEmpty(parameters.Query))
        {
            await WriteErrorAsync(context, 400, ErrorMessages.HttpMissingQuery);
            return;
        }

        var document = executor.Validate(schema.Value, parameters.Query, context.RequestAborted);
        if (document.Errors is not null)
        {
            await WriteResultAsync(context, 400, ExecutionResult.FromErrors(document.Errors));
            return;
        }

        var executionRequest = new ExecutionRequest
        {
            Schema = schema.Value,
            ValidatedDocument = document,
            OperationName = parameters.OperationName,
            Variables = parameters.Variables,
            RootValue = _options.RootValue?.Invoke(context),
            Services = context.RequestServices,
            // Each event runs in a scope of its own: one request scope for hours would keep one DbContext that long.
            EventServices = scopes.CreateScope,
            RequestItems = new Dictionary<string, object?> { [GraphQLRequestItems.HttpContext] = context },
            // GET is for reading: queries and subscriptions, never mutations.
            AllowedOperations = isGet ? AllowedOperations.Query | AllowedOperations.Subscription : AllowedOperations.All,
            IsAnonymous = context.User.Identity?.IsAuthenticated != true,
            TraceId = context.TraceIdentifier,
            CancellationToken = context.RequestAborted,
        };
        if (document.OperationTypeOf(parameters.OperationName) == OperationType.Subscription)
            await SubscribeAsync(context, executionRequest, subscriptions);
        else await ExecuteAsync(context, executionRequest);
    }

    /// <summary>A query or mutation: its one result as one <c>next</c> event.</summary>
    private async Task ExecuteAsync(HttpContext context, ExecutionRequest executionRequest)
    {
        var result = await executor.ExecuteAsync(executionRequest);
        if (result.IsOperationNotAllowed)
        {
            context.Response.Headers.Allow = "POST";
            await WriteErrorAsync(context, 405, ErrorMessages.HttpMutationOverGet);
            return;
        }
        if (!result.HasData)
        {
            await WriteResultAsync(context, 400, result);
            return;
        }
        await StartStreamAsync(context);
        await WriteNextAsync(context.Response, result, context.RequestAborted);
        await WriteAsync(context.Response, Complete, context.RequestAborted);
    }

    private async Task SubscribeAsync(HttpContext context, ExecutionRequest executionRequest, GraphQLSubscriptionOptions subscriptions)
    {
        var user = subscriptions.UserKey(context);
        if (!limiter.TryAcquire(user))
        {
            await WriteErrorAsync(context, 429, ErrorMessages.HttpTooManySubscriptions(subscriptions.MaxSubscriptionsPerUser));
            return;
        }
        try
        {
            var subscription = await executor.SubscribeAsync(executionRequest);
            if (subscription.Error is { } error)
            {
                await WriteResultAsync(context, 400, error);
                return;
            }
            await StartStreamAsync(context);
            await StreamAsync(context, subscription.Stream!, subscriptions.KeepAliveInterval);
        }
        finally
        {
            limiter.Release(user);
        }
    }

    /// <summary>
    /// Writes each result as it comes, and a comment line whenever nothing was sent for a keep-alive interval (so
    /// proxies keep the connection and a vanished client is noticed). All writes happen here, one at a time.
    /// </summary>
    private static async Task StreamAsync(HttpContext context, IAsyncEnumerable<ExecutionResult> stream, TimeSpan keepAlive)
    {
        var aborted = context.RequestAborted;
        await using var results = stream.GetAsyncEnumerator(aborted);
        using var timer = new PeriodicTimer(keepAlive);
        Task<bool>? tick = null;
        while (true)
        {
            var next = results.MoveNextAsync().AsTask();
            while (!next.IsCompleted && !aborted.IsCancellationRequested)
            {
                tick ??= timer.WaitForNextTickAsync(aborted).AsTask();
                if (await Task.WhenAny(next, tick) != tick) break;
                tick = null;
                try
                {
                    await WriteAsync(context.Response, KeepAlive, aborted);
                }
                catch (OperationCanceledException) when (aborted.IsCancellationRequested)
                {
                    break;
                }
            }
            // Even when the client is gone, the pending step is awaited: the stream ends on the same cancellation,
            // and only an idle enumerator may be disposed (which disposes the source).
            if (!await next) break;
            await WriteNextAsync(context.Response, results.Current, aborted);
        }
        if (!aborted.IsCancellationRequested) await WriteAsync(context.Response, Complete, aborted);
    }

    private static async Task StartStreamAsync(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        // nginx buffers proxied responses by default, which would hold events back until a buffer fills.
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        // A comment first, so the headers go out now (some browsers wait for a first chunk to open the stream).
        await WriteAsync(response, KeepAlive, context.RequestAborted);
    }

    private static async Task WriteNextAsync(HttpResponse response, ExecutionResult result, CancellationToken cancellationToken)
    {
        var body = response.BodyWriter;
        body.Write(NextPrefix);
        // Compact JSON has no line breaks (strings escape theirs), so the result fits one data line.
        using (var writer = new Utf8JsonWriter(body, new JsonWriterOptions { SkipValidation = true, Encoder = ResultWriter.Encoder }))
        {
            result.WriteTo(writer);
        }
        body.Write(EventEnd);
        await body.FlushAsync(cancellationToken);
    }

    private static async Task WriteAsync(HttpResponse response, byte[] bytes, CancellationToken cancellationToken)
    {
        response.BodyWriter.Write(bytes);
        await response.BodyWriter.FlushAsync(cancellationToken);
    }

    private async Task<GraphQLHttpRequest> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType) || !GraphQLRequestReader.IsJson(contentType))
            throw new HttpRequestException(415, ErrorMessages.HttpUnsupportedContentType);
        return await GraphQLRequestReader.ReadJsonBodyAsync(request, _options.Http.MaxRequestBodySize, cancellationToken);
    }

    private static async Task WriteResultAsync(HttpContext context, int status, ExecutionResult result)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = MediaTypes.Json + "; charset=utf-8";
        await using (var writer = new Utf8JsonWriter(context.Response.BodyWriter, new JsonWriterOptions { SkipValidation = true, Encoder = ResultWriter.Encoder }))
        {
            result.WriteTo(writer);
        }
        await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string message) =>
        WriteResultAsync(context, status, ExecutionResult.FromErrors([new GraphQLError(message)]));
}
