using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using Memento.GraphQL.Errors;
using Memento.GraphQL.Http;
using Memento.GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Memento.Tests.GraphQL.Http;

/// <summary>
/// A real Kestrel on a random local port serving a small schema with subscriptions, for the SSE transport's tests
/// (a node client needs a real TCP port). Connections with an <c>x-refuse</c> header are refused by OnConnect; an
/// <c>x-user</c> header signs the connection in as that user; each user may hold two subscriptions at once.
/// </summary>
public class GraphQLStreamTestServer : IAsyncLifetime
{
    public const int MaxSubscriptionsPerUser = 2;

    private WebApplication? _app;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>The SSE endpoint's absolute URL.</summary>
    public string StreamUrl { get; private set; } = null!;

    /// <summary>The source streams of the ticks and silent subscriptions, by channel.</summary>
    public StreamProbe Streams { get; } = new();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Services.AddScoped<EventScope>();
        builder.Services.AddMementoGraphQL(options =>
        {
            options.Subscriptions.KeepAliveInterval = TimeSpan.FromMilliseconds(150);
            options.Subscriptions.MaxSubscriptionsPerUser = MaxSubscriptionsPerUser;
            options.Subscriptions.OnConnect = (context, payload) =>
            {
                if (context.Request.Headers.ContainsKey("x-refuse")) return ValueTask.FromResult(false);
                if (context.Request.Headers["x-user"].FirstOrDefault() is { } user)
                    context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user)], "test"));
                return ValueTask.FromResult(payload is null);
            };
            // Anonymous requests of the tests all come from 127.0.0.1: give each its own key so they never share a cap.
            options.Subscriptions.UserKey = context =>
                context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous " + context.TraceIdentifier;
        });
        _app = builder.Build();
        _app.MapGraphQL("/graphql", BuildSchema());
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Client = new HttpClient { BaseAddress = new Uri(address) };
        StreamUrl = address + "/graphql/stream";
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null) await _app.DisposeAsync();
    }

    /// <summary>A scoped service: which DI scope an event ran in.</summary>
    public sealed class EventScope
    {
        private static int _count;

        public int Id { get; } = Interlocked.Increment(ref _count);
    }

    private GraphQLSchema BuildSchema()
    {
        var query = new ObjectType("Query");
        query.AddField("hello", ScalarType.String, _ => new("Hello world"));
        var mutation = new ObjectType("Mutation");
        mutation.AddField("touch", ScalarType.Boolean, _ => new(true));
        var subscription = new ObjectType("Subscription");
        FieldResolver eventItself = c => new(c.Source);
        subscription.AddField(new FieldDefinition("countdown", ScalarType.Int.NonNull(), eventItself)
        {
            Subscribe = c => new(Countdown((int)c.Arguments["from"]!)),
        }).AddArgument(new ArgumentDefinition("from", ScalarType.Int.NonNull()));
        subscription.AddField(new FieldDefinition("ticks", ScalarType.Int.NonNull(), eventItself)
        {
            Subscribe = c => new(Streams.Ticks((string)c.Arguments["channel"]!, c.CancellationToken)),
        }).AddArgument(new ArgumentDefinition("channel", ScalarType.String.NonNull()));
        subscription.AddField(new FieldDefinition("silent", ScalarType.Int, eventItself)
        {
            Subscribe = c => new(Streams.Silent((string)c.Arguments["channel"]!, c.CancellationToken)),
        }).AddArgument(new ArgumentDefinition("channel", ScalarType.String.NonNull()));
        subscription.AddField(new FieldDefinition("failing", ScalarType.String, eventItself)
        {
            Subscribe = _ => throw new GraphQLException("Not allowed.", "FORBIDDEN"),
        });
        subscription.AddField(new FieldDefinition("scope", ScalarType.Int, c => new(c.Services.GetRequiredService<EventScope>().Id))
        {
            Subscribe = _ => new(Countdown(2)),
        });
        return new GraphQLSchema(query, mutation, subscription);
    }

    private static async IAsyncEnumerable<int> Countdown(int from)
    {
        for (var n = from; n > 0; n--)
        {
            await Task.Yield();
            yield return n;
        }
    }
}

/// <summary>Source streams that report when they start and when they are disposed (their finally ran).</summary>
public sealed class StreamProbe
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _started = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _disposed = new();

    private static TaskCompletionSource Signal(ConcurrentDictionary<string, TaskCompletionSource> signals, string channel) =>
        signals.GetOrAdd(channel, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public Task Started(string channel) => Signal(_started, channel).Task;

    public Task Disposed(string channel) => Signal(_disposed, channel).Task;

    public bool IsDisposed(string channel) => Signal(_disposed, channel).Task.IsCompleted;

    /// <summary>1, 2, 3… every 50 ms until the subscriber leaves.</summary>
    public async IAsyncEnumerable<int> Ticks(string channel, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Signal(_started, channel).TrySetResult();
        try
        {
            for (var n = 1; ; n++)
            {
                yield return n;
                await Task.Delay(50, cancellationToken);
            }
        }
        finally
        {
            Signal(_disposed, channel).TrySetResult();
        }
    }

    /// <summary>No event ever, until the subscriber leaves.</summary>
    public async IAsyncEnumerable<int> Silent(string channel, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Signal(_started, channel).TrySetResult();
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            yield break;
        }
        finally
        {
            Signal(_disposed, channel).TrySetResult();
        }
    }
}
