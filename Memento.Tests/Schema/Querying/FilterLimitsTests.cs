using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Memento.Schema.Api.Querying;
using Memento.Tests.Support;

namespace Memento.Tests.Schema.Querying;

/// <summary>
/// Issue 10, finding 1: every bound on <c>where</c> (FilterLimits) through the real HTTP pipeline, as an anonymous
/// client: at the bound the query runs, one beyond it is a VALIDATION error naming the bound and the value.
/// </summary>
public sealed class FilterLimitsTests : IDisposable
{
    private const string ProjectsQuery = "query($w:ProjectFilter){projects(where:$w){totalCount}}";
    private static readonly FilterLimits Limits = FilterLimits.Default;
    private readonly MementoAppFactory app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task An_in_list_at_the_bound_runs_and_one_more_value_is_refused()
    {
        Assert.Null(await ErrorAsync(Where("id", "in", Ids(Limits.MaxListItems))));

        var refused = await ErrorAsync(Where("id", "in", Ids(Limits.MaxListItems + 1)));
        AssertValidation(QueryingErrors.TooManyListItems("id.in", Limits.MaxListItems + 1, Limits.MaxListItems), refused);
    }

    [Fact]
    public async Task A_nin_list_beyond_the_bound_is_refused_too()
    {
        var names = new JsonArray(Enumerable.Range(0, Limits.MaxListItems + 1).Select(i => (JsonNode)("n" + i)).ToArray());
        var refused = await ErrorAsync(Where("name", "nin", names));
        AssertValidation(QueryingErrors.TooManyListItems("name.nin", Limits.MaxListItems + 1, Limits.MaxListItems), refused);
    }

    [Theory]
    [InlineData("or")]
    [InlineData("and")]
    public async Task And_or_at_the_bound_run_and_one_more_term_is_refused(string operation)
    {
        Assert.Null(await ErrorAsync(new JsonObject { [operation] = Terms(Limits.MaxTerms) }));

        var refused = await ErrorAsync(new JsonObject { [operation] = Terms(Limits.MaxTerms + 1) });
        AssertValidation(QueryingErrors.TooManyTerms(operation, Limits.MaxTerms + 1, Limits.MaxTerms), refused);
    }

    [Fact]
    public async Task A_filter_whose_parts_are_each_in_bounds_but_too_many_in_all_is_refused()
    {
        // and (1) + 3 terms (3) + per term its field (1), operation (1) and values: 902 + 902 + 302.
        var filter = new JsonObject
        {
            ["and"] = new JsonArray(Where("id", "in", Ids(900)), Where("ownerId", "nin", Ids(900)), Where("id", "nin", Ids(300))),
        };
        var refused = await ErrorAsync(filter);
        AssertValidation(QueryingErrors.FilterTooLarge(4 + 902 + 902 + 302, Limits.MaxNodes), refused);
    }

    [Fact]
    public async Task Filters_nested_to_the_bound_run_and_one_level_more_is_refused()
    {
        Assert.Null(await ErrorAsync(Nested(Limits.MaxDepth)));

        AssertValidation(QueryingErrors.FilterTooDeep(Limits.MaxDepth), await ErrorAsync(Nested(Limits.MaxDepth + 1)));
    }

    [Fact]
    public async Task Navigations_count_as_levels()
    {
        // owner is a to-one navigation: its filter object sits one level below the project's.
        JsonObject filter = new() { ["owner"] = new JsonObject { ["id"] = new JsonObject { ["eq"] = 1 } } };
        for (var level = 2; level <= Limits.MaxDepth; level++) filter = new JsonObject { ["or"] = new JsonArray(filter) };

        AssertValidation(QueryingErrors.FilterTooDeep(Limits.MaxDepth), await ErrorAsync(filter));
    }

    private static JsonObject Where(string field, string operation, JsonArray values) =>
        new() { [field] = new JsonObject { [operation] = values } };

    private static JsonArray Ids(int count) => new(Enumerable.Range(1, count).Select(i => (JsonNode)i).ToArray());

    private static JsonArray Terms(int count) =>
        new(Enumerable.Range(1, count).Select(i => (JsonNode)new JsonObject { ["id"] = new JsonObject { ["eq"] = i } }).ToArray());

    /// <summary>A filter of <paramref name="levels"/> objects, each the single "and" term of the one above.</summary>
    private static JsonObject Nested(int levels)
    {
        var filter = new JsonObject { ["id"] = new JsonObject { ["gt"] = 0 } };
        for (var level = 2; level <= levels; level++) filter = new JsonObject { ["and"] = new JsonArray(filter) };
        return filter;
    }

    private static void AssertValidation(string message, JsonElement? error)
    {
        Assert.NotNull(error);
        Assert.Equal(message, error.Value.GetProperty("message").GetString());
        Assert.Equal(QueryingErrors.ValidationCode, error.Value.GetProperty("extensions").GetProperty("code").GetString());
    }

    /// <summary>Sends the projects query anonymously; the first error, or null when it ran.</summary>
    private async Task<JsonElement?> ErrorAsync(JsonObject filter)
    {
        using var client = app.CreateClient();
        var body = new JsonObject { ["query"] = ProjectsQuery, ["variables"] = new JsonObject { ["w"] = filter } };
        using var response = await client.PostAsync("/graphql", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        if (!json.TryGetProperty("errors", out var errors)) return null;
        return errors[0];
    }
}
