using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Memento.Domain.Accounts;
using Memento.Domain.Services.ShareLinks;
using Memento.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Memento.Tests.Server;

/// <summary>
/// Issue 10, finding 5: a share link's lifetime out of range, down to the int's own limits, is a VALIDATION error
/// naming the range; int.MaxValue hours used to overflow the TimeSpan and answer INTERNAL_SERVER_ERROR.
/// </summary>
public sealed class ShareLinkLifetimeTests : IDisposable
{
    private readonly MementoAppFactory app = new();

    public void Dispose() => app.Dispose();

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(90 * 24 + 1)] // one hour beyond 90 days
    public async Task Hours_outside_one_hour_to_ninety_days_are_a_validation_error(int hours)
    {
        using var client = await SignedInAsync();
        var error = await CreateShareLinkErrorAsync(client, hours);

        Assert.Equal(ShareLinkService.LifetimeOutOfRange, error.GetProperty("message").GetString());
        Assert.Equal("VALIDATION", error.GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Ninety_days_passes_the_range_check_and_meets_the_annotation_check()
    {
        using var client = await SignedInAsync();
        var error = await CreateShareLinkErrorAsync(client, 90 * 24);

        // Annotation 1 does not exist: the request got past the lifetime to the permission check.
        Assert.NotEqual(ShareLinkService.LifetimeOutOfRange, error.GetProperty("message").GetString());
        Assert.NotEqual("VALIDATION", error.GetProperty("extensions").GetProperty("code").GetString());
    }

    private async Task<HttpClient> SignedInAsync()
    {
        var user = await app.CreateUserAsync("sharer", "sharer's password");
        await using var scope = app.Services.CreateAsyncScope();
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateApiTokenAsync(user.Id, "test");
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    private static async Task<JsonElement> CreateShareLinkErrorAsync(HttpClient client, int hours)
    {
        var body = JsonSerializer.Serialize(new
        {
            query = $"mutation {{ createShareLink(input: {{ annotationId: 1, expiresInHours: {hours} }}) {{ token }} }}",
        });
        using var response = await client.PostAsync("/graphql", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return json.GetProperty("errors")[0];
    }
}
