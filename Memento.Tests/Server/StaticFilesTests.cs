using System.Net;
using Memento.Tests.Support;

namespace Memento.Tests.Server;

public sealed class StaticFilesTests : IDisposable
{
    private readonly MementoAppFactory app = new();

    public void Dispose() => app.Dispose();

    [Theory]
    [InlineData("/css/site.css", "text/css")] // our own wwwroot/
    [InlineData("/lib/htmx/htmx.min.js", "text/javascript")] // npm's htmx.org, installed by npm ci
    public async Task Pages_assets_are_served(string url, string contentType)
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Unknown_paths_are_404_not_errors()
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync("/no/such/file.js");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Health_endpoint_answers_for_the_container_healthcheck()
    {
        using var client = app.CreateClient();

        Assert.Equal("Healthy", await client.GetStringAsync("/health"));
    }
}
