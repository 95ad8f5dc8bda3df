using Memento.Schema.Api.Querying;
using Memento.Domain.Data;
using Memento.Tests.Support;

namespace Memento.Tests.Schema.Querying;

/// <summary>The generated <c>where</c> input, executed by the database.</summary>
public class FilteringTests
{
    // Compared in ordinal order: collations order names differently on SQLite and PostgreSQL.
    private static async Task<string[]> ProjectNamesAsync(ListSchema schema, string where) =>
        Sorted(await schema.DataAsync($"{{ projects(where: {where}) {{ nodes {{ name }} }} }}", "projects"));

    private static string[] Sorted(System.Text.Json.JsonElement connection) =>
        ListSchema.Names(connection).Order(StringComparer.Ordinal).ToArray();

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task And_or_combine_conditions(DatabaseProvider provider)
    {
        await using var schema = await ListSchema.CreateAsync(provider);
        Assert.Equal(["Alpha", "Epsilon"], await ProjectNamesAsync(schema,
            """{ or: [{ name: { eq: "Alpha" } }, { and: [{ name: { startsWith: "e" } }, { createdAt: { lt: "2026-03-05T00:00:00Z" } }] }] }"""));
        // Conditions side by side in one object must all hold.
        Assert.Equal(["Gamma ray", "delta"], await ProjectNamesAsync(schema,
            """{ name: { contains: "a" }, createdAt: { eq: "2026-03-03T12:00:00Z" } }"""));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task In_and_nin_match_lists_of_values(DatabaseProvider provider)
    {
        await using var schema = await ListSchema.CreateAsync(provider);
        Assert.Equal(["Alpha", "Eta"], await ProjectNamesAsync(schema, """{ name: { in: ["Eta", "Alpha", "missing"] } }"""));
        Assert.Equal(["100% done", "1000 cells", "Epsilon", "Eta", "Gamma ray", "beta", "delta"],
            await ProjectNamesAsync(schema, """{ name: { nin: ["Alpha", "zeta_1"] } }"""));
        // An empty "in" matches nothing, an empty "nin" everything.
        Assert.Empty(await ProjectNamesAsync(schema, """{ name: { in: [] } }"""));
        Assert.Equal(ListSchema.Projects.Length, (await ProjectNamesAsync(schema, """{ name: { nin: [] } }""")).Length);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Contains_and_startsWith_ignore_case_and_treat_wildcards_literally(DatabaseProvider provider)
    {
        await using var schema = await ListSchema.CreateAsync(provider);
        Assert.Equal(["Gamma ray"], await ProjectNamesAsync(schema, """{ name: { contains: "MMA R" } }"""));
        Assert.Equal(["Epsilon", "Eta"], await ProjectNamesAsync(schema, """{ name: { startsWith: "E" } }"""));
        // As LIKE patterns, "100%" would also match "1000 cells" and "_" any character.
        Assert.Equal(["100% done"], await ProjectNamesAsync(schema, """{ name: { startsWith: "100%" } }"""));
        Assert.Equal(["zeta_1"], await ProjectNamesAsync(schema, """{ name: { contains: "a_" } }"""));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Dates_compare_in_time_order(DatabaseProvider provider)
    {
        await using var schema = await ListSchema.CreateAsync(provider);
        Assert.Equal(["1000 cells", "Eta", "zeta_1"], await ProjectNamesAsync(schema, """{ createdAt: { gt: "2026-03-05T12:00:00Z" } }"""));
        Assert.Equal(["100% done", "1000 cells", "Eta", "zeta_1"], await ProjectNamesAsync(schema, """{ createdAt: { gte: "2026-03-05T12:00:00Z" } }"""));
        // The same instant written with another offset.
        Assert.Equal(["Alpha", "beta"], await ProjectNamesAsync(schema, """{ createdAt: { lte: "2026-03-02T14:00:00+02:00" } }"""));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Enums_ids_and_nulls_filter(DatabaseProvider provider)
    {
        await using var schema = await ListSchema.CreateAsync(provider);
        var submitted = Sorted(await schema.DataAsync(
            """{ annotations(where: { status: { eq: SUBMITTED } }) { nodes { name } } }""", "annotations"));
        Assert.Equal(["beta-wt-1", "ko-2", "wt-1"], submitted);
        var neverSubmitted = Sorted(await schema.DataAsync(
            """{ annotations(where: { submittedAt: { eq: null } }) { nodes { name } } }""", "annotations"));
        Assert.Equal(["ko-1", "wt-2"], neverSubmitted);

        var all = await schema.DataAsync("""{ projects { nodes { id name } } }""", "projects");
        var alphaId = all.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("name").GetString() == "Alpha").GetProperty("id").GetString();
        Assert.Equal(["Alpha"], await ProjectNamesAsync(schema, $$"""{ id: { in: ["{{alphaId}}"] } }"""));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Navigations_filter_through_references_and_collections(DatabaseProvider provider)
    {
        await using var schema = await ListSchema.CreateAsync(provider);
        Assert.Equal(["Alpha", "Gamma ray"], await ProjectNamesAsync(schema, """{ owner: { userName: { eq: "alice" } } }"""));

        var inAlpha = Sorted(await schema.DataAsync(
            """{ annotations(where: { category: { project: { name: { eq: "Alpha" } } } }) { nodes { name } } }""", "annotations"));
        Assert.Equal(["ko-1", "ko-2", "wt-1", "wt-2"], inAlpha);

        async Task<string[]> Categories(string where) => Sorted(await schema.DataAsync(
            $$"""{ categories(where: { project: { name: { eq: "Alpha" } }, annotations: {{where}} }) { nodes { name } } }""", "categories"));
        Assert.Equal(["KO", "WT"], await Categories("{ some: { status: { eq: SUBMITTED } } }"));
        // "all" holds for a category without annotations.
        Assert.Equal(["Mixed"], await Categories("{ all: { status: { eq: SUBMITTED } } }"));
        Assert.Equal(["Mixed"], await Categories("{ none: { name: { contains: \"-\" } } }"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Only_declared_filterable_properties_can_be_filtered_on(DatabaseProvider provider)
    {
        await using var schema = await ListSchema.CreateAsync(provider);
        // Settings is readable but not filterable; PasswordHash is not exposed at all.
        var settings = await schema.RunAsync("""{ projects(where: { settings: { contains: "secret" } }) { nodes { name } } }""");
        Assert.Contains("Field \"settings\" is not defined by type \"ProjectFilter\"", ListSchema.FirstError(settings));
        var hash = await schema.RunAsync("""{ projects(where: { owner: { passwordHash: { startsWith: "s" } } }) { nodes { name } } }""");
        Assert.Contains("Field \"passwordHash\" is not defined by type \"UserFilter\"", ListSchema.FirstError(hash));
        Assert.Empty(schema.Sql.Commands);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task In_lists_up_to_the_limit_match_every_column_type(DatabaseProvider provider)
    {
        await using var schema = await ListSchema.CreateAsync(provider);
        // A full list (the FilterLimits bound) of which only two values exist.
        var names = Enumerable.Range(0, FilterLimits.Default.MaxListItems - 2).Select(i => $"\"missing {i}\"").Append("\"Eta\"").Append("\"beta\"");
        Assert.Equal(["Eta", "beta"], await ProjectNamesAsync(schema, $"{{ name: {{ in: [{string.Join(",", names)}] }} }}"));

        // Enums (stored through a value converter), dates (ticks on SQLite) and a nullable date column.
        Assert.Equal(["ko-1", "wt-2"], Sorted(await schema.DataAsync(
            """{ annotations(where: { status: { nin: [SUBMITTED] } }) { nodes { name } } }""", "annotations")));
        Assert.Equal(["Alpha", "Epsilon"], await ProjectNamesAsync(schema,
            """{ createdAt: { in: ["2026-03-01T12:00:00Z", "2026-03-04T12:00:00Z", "2027-01-01T00:00:00Z"] } }"""));
        Assert.Equal(["wt-1"], Sorted(await schema.DataAsync(
            """{ annotations(where: { submittedAt: { in: ["2026-03-02T12:00:00Z"] } }) { nodes { name } } }""", "annotations")));
        // nin keeps rows without a value, as "not one of these" does in C#.
        Assert.Equal(["beta-wt-1", "ko-1", "ko-2", "wt-2"], Sorted(await schema.DataAsync(
            """{ annotations(where: { submittedAt: { nin: ["2026-03-02T12:00:00Z"] } }) { nodes { name } } }""", "annotations")));
    }
}
