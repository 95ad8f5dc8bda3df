using System.Net;
using System.Text;
using System.Text.Json;
using Memento.GraphQL.Errors;
using Memento.GraphQL.Http;

namespace Memento.Tests.GraphQL.Http;

/// <summary>The engine's test server with a short time budget per request.</summary>
public sealed class ShortBudgetTestServer : GraphQLTestServer
{
    // Long enough for a cold first request on a busy test machine, short enough to wait for.
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    protected override void Configure(GraphQLServerOptions options) => options.Execution.RequestTimeout = Budget;
}

/// <summary>
/// Issue 10, finding 2: every request has a time budget; a request that outlives it stops (its resolvers see the
/// cancellation) and the client gets a TIMEOUT error instead of a connection that never answers.
/// </summary>
public class RequestTimeoutTests(ShortBudgetTestServer server) : IClassFixture<ShortBudgetTestServer>
{
    [Fact]
    public async Task An_execution_that_outlives_the_budget_answers_a_timeout_error_and_stops_its_resolvers()
    {
        using var response = await server.Client.PostAsync("/graphql",
                new StringContent("""{"query":"{ slow }"}""", Encoding.UTF8, "application/json"))
            .WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").ValueKind);
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray().ToList());
        Assert.Equal(ErrorMessages.RequestTimedOut(ShortBudgetTestServer.Budget), error.GetProperty("message").GetString());
        Assert.Equal(ErrorCodes.Timeout, error.GetProperty("extensions").GetProperty("code").GetString());
        await server.SlowCancelled.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Requests_within_the_budget_are_unaffected()
    {
        using var response = await server.Client.PostAsync("/graphql",
            new StringContent("""{"query":"{ hello }"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"data":{"hello":"Hello world"}}""", await response.Content.ReadAsStringAsync());
    }
}
