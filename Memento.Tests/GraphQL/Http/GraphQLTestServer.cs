using Memento.GraphQL.Errors;
using Memento.GraphQL.Http;
using Memento.GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Memento.Tests.GraphQL.Http;

/// <summary>A real Kestrel on a random local port serving a small schema with a query, a mutation and an upload.</summary>
public class GraphQLTestServer : IAsyncLifetime
{
    /// <summary>Lets a subclass change the endpoint options.</summary>
    protected virtual void Configure(GraphQLServerOptions options)
    {
    }

    private WebApplication? _app;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>Temp paths of the files resolvers saw, to check they are gone after the request.</summary>
    public List<string> SeenUploadPaths { get; } = new();

    public const long UploadLimit = 64 * 1024;

    /// <summary>Completes when the slow field starts, and when the request's cancellation reaches it.</summary>
    public TaskCompletionSource SlowStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource SlowCancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Services.AddMementoGraphQL(options =>
        {
            options.Http.MaxRequestBodySize = 16 * 1024;
            options.Http.MaxUploadSize = UploadLimit;
            Configure(options);
        });
        _app = builder.Build();
        _app.MapGraphQL("/graphql", BuildSchema());
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null) await _app.DisposeAsync();
    }

    private GraphQLSchema BuildSchema()
    {
        var query = new ObjectType("Query");
        query.AddField("hello", ScalarType.String, c => new((c.Arguments.GetValueOrDefault("name") as string ?? "world") is var n ? "Hello " + n : null))
            .AddArgument(new ArgumentDefinition("name", ScalarType.String));
        query.AddField("forbidden", ScalarType.String, _ => throw new GraphQLException("Not allowed.", "FORBIDDEN"));
        query.AddField("slow", ScalarType.String, async c =>
        {
            SlowStarted.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, c.CancellationToken);
            }
            catch (OperationCanceledException)
            {
                SlowCancelled.TrySetResult();
                throw;
            }
            return "never";
        });
        var mutation = new ObjectType("Mutation");
        mutation.AddField("touch", ScalarType.Boolean, _ => new(true));
        mutation.AddField("upload", ScalarType.String, async c =>
        {
            var file = (IUploadedFile)c.Arguments["file"]!;
            lock (SeenUploadPaths) SeenUploadPaths.Add(((UploadedFile)file).TempPath);
            using var reader = new StreamReader(file.OpenReadStream());
            return $"{file.FileName} {file.ContentType} {file.Length} {await reader.ReadToEndAsync()}";
        }).AddArgument(new ArgumentDefinition("file", ScalarType.Upload.NonNull()));
        return new GraphQLSchema(query, mutation);
    }
}

/// <summary>The same server with the working draft's 294 Partial Success switched on.</summary>
public sealed class PartialSuccessTestServer : GraphQLTestServer
{
    protected override void Configure(GraphQLServerOptions options) => options.Http.UsePartialSuccessStatusCode = true;
}

/// <summary>The same server with a host's own query page in place of the built-in one.</summary>
public sealed class HostQueryPageTestServer : GraphQLTestServer
{
    protected override void Configure(GraphQLServerOptions options) =>
        options.Http.QueryPage = (context, endpoint) =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            return context.Response.WriteAsync($"<!doctype html><p>The host's page for {endpoint}</p>");
        };
}
