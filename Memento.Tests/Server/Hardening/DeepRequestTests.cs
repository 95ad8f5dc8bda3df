using System.Net;
using System.Text;
using System.Text.Json;
using Memento.GraphQL.Errors;

namespace Memento.Tests.Server.Hardening;

/// <summary>
/// Issue 10, finding 1 (its depth-guard half): no request may take the process down by recursion. Deeply nested
/// JSON variables, list literals and fragment chains are refused with a 400 naming the limit, and the server
/// process — a real child process here, since a stack overflow cannot be caught — answers the next request.
/// </summary>
public sealed class DeepRequestTests(LiveServer server) : IClassFixture<LiveServer>, IDisposable
{
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public void Dispose() => http.Dispose();

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, server.Url + "graphql")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        using var response = await http.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private async Task AssertStillServingAsync()
    {
        var (status, body) = await PostAsync("""{"query":"{ health }"}""");
        Assert.True(status == HttpStatusCode.OK, "the server stopped answering:\n" + server.Log);
        Assert.Equal("ok", body.GetProperty("data").GetProperty("health").GetString());
    }

    private static string Message(JsonElement body) =>
        Assert.Single(body.GetProperty("errors").EnumerateArray().ToList()).GetProperty("message").GetString()!;

    [Fact]
    public async Task Variables_nested_a_hundred_thousand_deep_are_refused_and_the_server_lives()
    {
        const int depth = 100_000;
        var json = """{"query":"query($w:ProjectFilter){projects(where:$w){totalCount}}","variables":{"w":"""
                   + new string('[', depth) + new string(']', depth) + "}}";
        var (status, body) = await PostAsync(json);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(ErrorMessages.JsonTooDeep(64), Message(body));
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task A_list_literal_nested_a_hundred_thousand_deep_is_refused_and_the_server_lives()
    {
        const int depth = 100_000;
        var query = "{ projects(where: { id: { in: " + new string('[', depth) + new string(']', depth) + " } }) { totalCount } }";
        var (status, body) = await PostAsync(JsonSerializer.Serialize(new { query }));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith(ErrorMessages.SyntaxError(ErrorMessages.TooDeep(128)), Message(body));
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task A_chain_of_thousands_of_fragments_is_answered_and_the_server_lives()
    {
        // Each fragment spreads the next: every engine pass that follows spreads recurses once per fragment.
        // 6,000 fragments stay under the parser's 50,000-token limit.
        const int fragments = 6_000;
        var text = new StringBuilder("{ ...F0 }");
        for (var i = 0; i < fragments; i++) text.Append($" fragment F{i} on Query {{ ...F{i + 1} }}");
        text.Append($" fragment F{fragments} on Query {{ health }}");
        var (status, body) = await PostAsync(JsonSerializer.Serialize(new { query = text.ToString() }));
        // The stack guards refuse it (TooDeepToProcess) only where the stack is short; the server's is deep enough.
        Assert.True(status == HttpStatusCode.OK, $"{status}: {body}");
        Assert.Equal("ok", body.GetProperty("data").GetProperty("health").GetString());
        await AssertStillServingAsync();
    }
}
