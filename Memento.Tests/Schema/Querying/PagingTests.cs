using System.Text.Json;
using Memento.Schema.Api.Querying;
using Memento.Domain.Data;
using Memento.Tests.Support;

namespace Memento.Tests.Schema.Querying;

/// <summary>Relay cursor paging with keyset cursors, sorting with ties, and page size limits.</summary>
public class PagingTests
{
    // Newest first; projects created on the same day come in creation (id) order.
    private static readonly string[] NewestFirst =
        ["1000 cells", "zeta_1", "Eta", "100% done", "Epsilon", "Gamma ray", "delta", "beta", "Alpha"];

    private static string Page(string arguments) =>
        $$"""{ projects({{arguments}}, order: [{createdAt: DESC}]) { edges { cursor node { name } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }""";

    private static string[] EdgeNames(JsonElement connection) =>
        connection.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("name").GetString()!).ToArray();

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Sorting_breaks_ties_by_id(DatabaseProvider provider)
    {
        await using var schema = await ListSchema.CreateAsync(provider);
        var page = await schema.DataAsync("""{ projects(order: [{createdAt: DESC}]) { nodes { name } } }""", "projects");
        Assert.Equal(NewestFirst, ListSchema.Names(page));
        var oldestFirst = await schema.DataAsync("""{ projects(order: [{createdAt: ASC}, {id: DESC}]) { nodes { name } } }""", "projects");
        Assert.Equal(["Alpha", "beta", "delta", "Gamma ray", "Epsilon", "100% done", "Eta", "zeta_1", "1000 cells"], ListSchema.Names(oldestFirst));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Paging_forward_visits_every_item_once(DatabaseProvider provider)
    {
        await using var schema = await ListSchema.CreateAsync(provider);
        var seen = new List<string>();
        string? after = null;
        for (var pages = 1; ; pages++)
        {
            var page = await schema.DataAsync(Page(after is null ? "first: 2" : $"first: 2, after: \"{after}\""), "projects");
            var info = page.GetProperty("pageInfo");
            seen.AddRange(EdgeNames(page));
            Assert.Equal(after is not null, info.GetProperty("hasPreviousPage").GetBoolean());
            Assert.Equal(page.GetProperty("edges")[0].GetProperty("cursor").GetString(), info.GetProperty("startCursor").GetString());
            if (!info.GetProperty("hasNextPage").GetBoolean())
            {
                Assert.Equal(5, pages);
                break;
            }
            after = info.GetProperty("endCursor").GetString();
        }
        Assert.Equal(NewestFirst, seen);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Paging_backward_visits_every_item_once(DatabaseProvider provider)
    {
        await using var schema = await ListSchema.CreateAsync(provider);
        var seen = new List<string>();
        string? before = null;
        while (true)
        {
            var page = await schema.DataAsync(Page(before is null ? "last: 2" : $"last: 2, before: \"{before}\""), "projects");
            var info = page.GetProperty("pageInfo");
            seen.InsertRange(0, EdgeNames(page));
            Assert.Equal(before is not null, info.GetProperty("hasNextPage").GetBoolean());
            if (!info.GetProperty("hasPreviousPage").GetBoolean()) break;
            before = info.GetProperty("startCursor").GetString();
        }
        Assert.Equal(NewestFirst, seen);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_page_between_two_cursors_holds_what_lies_between(DatabaseProvider provider)
    {
        await using var schema = await ListSchema.CreateAsync(provider);
        var all = await schema.DataAsync(Page("first: 9"), "projects");
        var cursors = all.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("cursor").GetString()).ToArray();
        var between = await schema.DataAsync(Page($"first: 9, after: \"{cursors[1]}\", before: \"{cursors[5]}\""), "projects");
        Assert.Equal(NewestFirst[2..5], EdgeNames(between));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_cursor_only_continues_the_order_it_came_from(DatabaseProvider provider)
    {
        await using var schema = await ListSchema.CreateAsync(provider);
        var page = await schema.DataAsync(Page("first: 2"), "projects");
        var cursor = page.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var otherOrder = await schema.RunAsync($$"""{ projects(first: 2, after: "{{cursor}}", order: [{name: ASC}]) { nodes { name } } }""");
        Assert.Equal(QueryingErrors.InvalidCursor("after"), ListSchema.FirstError(otherOrder));
        var garbage = await schema.RunAsync("""{ projects(last: 2, before: "not-a-cursor") { nodes { name } } }""");
        Assert.Equal(QueryingErrors.InvalidCursor("before"), ListSchema.FirstError(garbage));
        Assert.Equal("VALIDATION", garbage.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Empty(schema.Sql.Commands);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Pages_larger_than_the_maximum_are_refused(DatabaseProvider provider)
    {
        await using (var defaults = await ListSchema.CreateAsync(provider))
        {
            var response = await defaults.RunAsync("""{ projects(first: 201) { nodes { name } } }""");
            Assert.Equal(QueryingErrors.PageSizeTooLarge("first", 201, 200), ListSchema.FirstError(response));
            Assert.Equal(JsonValueKind.Null, response.GetProperty("data").ValueKind);
            Assert.Empty(defaults.Sql.Commands);
            Assert.Equal(ListSchema.Projects.Length, ListSchema.Names(await defaults.DataAsync("""{ projects(first: 200) { nodes { name } } }""", "projects")).Length);
        }

        await using var small = await ListSchema.CreateAsync(provider, new ConnectionOptions { MaxPageSize = 3, DefaultPageSize = 2 });
        Assert.Equal(QueryingErrors.PageSizeTooLarge("last", 4, 3), ListSchema.FirstError(await small.RunAsync("""{ projects(last: 4) { nodes { name } } }""")));
        Assert.Equal(QueryingErrors.FirstAndLast, ListSchema.FirstError(await small.RunAsync("""{ projects(first: 1, last: 1) { nodes { name } } }""")));
        Assert.Equal(QueryingErrors.NegativePageSize("first"), ListSchema.FirstError(await small.RunAsync("""{ projects(first: -1) { nodes { name } } }""")));
        // Without first or last, a page holds the default size and says more follow.
        var unbounded = await small.DataAsync("""{ projects { nodes { name } pageInfo { hasNextPage } } }""", "projects");
        Assert.Equal(2, ListSchema.Names(unbounded).Length);
        Assert.True(unbounded.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
    }
}
