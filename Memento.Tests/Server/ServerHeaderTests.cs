namespace Memento.Tests.Server;

/// <summary>Against the real Kestrel process: the in-memory test host never writes a Server header at all.</summary>
public sealed class ServerHeaderTests(LiveServer server) : IClassFixture<LiveServer>
{
    [Theory]
    [InlineData("health")]
    [InlineData("login")]
    [InlineData("tiles/1/v/0/bad-signature/image.dzi")]
    public async Task Responses_do_not_name_the_server_software(string path)
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(server.Url + path);

        Assert.False(response.Headers.Contains("Server"), $"/{path} sent Server: {string.Join(",", response.Headers.Server)}");
    }
}
