using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Memento.Tests.GraphQL.Http;

/// <summary>GraphQL over HTTP: methods, media types and status codes as the spec and the graphql-http audit expect.</summary>
public class GraphQLOverHttpTests(GraphQLTestServer server) : IClassFixture<GraphQLTestServer>
{
    private const string GraphQLResponse = "application/graphql-response+json";

    private async Task<(HttpStatusCode Status, string? MediaType, string Body, HttpResponseMessage Response)> PostAsync(
        string body, string? accept = GraphQLResponse, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        var response = await server.Client.SendAsync(request);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(), response);
    }

    [Theory]
    // Well-formed requests.
    [InlineData("""{"query":"{ hello }"}""", GraphQLResponse, 200, GraphQLResponse, "\"data\":{\"hello\":\"Hello world\"}")]
    [InlineData("""{"query":"{ hello }"}""", "application/json", 200, "application/json", "Hello world")]
    // No Accept header: a legacy client, answered in application/json.
    [InlineData("""{"query":"{ hello }"}""", null, 200, "application/json", "Hello world")]
    [InlineData("""{"query":"query($n: String) { hello(name: $n) }","variables":{"n":"Ada"}}""", GraphQLResponse, 200, GraphQLResponse, "Hello Ada")]
    // Request errors: 400 in the GraphQL media type, 200 in application/json (spec: any well-formed request).
    [InlineData("""{"query":"{ hello "}""", GraphQLResponse, 400, GraphQLResponse, "Syntax Error")]
    [InlineData("""{"query":"{ hello "}""", "application/json", 200, "application/json", "Syntax Error")]
    [InlineData("""{"query":"{ nope }"}""", GraphQLResponse, 400, GraphQLResponse, "Cannot query field")]
    [InlineData("""{"query":"query($n: String!) { hello }"}""", GraphQLResponse, 400, GraphQLResponse, "Variable \\\"$n\\\" is never used")]
    // Field errors come with data: 200.
    [InlineData("""{"query":"{ forbidden hello }"}""", GraphQLResponse, 200, GraphQLResponse, "\"code\":\"FORBIDDEN\"")]
    // Malformed HTTP requests: 400 whatever the media type.
    [InlineData("""{"query":""", GraphQLResponse, 400, GraphQLResponse, "not valid JSON")]
    [InlineData("""["query"]""", "application/json", 400, "application/json", "must be a JSON object")]
    [InlineData("""{"query":1}""", GraphQLResponse, 400, GraphQLResponse, "must be a string")]
    [InlineData("""{"query":"{ hello }","variables":"x"}""", GraphQLResponse, 400, GraphQLResponse, "must be an object")]
    [InlineData("""{}""", GraphQLResponse, 400, GraphQLResponse, "no query")]
    // Nothing acceptable.
    [InlineData("""{"query":"{ hello }"}""", "text/plain", 406, "application/json", "Accept")]
    public async Task Post_status_and_media_type(string body, string? accept, int status, string mediaType, string fragment)
    {
        var (actualStatus, actualType, text, _) = await PostAsync(body, accept);
        Assert.Equal((status, mediaType), ((int)actualStatus, actualType));
        Assert.Contains(fragment, text);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task Unsupported_content_types_get_415(string contentType)
    {
        var (status, _, _, _) = await PostAsync("""{"query":"{ hello }"}""", contentType: contentType);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
    }

    [Fact]
    public async Task A_body_beyond_the_limit_gets_413()
    {
        var (status, _, _, _) = await PostAsync("""{"query":"{ hello }","extensions":{"pad":" """ + new string('x', 20_000) + "\"}}");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
    }

    [Fact]
    public async Task Get_runs_queries()
    {
        var response = await server.Client.GetAsync("/graphql?query=" + Uri.EscapeDataString("query($n: String) { hello(name: $n) }") + "&variables=" + Uri.EscapeDataString("""{"n":"GET"}"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"data":{"hello":"Hello GET"}}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_refuses_mutations_with_405_and_Allow_POST()
    {
        var response = await server.Client.GetAsync("/graphql?query=" + Uri.EscapeDataString("mutation { touch }"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Other_methods_get_405_with_Allow_GET_POST()
    {
        var response = await server.Client.PutAsync("/graphql", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "POST"], response.Content.Headers.Allow.Order());
    }

    [Fact]
    public async Task Browsers_get_the_query_page_and_its_assets()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Add("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        var page = await server.Client.SendAsync(request);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("data-endpoint=\"/graphql\"", html);
        Assert.Contains("<textarea id=\"query\"", html);

        var script = await server.Client.GetAsync("/graphql/_page/query-page.js");
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Contains("__schema", await script.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync("/graphql/_page/nope.js")).StatusCode);
    }
}

/// <summary>GET ?sdl serves the printed schema as text.</summary>
public class SdlEndpointTests(GraphQLTestServer server) : IClassFixture<GraphQLTestServer>
{
    [Fact]
    public async Task Sdl_is_served_as_plain_text()
    {
        var response = await server.Client.GetAsync("/graphql?sdl");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var sdl = await response.Content.ReadAsStringAsync();
        Assert.Contains("type Query {\n  hello(name: String): String", sdl);
        Assert.Contains("type Mutation {", sdl);
        Assert.Contains("scalar Upload", sdl);
    }
}

/// <summary>The draft's status codes, behind an option: 294 when data comes with errors.</summary>
public class PartialSuccessStatusTests(PartialSuccessTestServer server) : IClassFixture<PartialSuccessTestServer>
{
    [Theory]
    [InlineData("{ forbidden hello }", "application/graphql-response+json", 294)]
    [InlineData("{ hello }", "application/graphql-response+json", 200)]
    // application/json keeps 200 for every well-formed request.
    [InlineData("{ forbidden hello }", "application/json", 200)]
    public async Task Data_with_errors_is_294_in_the_GraphQL_media_type(string query, string accept, int status)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Accept", accept);
        var response = await server.Client.SendAsync(request);
        Assert.Equal(status, (int)response.StatusCode);
    }
}

/// <summary>Cancellation follows the HTTP request: a client that goes away stops its resolvers.</summary>
public class RequestAbortTests(GraphQLTestServer server) : IClassFixture<GraphQLTestServer>
{
    [Fact]
    public async Task Aborting_the_request_cancels_running_resolvers()
    {
        using var abort = new CancellationTokenSource();
        var request = server.Client.PostAsync("/graphql",
            new StringContent("""{"query":"{ slow }"}""", Encoding.UTF8, "application/json"), abort.Token);
        await server.SlowStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        abort.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
        await server.SlowCancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }
}

/// <summary>A host replaces the built-in query page (GraphQLHttpOptions.QueryPage); the API answers as before.</summary>
public class HostQueryPageTests(HostQueryPageTestServer server) : IClassFixture<HostQueryPageTestServer>
{
    [Fact]
    public async Task Browsers_get_the_hosts_page_and_scripts_still_get_the_api()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Add("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        var page = await server.Client.SendAsync(request);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal("<!doctype html><p>The host's page for /graphql</p>", await page.Content.ReadAsStringAsync());

        var query = await server.Client.GetAsync("/graphql?query=%7Bhello%7D");
        Assert.Equal(HttpStatusCode.OK, query.StatusCode);
        Assert.Contains("\"hello\"", await query.Content.ReadAsStringAsync());
    }
}
