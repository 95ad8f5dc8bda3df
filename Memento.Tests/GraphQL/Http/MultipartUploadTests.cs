using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Memento.Tests.GraphQL.Http;

/// <summary>The GraphQL multipart request spec: files streamed to temp files, bounded, CSRF-protected, cleaned up.</summary>
public class MultipartUploadTests(GraphQLTestServer server) : IClassFixture<GraphQLTestServer>
{
    private static MultipartFormDataContent Form(byte[] file, string map = """{"0":["variables.file"]}""")
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent("""{"query":"mutation($file: Upload!) { upload(file: $file) }","variables":{"file":null}}"""), "operations" },
            { new StringContent(map), "map" },
        };
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(part, "0", "notes.txt");
        return form;
    }

    private Task<HttpResponseMessage> SendAsync(MultipartFormDataContent form, bool preflight = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = form };
        if (preflight) request.Headers.Add("GraphQL-Preflight", "1");
        request.Headers.Add("Accept", "application/graphql-response+json");
        return server.Client.SendAsync(request);
    }

    [Fact]
    public async Task A_file_reaches_the_resolver_and_its_temp_file_is_deleted_afterwards()
    {
        var response = await SendAsync(Form(Encoding.UTF8.GetBytes("hello file")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"data":{"upload":"notes.txt text/plain 10 hello file"}}""", await response.Content.ReadAsStringAsync());
        var path = Assert.Single(server.SeenUploadPaths);
        Assert.StartsWith(Path.GetTempPath(), path);
        Assert.DoesNotContain("notes", path);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task Files_beyond_the_upload_limit_get_413_and_leave_nothing_behind()
    {
        var before = Directory.GetFiles(Path.GetTempPath(), "memento-upload-*").Length;
        var response = await SendAsync(Form(new byte[GraphQLTestServer.UploadLimit + 1]));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, Directory.GetFiles(Path.GetTempPath(), "memento-upload-*").Length);
    }

    [Fact]
    public async Task Uploads_without_a_preflight_header_are_refused_against_CSRF()
    {
        var response = await SendAsync(Form(Encoding.UTF8.GetBytes("x")), preflight: false);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("GraphQL-Preflight", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("""{"0":["variables.nothere"]}""", "does not exist")]
    [InlineData("""{"0":["query"]}""", "must point into the variables")]
    [InlineData("""{"0":"variables.file"}""", "non-empty array")]
    public async Task A_bad_map_is_a_400(string map, string message)
    {
        var response = await SendAsync(Form(Encoding.UTF8.GetBytes("x"), map));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
    }
}

/// <summary>A multipart body that breaks off is a client error, not a server error.</summary>
public class MalformedMultipartTests(GraphQLTestServer server) : IClassFixture<GraphQLTestServer>
{
    [Fact]
    public async Task A_truncated_multipart_body_is_a_400()
    {
        var body = "--b\r\nContent-Disposition: form-data; name=\"operations\"\r\n\r\n{\"query\":\"{ hello }\"}";
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
        request.Headers.Add("GraphQL-Preflight", "1");
        var response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
