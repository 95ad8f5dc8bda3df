using Memento.GraphQL.Types;
using static Memento.Tests.GraphQL.Execution.ExecutionHarness;
using static Memento.Tests.GraphQL.Execution.TestSchemas;

namespace Memento.Tests.GraphQL.Execution;

/// <summary>Spec 6.2.1/6.2.2: query fields may run concurrently; mutation fields run one after another.</summary>
public class ConcurrencyTests
{
    [Fact]
    public async Task Independent_async_query_fields_run_concurrently()
    {
        // Each field waits for the other to start: run one after another, the query would time out.
        var aStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var schema = Query(q =>
        {
            q.AddField("a", ScalarType.String, async _ =>
            {
                aStarted.SetResult();
                await bStarted.Task.WaitAsync(TimeSpan.FromSeconds(5));
                return "A";
            });
            q.AddField("b", ScalarType.String, async _ =>
            {
                bStarted.SetResult();
                await aStarted.Task.WaitAsync(TimeSpan.FromSeconds(5));
                return "B";
            });
        });
        await ExpectAsync(schema, "{ a b }", "{ 'data': { 'a': 'A', 'b': 'B' } }");
    }

    [Fact]
    public async Task Mutation_fields_run_serially_in_document_order()
    {
        var log = new List<string>();
        var running = 0;
        var mutation = new ObjectType("Mutation");
        mutation.AddField("step", ScalarType.Int, async context =>
        {
            var n = (int)context.Arguments["n"]!;
            Assert.Equal(1, Interlocked.Increment(ref running));
            log.Add("start " + n);
            // The first step is the slowest: concurrent execution would finish it last.
            await Task.Delay(30 - n * 10);
            log.Add("end " + n);
            Interlocked.Decrement(ref running);
            return n;
        }).AddArgument(new ArgumentDefinition("n", ScalarType.Int.NonNull()));
        var schema = Query(q => q.AddField("x", ScalarType.Int), mutation);

        await ExpectAsync(schema, "mutation { first: step(n: 0) second: step(n: 1) third: step(n: 2) }",
            "{ 'data': { 'first': 0, 'second': 1, 'third': 2 } }");
        Assert.Equal(["start 0", "end 0", "start 1", "end 1", "start 2", "end 2"], log);
    }

    [Fact]
    public async Task Cancelling_the_request_stops_execution()
    {
        using var cancellation = new CancellationTokenSource();
        var schema = Query(q => q.AddField("slow", ScalarType.String, async context =>
        {
            cancellation.Cancel();
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
            return "never";
        }));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            ExecuteAsync(schema, "{ slow }", cancellationToken: cancellation.Token));
    }

    [Fact]
    public async Task Cancellation_stops_even_a_resolver_that_ignores_the_token()
    {
        using var cancellation = new CancellationTokenSource();
        var never = new TaskCompletionSource<object?>();
        var schema = Query(q => q.AddField("stuck", ScalarType.String, _ =>
        {
            cancellation.CancelAfter(20);
            return new ValueTask<object?>(never.Task);
        }));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            ExecuteAsync(schema, "{ stuck }", cancellationToken: cancellation.Token));
    }
}
