using System.Net;
using System.Text;
using System.Text.Json;

namespace Memento.Tests.GraphQL.Http;

/// <summary>
/// GraphQL over Server-Sent Events at /graphql/stream read with a plain HttpClient: the exact event stream of GET
/// and POST, the headers proxies and browsers need, keep-alive comments, and the JSON answers before streaming.
/// </summary>
public class GraphQLSseTests(GraphQLStreamTestServer server) : IClassFixture<GraphQLStreamTestServer>
{
    private static HttpRequestMessage Post(string body, string accept = "text/event-stream") => new(HttpMethod.Post, "/graphql/stream")
    {
        Content = new StringContent(body, Encoding.UTF8, "application/json"),
        Headers = { { "Accept", accept } },
    };

    private static HttpRequestMessage Get(string query) =>
        new(HttpMethod.Get, "/graphql/stream?query=" + Uri.EscapeDataString(query)) { Headers = { { "Accept", "text/event-stream" } } };

    private async Task<(HttpResponseMessage Response, string Body)> SendAsync(HttpRequestMessage request)
    {
        var response = await server.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var body = await response.Content.ReadAsStringAsync().WaitAsync(TimeSpan.FromSeconds(10));
        return (response, body);
    }

    [Fact]
    public async Task A_subscription_posted_streams_each_result_as_a_next_event_then_complete()
    {
        var (response, body) = await SendAsync(Post("""{"query":"subscription ($n: Int!) { countdown(from: $n) }","variables":{"n":3}}"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.Equal("no", response.Headers.GetValues("X-Accel-Buffering").Single());
        Assert.Equal("""
            :

            event: next
            data: {"data":{"countdown":3}}

            event: next
            data: {"data":{"countdown":2}}

            event: next
            data: {"data":{"countdown":1}}

            event: complete
            data:


            """.Replace("\r", ""), body);
    }

    [Fact]
    public async Task A_subscription_by_GET_streams_as_EventSource_expects()
    {
        var (response, body) = await SendAsync(Get("subscription { countdown(from: 2) }"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            ":\n\nevent: next\ndata: {\"data\":{\"countdown\":2}}\n\nevent: next\ndata: {\"data\":{\"countdown\":1}}\n\nevent: complete\ndata:\n\n",
            body);
    }

    [Fact]
    public async Task A_query_is_one_next_event_then_complete()
    {
        var (response, body) = await SendAsync(Get("{ hello }"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(":\n\nevent: next\ndata: {\"data\":{\"hello\":\"Hello world\"}}\n\nevent: complete\ndata:\n\n", body);
    }

    [Fact]
    public async Task Each_event_runs_in_a_service_scope_of_its_own()
    {
        var (_, body) = await SendAsync(Post("""{"query":"subscription { scope }"}"""));
        var ids = body.Split('\n').Where(l => l.StartsWith("data: {")).Select(l => JsonDocument.Parse(l[6..]).RootElement
            .GetProperty("data").GetProperty("scope").GetInt32()).ToList();
        Assert.Equal(2, ids.Count);
        Assert.NotEqual(ids[0], ids[1]);
    }

    [Theory]
    // Request errors are answered before streaming, as JSON.
    [InlineData("POST", """{"query":"subscription { nope }"}""", "text/event-stream", 400, "Cannot query field \\\"nope\\\" on type \\\"Subscription\\\".")]
    [InlineData("POST", """{"query":"subscription { countdown(from: 1) "}""", "text/event-stream", 400, "Syntax Error")]
    [InlineData("POST", """{"query":"subscription ($n: Int!) { countdown(from: $n) }"}""", "text/event-stream", 400, "Variable \\\"$n\\\" of required type \\\"Int!\\\" was not provided.")]
    [InlineData("POST", """{"query":"subscription { failing }"}""", "text/event-stream", 400, "\"code\":\"FORBIDDEN\"")]
    [InlineData("POST", """{"query":"subscription S { countdown(from: 1) }","operationName":"T"}""", "text/event-stream", 400, "Unknown operation named \\\"T\\\".")]
    [InlineData("POST", """{}""", "text/event-stream", 400, "The request has no query.")]
    [InlineData("POST", """{"query":""", "text/event-stream", 400, "not valid JSON")]
    // Not an event-stream request.
    [InlineData("POST", """{"query":"{ hello }"}""", "application/json", 406, "Accept text/event-stream")]
    [InlineData("PUT", """{"query":"{ hello }"}""", "text/event-stream", 405, "GET or POST")]
    public async Task Requests_refused_before_streaming_are_answered_in_JSON(string method, string body, string accept, int status, string fragment)
    {
        var request = Post(body, accept);
        request.Method = new HttpMethod(method);
        var (response, text) = await SendAsync(request);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(fragment, text);
    }

    [Fact]
    public async Task A_mutation_by_GET_is_refused()
    {
        var (response, text) = await SendAsync(Get("mutation { touch }"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("POST", response.Content.Headers.Allow.Single());
        Assert.Contains("Only query operations can be sent with GET", text);
    }

    [Fact]
    public async Task A_mutation_posted_is_one_next_event()
    {
        var (response, body) = await SendAsync(Post("""{"query":"mutation { touch }"}"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(":\n\nevent: next\ndata: {\"data\":{\"touch\":true}}\n\nevent: complete\ndata:\n\n", body);
    }

    [Fact]
    public async Task An_idle_stream_gets_keep_alive_comments_and_leaving_disposes_its_source()
    {
        var response = await server.Client.SendAsync(Get("subscription { silent(channel: \"idle\") }"), HttpCompletionOption.ResponseHeadersRead);
        var stream = await response.Content.ReadAsStreamAsync();
        await server.Streams.Started("idle").WaitAsync(TimeSpan.FromSeconds(10));
        var received = new StringBuilder();
        var buffer = new byte[256];
        // The interval is 150 ms: after the opening comment, two more come within a few intervals.
        using (var reading = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            while (received.ToString().Split(":\n\n").Length - 1 < 3)
            {
                var read = await stream.ReadAsync(buffer, reading.Token);
                Assert.NotEqual(0, read);
                received.Append(Encoding.UTF8.GetString(buffer, 0, read));
            }
        }
        Assert.Equal("", received.ToString().Replace(":\n\n", ""));
        Assert.False(server.Streams.IsDisposed("idle"));

        // The client goes away: the server notices and disposes the source stream (its finally runs).
        response.Dispose();
        await server.Streams.Disposed("idle").WaitAsync(TimeSpan.FromSeconds(10));
    }
}
