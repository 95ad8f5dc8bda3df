using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Memento.GraphQL.Errors;
using Memento.Tests.Support;

namespace Memento.Tests.Server.Hardening;

/// <summary>
/// Issue 10, finding 4: text that is not Unicode — invalid UTF-8 bytes, or a JSON escape of a lone surrogate —
/// in a body, the variables, a GET parameter or a multipart operations field answers 400 with a message saying
/// so, where it answered 500 before.
/// </summary>
public sealed class InvalidTextTests : IDisposable
{
    private readonly MementoAppFactory app = new();

    public void Dispose() => app.Dispose();

    private static ByteArrayContent JsonBytes(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string message)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(message, Assert.Single(body.GetProperty("errors").EnumerateArray().ToList()).GetProperty("message").GetString());
    }

    public static TheoryData<string, string> Bodies => new()
    {
        // The bytes: 0xFF can never appear in UTF-8.
        { """{"query":"{ health ÿ }"}""", ErrorMessages.JsonInvalidUtf8 },
        // A high surrogate escape with no low one after it, in the variables and in the query.
        { """{"query":"query($s:String){health}","variables":{"s":"\ud800"}}""", ErrorMessages.JsonLoneSurrogate },
        { """{"query":"{ health \ud800 }"}""", ErrorMessages.JsonLoneSurrogate },
        // A low surrogate alone, as an object key.
        { """{"query":"{ health }","variables":{"\udc00":1}}""", ErrorMessages.JsonLoneSurrogate },
    };

    /// <summary>The body's text with "ÿ" standing for the single byte 0xFF (not its UTF-8 encoding).</summary>
    private static byte[] Bytes(string body) =>
        body.Select(c => c == 'ÿ' ? (byte)0xFF : (byte)c).ToArray();

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_post_body_that_is_not_unicode_is_a_bad_request(string body, string message)
    {
        using var client = app.CreateClient();
        using var response = await client.PostAsync("/graphql", JsonBytes(Bytes(body)));
        await AssertRefusedAsync(response, message);
    }

    [Fact]
    public async Task Get_variables_with_a_lone_surrogate_are_a_bad_request()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/graphql?query=" + Uri.EscapeDataString("query($s:String){health}")
            + "&variables=" + Uri.EscapeDataString("""{"s":"\ud800"}"""));
        await AssertRefusedAsync(response, ErrorMessages.JsonLoneSurrogate);
    }

    [Fact]
    public async Task A_multipart_operations_field_that_is_not_utf8_is_a_bad_request()
    {
        using var client = app.CreateClient();
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Bytes("""{"query":"{ health ÿ }"}""")), "operations");
        form.Add(new StringContent("{}"), "map");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = form };
        request.Headers.Add("GraphQL-Preflight", "1");
        using var response = await client.SendAsync(request);
        await AssertRefusedAsync(response, ErrorMessages.JsonInvalidUtf8);
    }
}
