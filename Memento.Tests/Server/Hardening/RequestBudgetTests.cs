using System.Net;
using System.Text;
using System.Text.Json;
using Memento.GraphQL.Errors;
using Memento.Tests.Support;

namespace Memento.Tests.Server.Hardening;

/// <summary>
/// Issue 10, finding 2: the server's GraphQL time budget (Memento:GraphQLTimeout) reaches validation, so a
/// document that is expensive to validate stops with a request error rather than keep a core busy.
/// </summary>
public sealed class RequestBudgetTests
{
    /// <summary>A thousand identical non-leaf selections: the overlapping-fields rule compares every pair.</summary>
    private static string CostlyToValidate() =>
        "{ " + string.Concat(Enumerable.Repeat("projects(first: 1) { totalCount } ", 1000)) + "}";

    private static async Task<(HttpStatusCode, JsonElement)> PostAsync(MementoAppFactory app, string query)
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Accept.ParseAdd("application/graphql-response+json");
        using var response = await client.PostAsync("/graphql",
            new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json"));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return (response.StatusCode, body);
    }

    [Fact]
    public async Task Validation_that_outlives_the_configured_budget_is_a_timeout_request_error()
    {
        using var app = new MementoAppFactory(new Dictionary<string, string?> { ["Memento:GraphQLTimeout"] = "00:00:00.001" });
        var (status, body) = await PostAsync(app, CostlyToValidate());
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.False(body.TryGetProperty("data", out _));
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray().ToList());
        Assert.Equal(ErrorMessages.RequestTimedOut(TimeSpan.FromMilliseconds(1)), error.GetProperty("message").GetString());
        Assert.Equal(ErrorCodes.Timeout, error.GetProperty("extensions").GetProperty("code").GetString());
    }
}
