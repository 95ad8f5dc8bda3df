using System.ComponentModel;
using System.Runtime.CompilerServices;
using Memento.GraphQL.CodeFirst;
using Memento.GraphQL.Execution;
using Memento.GraphQL.Types;
using Memento.GraphQL.Utilities;
using Microsoft.Extensions.DependencyInjection;
using static Memento.Tests.GraphQL.Execution.ExecutionHarness;

namespace Memento.Tests.GraphQL.CodeFirst;

public sealed record Tick(int Number, string? Label);

/// <summary>Where the clock's subscribers leave word that their stream was cancelled and disposed.</summary>
public sealed class ClockProbe
{
    public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Disposed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

public sealed class ClockQueries
{
    public string Now() => "12:00";
}

public sealed class ClockSubscriptions
{
    [Description("Ticks, one per event.")]
    public async IAsyncEnumerable<Tick> Ticks(int from, int count = 3, string? label = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var n = from; n < from + count; n++)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return new Tick(n, label);
        }
    }

    [Description("Numbers, found asynchronously before the stream starts.")]
    public async Task<IAsyncEnumerable<int>> Numbers()
    {
        await Task.Yield();
        return Enumerable.Range(1, 2).ToAsyncEnumerable();
    }

    public async IAsyncEnumerable<string?> Forever([Service] ClockProbe probe, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        try
        {
            yield return "started";
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        finally
        {
            if (cancellationToken.IsCancellationRequested) probe.Cancelled.TrySetResult();
            probe.Disposed.TrySetResult();
        }
    }
}

/// <summary>CodeFirstSchemaBuilder.AddSubscriptionType: stream-returning methods become Subscription fields.</summary>
public class CodeFirstSubscriptionTests
{
    private static GraphQLSchema Schema() =>
        new CodeFirstSchemaBuilder().AddQueryType<ClockQueries>().AddSubscriptionType<ClockSubscriptions>().Build();

    [Fact]
    public void Stream_methods_become_subscription_fields_typed_by_their_events()
    {
        var sdl = SchemaPrinter.Print(Schema());
        Assert.Contains(""""
            type Subscription {
              """Ticks, one per event."""
              ticks(from: Int!, count: Int! = 3, label: String = null): Tick!

              """Numbers, found asynchronously before the stream starts."""
              numbers: Int!
              forever: String
            }
            """".Replace("\r", ""), sdl);
        // The root types have their default names: no schema block.
        Assert.DoesNotContain("schema {", sdl);
    }

    [Fact]
    public async Task Introspection_names_the_subscription_root()
    {
        await ExpectAsync(Schema(), "{ __schema { subscriptionType { name fields { name } } } }", """
            { 'data': { '__schema': { 'subscriptionType': { 'name': 'Subscription', 'fields': [ { 'name': 'ticks' }, { 'name': 'numbers' }, { 'name': 'forever' } ] } } } }
            """);
    }

    private static async Task<List<string>> CollectAsync(string query, IServiceProvider? services = null)
    {
        var result = await new GraphQLExecutor().SubscribeAsync(new ExecutionRequest { Schema = Schema(), Query = query, Services = services });
        Assert.Null(result.Error?.ToJson());
        var events = new List<string>();
        await foreach (var e in result.Stream!) events.Add(e.ToJson());
        return events;
    }

    [Fact]
    public async Task Each_event_is_the_fields_value_and_arguments_reach_the_method()
    {
        Assert.Equal(
            [
                """{"data":{"ticks":{"number":5,"label":"go"}}}""",
                """{"data":{"ticks":{"number":6,"label":"go"}}}""",
            ],
            await CollectAsync("""subscription { ticks(from: 5, count: 2, label: "go") { number label } }"""));
    }

    [Fact]
    public async Task A_method_may_give_its_stream_through_a_task_and_stream_value_types()
    {
        Assert.Equal(["""{"data":{"numbers":1}}""", """{"data":{"numbers":2}}"""], await CollectAsync("subscription { numbers }"));
    }

    [Fact]
    public async Task The_methods_cancellation_token_is_the_subscriptions()
    {
        var probe = new ClockProbe();
        var services = new ServiceCollection().AddSingleton(probe).BuildServiceProvider();
        using var cancel = new CancellationTokenSource();
        var result = await new GraphQLExecutor().SubscribeAsync(new ExecutionRequest
        {
            Schema = Schema(),
            Query = "subscription { forever }",
            Services = services,
            CancellationToken = cancel.Token,
        });
        await using var stream = result.Stream!.GetAsyncEnumerator();
        Assert.True(await stream.MoveNextAsync());
        Assert.Equal("""{"data":{"forever":"started"}}""", stream.Current.ToJson());
        var next = stream.MoveNextAsync().AsTask();
        cancel.Cancel();
        Assert.False(await next.WaitAsync(TimeSpan.FromSeconds(10)));
        await probe.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(5));
        await probe.Disposed.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }

    public sealed class NotAStream
    {
        public int Count() => 1;
    }

    [Fact]
    public void A_subscription_method_that_returns_no_stream_is_refused_when_building()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new CodeFirstSchemaBuilder().AddSubscriptionType<NotAStream>());
        Assert.Equal("NotAStream.Count must return IAsyncEnumerable<T> (or a Task or ValueTask of one) to be a subscription field.", error.Message);
    }
}
