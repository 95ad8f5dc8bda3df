using System.Diagnostics;
using System.Text.Json;

namespace Memento.Tests.GraphQL.Http;

/// <summary>
/// The SSE transport against graphql-sse's own client (createClient, distinct connections mode) run by node: what a
/// JavaScript application using the reference client receives.
/// </summary>
public class GraphQLSseClientTests(GraphQLStreamTestServer server) : IClassFixture<GraphQLStreamTestServer>
{
    /// <summary>Runs Node/sse-client.mjs with a scenario and returns what the client received.</summary>
    private async Task<JsonElement> RunAsync(string scenario)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "GraphQL", "Http", "Node", "sse-client.mjs");
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { script, server.StreamUrl, scenario },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        Assert.True(process.ExitCode == 0, $"node failed ({process.ExitCode}): {await error}");
        return JsonDocument.Parse(await output).RootElement;
    }

    [Fact]
    public async Task The_client_receives_every_event_in_order_then_completes()
    {
        var outcome = await RunAsync("countdown");
        Assert.Equal("""[{"data":{"countdown":3}},{"data":{"countdown":2}},{"data":{"countdown":1}}]""",
            outcome.GetProperty("results").GetRawText());
        Assert.True(outcome.GetProperty("completed").GetBoolean());
        Assert.False(outcome.TryGetProperty("error", out _));
    }

    [Fact]
    public async Task A_query_through_the_client_is_one_result()
    {
        var outcome = await RunAsync("query");
        Assert.Equal("""[{"data":{"hello":"Hello world"}}]""", outcome.GetProperty("results").GetRawText());
        Assert.True(outcome.GetProperty("completed").GetBoolean());
    }

    [Theory]
    [InlineData("bad-document", 400, "Cannot query field \"unknownField\" on type \"Subscription\".")]
    [InlineData("failing", 400, "Not allowed.")]
    [InlineData("refused", 403, "The connection was refused.")]
    public async Task The_client_surfaces_refusals_with_the_servers_errors(string scenario, int status, string message)
    {
        var outcome = await RunAsync(scenario);
        Assert.Equal(0, outcome.GetProperty("results").GetArrayLength());
        var error = outcome.GetProperty("error");
        Assert.Equal(status, error.GetProperty("status").GetInt32());
        Assert.Equal(message, error.GetProperty("body").GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Unsubscribing_in_the_client_disposes_the_source_stream_on_the_server()
    {
        var outcome = await RunAsync("cancel");
        Assert.Equal("""[{"data":{"ticks":1}},{"data":{"ticks":2}}]""", outcome.GetProperty("results").GetRawText());
        Assert.True(outcome.GetProperty("unsubscribed").GetBoolean());
        await server.Streams.Disposed("cancel").WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_user_over_the_subscription_cap_is_refused_with_429_and_others_are_not()
    {
        var outcome = await RunAsync("cap");
        var third = outcome.GetProperty("third");
        Assert.Equal(429, third.GetProperty("error").GetProperty("status").GetInt32());
        Assert.Equal(Memento.GraphQL.Errors.ErrorMessages.HttpTooManySubscriptions(GraphQLStreamTestServer.MaxSubscriptionsPerUser),
            third.GetProperty("error").GetProperty("body").GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal("""[{"data":{"ticks":1}}]""", outcome.GetProperty("other").GetProperty("results").GetRawText());
        // The refused one never reached the source; the two open ones are released when the client leaves.
        Assert.False(server.Streams.Started("cap-3").IsCompleted);
        await Task.WhenAll(server.Streams.Disposed("cap-1"), server.Streams.Disposed("cap-2")).WaitAsync(TimeSpan.FromSeconds(10));
    }
}
