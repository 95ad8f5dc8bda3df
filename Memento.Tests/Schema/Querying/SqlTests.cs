using Memento.Domain.Data;
using Memento.Tests.Support;

namespace Memento.Tests.Schema.Querying;

/// <summary>Each list is one database query (plus a COUNT only for totalCount) that filters, orders, limits and projects in SQL.</summary>
public class SqlTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_list_is_one_select_with_where_order_limit_and_only_the_selected_columns(DatabaseProvider provider)
    {
        await using var schema = await ListSchema.CreateAsync(provider);
        var page = await schema.DataAsync(
            """{ projects(where: { name: { startsWith: "e" } }, order: [{name: DESC}], first: 1) { nodes { name } } }""", "projects");
        Assert.Equal(["Eta"], ListSchema.Names(page));

        var sql = Assert.Single(schema.Sql.Commands);
        Assert.Contains("WHERE", sql);
        Assert.Contains("ORDER BY", sql);
        Assert.Contains("LIMIT", sql);
        Assert.DoesNotContain("COUNT", sql, StringComparison.OrdinalIgnoreCase);
        var columns = sql[..sql.IndexOf("FROM", StringComparison.Ordinal)];
        Assert.Contains("\"Name\"", columns);
        Assert.Contains("\"Id\"", columns);
        foreach (var unselected in new[] { "\"Settings\"", "\"CreatedAt\"", "\"Visibility\"", "\"OwnerId\"" })
            Assert.DoesNotContain(unselected, columns);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TotalCount_costs_one_count_query_only_when_selected(DatabaseProvider provider)
    {
        await using var schema = await ListSchema.CreateAsync(provider);
        var counted = await schema.DataAsync(
            """{ projects(where: { name: { startsWith: "e" } }, first: 1) { totalCount nodes { name } } }""", "projects");
        Assert.Equal(2, counted.GetProperty("totalCount").GetInt32());
        Assert.Single(ListSchema.Names(counted));
        Assert.Equal(2, schema.Sql.Commands.Count);
        Assert.Single(schema.Sql.Commands, c => c.Contains("COUNT(*)", StringComparison.OrdinalIgnoreCase));

        await schema.DataAsync("""{ projects(first: 1) { nodes { name } pageInfo { hasNextPage } } }""", "projects");
        Assert.DoesNotContain("COUNT", Assert.Single(schema.Sql.Commands), StringComparison.OrdinalIgnoreCase);

        // Only the count asked for: no rows are read at all.
        var onlyCount = await schema.DataAsync("""{ projects { totalCount } }""", "projects");
        Assert.Equal(ListSchema.Projects.Length, onlyCount.GetProperty("totalCount").GetInt32());
        Assert.Contains("COUNT", Assert.Single(schema.Sql.Commands), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Nested_objects_are_read_in_the_same_select_without_unrequested_columns(DatabaseProvider provider)
    {
        await using var schema = await ListSchema.CreateAsync(provider);
        var page = await schema.DataAsync(
            """{ annotations(where: { name: { eq: "wt-1" } }) { edges { node { name category { name project { name owner { userName } } } } } } }""",
            "annotations");
        var node = page.GetProperty("edges")[0].GetProperty("node");
        Assert.Equal("WT", node.GetProperty("category").GetProperty("name").GetString());
        Assert.Equal("alice", node.GetProperty("category").GetProperty("project").GetProperty("owner").GetProperty("userName").GetString());

        var sql = Assert.Single(schema.Sql.Commands);
        Assert.Contains("JOIN", sql);
        foreach (var unselected in new[] { "\"PasswordHash\"", "\"Settings\"", "\"Status\"", "\"SecurityStamp\"" })
            Assert.DoesNotContain(unselected, sql);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Filter_values_are_sent_as_parameters_not_inlined(DatabaseProvider provider)
    {
        await using var schema = await ListSchema.CreateAsync(provider);
        var response = await schema.DataAsync("""{ projects(where: { name: { eq: "x'); DROP TABLE \"Projects\"; --" } }) { nodes { name } } }""", "projects");
        Assert.Empty(ListSchema.Names(response));
        Assert.DoesNotContain("DROP", Assert.Single(schema.Sql.Commands));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Fields_with_their_own_resolvers_get_the_columns_they_declare(DatabaseProvider provider)
    {
        await using var schema = await ListSchema.CreateAsync(provider);
        var categories = await schema.DataAsync(
            """{ categories(where: { name: { eq: "KO" } }) { nodes { projectKey project { id } } } }""", "categories");
        var node = categories.GetProperty("nodes")[0];
        Assert.Equal(node.GetProperty("project").GetProperty("id").GetString(), node.GetProperty("projectKey").GetString());
        Assert.Contains("\"ProjectId\"", Assert.Single(schema.Sql.Commands));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Where_order_and_cursors_work_as_variables(DatabaseProvider provider)
    {
        await using var schema = await ListSchema.CreateAsync(provider);
        const string query = """
            query ($where: ProjectFilter, $order: [ProjectSort!], $after: String) {
              projects(where: $where, order: $order, first: 1, after: $after) { nodes { name } pageInfo { endCursor hasNextPage } }
            }
            """;
        var variables = new Dictionary<string, object?>
        {
            ["where"] = new Dictionary<string, object?> { ["name"] = new Dictionary<string, object?> { ["in"] = new List<object?> { "Alpha", "Eta" } } },
            ["order"] = new List<object?> { new Dictionary<string, object?> { ["createdAt"] = "ASC" } },
        };
        var first = await schema.DataAsync(query, "projects", variables);
        Assert.Equal(["Alpha"], ListSchema.Names(first));
        variables["after"] = first.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var second = await schema.DataAsync(query, "projects", variables);
        Assert.Equal(["Eta"], ListSchema.Names(second));
        Assert.False(second.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_in_list_is_one_array_parameter_however_long(DatabaseProvider provider)
    {
        await using var schema = await ListSchema.CreateAsync(provider);
        var names = string.Join(",", Enumerable.Range(0, 500).Select(i => $"\"n{i}\"").Append("\"Alpha\""));
        var page = await schema.DataAsync($"{{ projects(where: {{ name: {{ in: [{names}] }}, createdAt: {{ nin: [] }} }}) {{ nodes {{ name }} }} }}", "projects");
        Assert.Equal(["Alpha"], ListSchema.Names(page));

        var sql = Assert.Single(schema.Sql.Commands);
        // One parameter for 501 values (and one for the empty list): json_each on SQLite, = ANY on PostgreSQL,
        // not an OR per value nor EF Core 10's default of a parameter per value.
        Assert.Contains(provider == DatabaseProvider.Sqlite ? "json_each(" : "= ANY (", sql);
        var where = sql[sql.IndexOf("WHERE", StringComparison.Ordinal)..sql.IndexOf("ORDER BY", StringComparison.Ordinal)];
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(where, @"@\w+").Select(m => m.Value).Distinct().Count());
        Assert.DoesNotContain(" OR ", sql);
    }
}
