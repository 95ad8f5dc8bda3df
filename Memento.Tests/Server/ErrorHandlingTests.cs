using System.Net;
using System.Text.Json;
using Memento.Domain.Accounts;
using Memento.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Memento.Tests.Server;

public sealed class ErrorHandlingTests : IDisposable
{
    private readonly MementoAppFactory app = new();

    public void Dispose() => app.Dispose();

    /// <summary>Account rules that cannot be read: stands in for any unexpected fault deep inside a request.</summary>
    private sealed class BrokenRules : IOptions<AccountOptions>
    {
        public AccountOptions Value => throw new InvalidOperationException("internal detail: rules exploded");
    }

    private async Task<HttpResponseMessage> SignInWithBrokenRulesAsync(string accept)
    {
        await app.CreateUserAsync("frank", "frank's password");
        var broken = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IOptions<AccountOptions>>(new BrokenRules())));
        var browser = new BrowserClient(broken.CreateClient(new() { AllowAutoRedirect = false }));
        var (_, page) = await browser.GetPageAsync("/login");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
                ["userName"] = "frank",
                ["password"] = "frank's password",
            }),
        };
        request.Headers.Accept.ParseAdd(accept);
        return await browser.Http.SendAsync(request);
    }

    [Fact]
    public async Task Scripts_get_problem_details_with_a_trace_id_and_no_exception_text()
    {
        var response = await SignInWithBrokenRulesAsync("application/json");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        using var problem = JsonDocument.Parse(body);
        var traceId = problem.RootElement.GetProperty("traceId").GetString();
        Assert.False(string.IsNullOrEmpty(traceId));
        Assert.DoesNotContain("rules exploded", body);
        Assert.DoesNotContain("   at ", body);
        Assert.Contains("rules exploded", app.Logs.AllText); // the operator still has the details
        Assert.Contains(traceId, app.Logs.AllText);           // ... findable by the id the user quotes
    }

    [Fact]
    public async Task Browsers_get_an_error_page_with_the_trace_id()
    {
        var response = await SignInWithBrokenRulesAsync("text/html");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Something went wrong", body);
        Assert.Matches("trace id: [0-9a-f-]{20,}", body);
        Assert.DoesNotContain("rules exploded", body);
    }
}
