using System.Runtime.CompilerServices;
using System.Security.Claims;
using Memento.GraphQL.Http;
using Memento.GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Memento.Tests.GraphQL.Http;

/// <summary>
/// A real Kestrel on a random local port serving GraphQL over WebSocket with a small schema: a countdown
/// subscription, an endless one whose source stream reports its disposal, and one that shows each event's DI scope.
/// Short init timeout and keep-alive so the protocol's timers can be observed in a test.
/// </summary>
public sealed class WebSocketTestServer : IAsyncLifetime
{
    public const int MaxSubscriptionsPerConnection = 2;
    public const int MaxSubscriptionsPerUser = 3;
    public const int MaxMessageSize = 16 * 1024;
    public const string Token = "let-me-in";
    public static readonly TimeSpan InitTimeout = TimeSpan.FromMilliseconds(800);
    public static readonly TimeSpan KeepAlive = TimeSpan.FromMilliseconds(1000);

    private WebApplication? _app;
    private int _scopeIds;

    /// <summary>The ws:// address of the GraphQL endpoint.</summary>
    public string Url { get; private set; } = "";

    /// <summary>How many source streams of <c>forever</c> are open now: started and not yet disposed.</summary>
    public int OpenStreams => Volatile.Read(ref _openStreams);

    private int _openStreams;

    /// <summary>Waits until <see cref="OpenStreams"/> is <paramref name="expected"/>, or fails after a few seconds.</summary>
    public async Task WaitForOpenStreamsAsync(int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (OpenStreams != expected)
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Expected {expected} open source streams, found {OpenStreams}.");
            await Task.Delay(20);
        }
    }

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Services.AddScoped<ScopeMarker>(_ => new ScopeMarker(Interlocked.Increment(ref _scopeIds)));
        builder.Services.AddMementoGraphQL(options =>
        {
            options.Http.MaxRequestBodySize = MaxMessageSize;
            var subscriptions = options.Subscriptions;
            subscriptions.ConnectionInitTimeout = InitTimeout;
            subscriptions.KeepAliveInterval = KeepAlive;
            subscriptions.MaxSubscriptionsPerConnection = MaxSubscriptionsPerConnection;
            subscriptions.MaxSubscriptionsPerUser = MaxSubscriptionsPerUser;
            subscriptions.OnConnect = (context, payload) =>
            {
                // No parameters: an anonymous connection. The right token signs "ada" in; a wrong one is refused.
                if (payload?.GetValueOrDefault("token") is not { } token) return ValueTask.FromResult(true);
                if (!Equals(token, Token)) return ValueTask.FromResult(false);
                context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "ada"), new Claim(ClaimTypes.NameIdentifier, "1")], "token"));
                return ValueTask.FromResult(true);
            };
        });
        _app = builder.Build();
        _app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
        _app.MapGraphQL("/graphql", BuildSchema());
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Url = address.Replace("http://", "ws://") + "/graphql";
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    private GraphQLSchema BuildSchema()
    {
        var query = new ObjectType("Query");
        query.AddField("hello", ScalarType.String, c => new("Hello " + (c.Arguments.GetValueOrDefault("name") as string ?? "world")))
            .AddArgument(new ArgumentDefinition("name", ScalarType.String));
        query.AddField("me", ScalarType.String, c =>
            new(((HttpContext)c.RequestItems[GraphQLRequestItems.HttpContext]!).User.Identity?.Name));
        var mutation = new ObjectType("Mutation");
        mutation.AddField("touch", ScalarType.Boolean, _ => new(true));

        var subscription = new ObjectType("Subscription");
        var countdown = subscription.AddField("countdown", ScalarType.Int.NonNull(), c => new(c.Source));
        countdown.AddArgument(new ArgumentDefinition("from", ScalarType.Int.NonNull()));
        countdown.Subscribe = c => new(Countdown((int)c.Arguments["from"]!, c.CancellationToken));

        var forever = subscription.AddField("forever", ScalarType.Int.NonNull(), c => new(c.Source));
        forever.Subscribe = c => new(Forever(c.CancellationToken));

        // Each event's DI scope: a fresh one per event, so the ids differ.
        var scopes = subscription.AddField("eventScope", ScalarType.Int.NonNull(), c => new(c.Services.GetRequiredService<ScopeMarker>().Id));
        scopes.Subscribe = c => new(Countdown(2, c.CancellationToken));
        return new GraphQLSchema(query, mutation, subscription);
    }

    private static async IAsyncEnumerable<int> Countdown(int from, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = from; i >= 0; i--)
        {
            await Task.Delay(10, cancellationToken);
            yield return i;
        }
    }

    private async IAsyncEnumerable<int> Forever([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _openStreams);
        try
        {
            for (var i = 0; ; i++)
            {
                yield return i;
                await Task.Delay(50, cancellationToken);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _openStreams);
        }
    }

    private sealed record ScopeMarker(int Id);
}
