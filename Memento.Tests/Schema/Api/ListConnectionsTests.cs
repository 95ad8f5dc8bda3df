using System.Text.Json;
using Memento.GraphQL.Execution;
using Memento.Schema.Api;
using Memento.Schema.Api.Common;
using Memento.Schema.Api.Querying;
using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Memento.Domain.Model;
using Memento.Domain.Services;
using Memento.Tests.Schema.Querying;
using Memento.Tests.Domain.Services.Support;
using Memento.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Memento.Tests.Schema.Api;

/// <summary>
/// The product API's top-level lists as Relay connections: paging both ways with cursors, limits, filters, orders
/// and totalCount, each run as one SQL query that reads only the selected columns, over only what the caller may
/// see. The ServiceWorld's project Kidney gets <see cref="Extra"/> more images (127 in all).
/// </summary>
public sealed class ListConnectionsTests
{
    private const int Extra = 125;
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>One seeded extra image, as the tests compute expected pages from it.</summary>
    private sealed record Seeded(long Id, string Name, string Title, string Description, int FormatCode, DateTimeOffset UploadedAt);

    private sealed class Api : IAsyncDisposable
    {
        public required ServiceWorld World { get; init; }
        public required ServiceProvider Services { get; init; }
        public required SqlRecorder Sql { get; init; }
        public required List<Seeded> Images { get; init; }

        public async ValueTask DisposeAsync()
        {
            await Services.DisposeAsync();
            await World.DisposeAsync();
        }

        public async Task<JsonElement> Run(string role, string query)
        {
            await using var scope = Services.CreateAsyncScope();
            var result = await new GraphQLExecutor(new ExecutionOptions { ExposeExceptionDetails = true }).ExecuteAsync(new ExecutionRequest
            {
                Schema = MementoApiSchema.Build(Services.GetRequiredService<IServiceProviderIsService>()),
                Query = query, Services = scope.ServiceProvider,
                RequestItems = new Dictionary<string, object?> { [ApiCaller.Key] = World.As(role) },
            });
            return JsonDocument.Parse(result.ToJson()).RootElement;
        }

        /// <summary>The connection under <paramref name="field"/> of a request that must succeed; SQL recorded afresh.</summary>
        public async Task<JsonElement> Page(string role, string query, string field = "images")
        {
            Sql.Clear();
            var response = await Run(role, query);
            Assert.False(response.TryGetProperty("errors", out _), response.ToString());
            return response.GetProperty("data").GetProperty(field);
        }
    }

    private static async Task<Api> CreateAsync(DatabaseProvider provider)
    {
        var world = await ServiceWorld.CreateAsync(provider);
        var images = new List<Seeded>();
        await using (var db = world.NewContext())
        {
            for (var i = 0; i < Extra; i++)
            {
                var image = new Image
                {
                    ProjectId = world.Kidney, Name = $"img-{i:D3}", FormatCode = 1 + i % 5, UploadedAt = T0.AddHours(i),
                    // Three titles in a repeating pattern, so ordering by title leaves ties for the second key.
                    Title = (i % 3) switch { 0 => "Cortex", 1 => "Medulla", _ => "Pelvis" },
                    Description = i % 2 == 0 ? $"DAPI nuclei, field {i}" : $"membrane marker, field {i}",
                    State = ImageProcessingState.Ready,
                };
                db.Images.Add(image);
            }
            await db.SaveChangesAsync();
            images.AddRange(db.Images.Where(i => i.Name.StartsWith("img-")).AsEnumerable()
                .Select(i => new Seeded(i.Id, i.Name, i.Title, i.Description, i.FormatCode, i.UploadedAt)));
        }
        var recorder = new SqlRecorder();
        return new Api { World = world, Services = ApiServices.Build(world.Clock, () => world.NewContext(recorder), world.DataDirectory), Sql = recorder, Images = images };
    }

    private static string[] Names(JsonElement connection) =>
        connection.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()!).ToArray();

    private static string[] EdgeNames(JsonElement connection) =>
        connection.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("name").GetString()!).ToArray();

    private static string? Text(JsonElement element, string name) =>
        element.GetProperty(name).ValueKind == JsonValueKind.Null ? null : element.GetProperty(name).GetString();

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Images_page_forwards_and_backwards_with_cursors_and_pageInfo(DatabaseProvider provider)
    {
        await using var api = await CreateAsync(provider);
        var all = api.Images.Select(i => i.Name).Concat(["ko1.png", "wt1.png"]).Order(StringComparer.Ordinal).ToList();
        const string shape = "{{ images(projectId: {0}, order: [{{name: ASC}}], {1}) {{ edges {{ cursor node {{ name }} }} pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }} }} }}";

        var forward = new List<string>();
        string? after = null;
        var pages = 0;
        while (true)
        {
            var page = await api.Page("proadm", string.Format(shape, api.World.Kidney, after is null ? "first: 50" : $"first: 50, after: \"{after}\""));
            var info = page.GetProperty("pageInfo");
            var names = EdgeNames(page);
            forward.AddRange(names);
            pages++;
            Assert.Equal(after is not null, info.GetProperty("hasPreviousPage").GetBoolean());
            Assert.Equal(page.GetProperty("edges")[0].GetProperty("cursor").GetString(), Text(info, "startCursor"));
            after = Text(info, "endCursor");
            Assert.Equal(page.GetProperty("edges")[names.Length - 1].GetProperty("cursor").GetString(), after);
            if (!info.GetProperty("hasNextPage").GetBoolean()) break;
            Assert.Equal(50, names.Length);
        }
        Assert.Equal(3, pages);
        Assert.Equal(all, forward);

        var backward = new List<string>();
        string? before = null;
        while (true)
        {
            var page = await api.Page("proadm", string.Format(shape, api.World.Kidney, before is null ? "last: 50" : $"last: 50, before: \"{before}\""));
            var info = page.GetProperty("pageInfo");
            backward.InsertRange(0, EdgeNames(page));
            Assert.Equal(before is not null, info.GetProperty("hasNextPage").GetBoolean());
            before = Text(info, "startCursor");
            if (!info.GetProperty("hasPreviousPage").GetBoolean()) break;
        }
        Assert.Equal(all, backward);
    }

    [Fact]
    public async Task A_page_larger_than_the_maximum_is_a_validation_error_and_no_query()
    {
        await using var api = await CreateAsync(DatabaseProvider.Sqlite);
        api.Sql.Clear();
        var response = await api.Run("proadm", $"{{ images(projectId: {api.World.Kidney}, first: 201) {{ nodes {{ name }} }} }}");
        var error = response.GetProperty("errors")[0];
        Assert.Equal(QueryingErrors.PageSizeTooLarge("first", 201, ConnectionOptions.Default.MaxPageSize), error.GetProperty("message").GetString());
        Assert.Equal("VALIDATION", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Null, response.GetProperty("data").ValueKind);
        // The permission check may read; the list itself must not have run.
        Assert.DoesNotContain(api.Sql.Commands, c => c.Contains("\"Images\"", StringComparison.Ordinal) && c.Contains("LIMIT", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Where_combines_and_or_contains_in_and_date_ranges(DatabaseProvider provider)
    {
        await using var api = await CreateAsync(provider);
        var from = T0.AddHours(10);
        var to = T0.AddHours(60);
        var page = await api.Page("proadm", $$"""
            { images(projectId: {{api.World.Kidney}}, first: 200, where: {
                and: [
                  { description: { contains: "NUCLEI" } },
                  { or: [ { formatCode: { in: [1, 2] } }, { name: { startsWith: "IMG-12" } } ] },
                  { uploadedAt: { gte: "{{from:O}}", lt: "{{to:O}}" } }
                ] }) { totalCount nodes { name } } }
            """);
        var expected = api.Images
            .Where(i => i.Description.Contains("nuclei", StringComparison.OrdinalIgnoreCase)
                && (i.FormatCode is 1 or 2 || i.Name.StartsWith("img-12", StringComparison.OrdinalIgnoreCase))
                && i.UploadedAt >= from && i.UploadedAt < to)
            .OrderBy(i => i.Id).Select(i => i.Name).ToArray();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Names(page));
        Assert.Equal(expected.Length, page.GetProperty("totalCount").GetInt32());

        var rest = await api.Page("proadm", $$"""
            { images(projectId: {{api.World.Kidney}}, first: 200, where: { name: { nin: ["wt1.png", "ko1.png"] }, formatCode: { gt: 4 } }) { nodes { name } } }
            """);
        Assert.Equal(api.Images.Where(i => i.FormatCode > 4).OrderBy(i => i.Id).Select(i => i.Name), Names(rest));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Where_filters_through_nested_objects(DatabaseProvider provider)
    {
        await using var api = await CreateAsync(provider);
        const string query = """{{ images(projectId: {0}, where: {{ project: {{ owner: {{ username: {{ eq: "{1}" }} }} }}, name: {{ startsWith: "w" }} }}) {{ nodes {{ name }} }} }}""";
        var owned = await api.Page("proadm", string.Format(query, api.World.Kidney, "owner"));
        Assert.Equal(["wt1.png"], Names(owned));
        Assert.Contains("JOIN", Assert.Single(api.Sql.Commands, c => c.Contains("LIMIT", StringComparison.Ordinal)));
        var other = await api.Page("proadm", string.Format(query, api.World.Kidney, "outsider"));
        Assert.Empty(Names(other));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Order_by_two_keys_breaks_ties_with_the_second(DatabaseProvider provider)
    {
        await using var api = await CreateAsync(provider);
        var page = await api.Page("proadm", $$"""
            { images(projectId: {{api.World.Kidney}}, first: 20, where: { name: { startsWith: "img-" } }, order: [{title: DESC}, {uploadedAt: DESC}]) { nodes { name title } } }
            """);
        var expected = api.Images.OrderByDescending(i => i.Title, StringComparer.Ordinal).ThenByDescending(i => i.UploadedAt)
            .Take(20).Select(i => i.Name).ToArray();
        Assert.Equal(expected, Names(page));
        Assert.Equal("Pelvis", page.GetProperty("nodes")[0].GetProperty("title").GetString());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_page_is_one_select_of_the_selected_columns_and_totalCount_one_count(DatabaseProvider provider)
    {
        await using var api = await CreateAsync(provider);
        var page = await api.Page("proadm",
            $$"""{ images(projectId: {{api.World.Kidney}}, first: 5, where: { title: { eq: "Medulla" } }) { nodes { name uri } } }""");
        Assert.Equal(5, Names(page).Length);
        var list = Assert.Single(api.Sql.Commands, c => c.Contains("\"Images\"", StringComparison.Ordinal) && c.Contains("LIMIT", StringComparison.Ordinal));
        Assert.DoesNotContain(api.Sql.Commands, c => c.Contains("COUNT", StringComparison.OrdinalIgnoreCase) && c.Contains("\"Images\"", StringComparison.Ordinal));
        Assert.Contains("\"Title\" = ", list);
        var columns = list[..list.IndexOf("FROM", StringComparison.Ordinal)];
        Assert.Contains("\"Name\"", columns);
        // uri is computed from the type and external URL: both read, and nothing else the page does not show.
        Assert.Contains("\"ExternalUrl\"", columns);
        foreach (var unselected in new[] { "\"Description\"", "\"Title\"", "\"Width\"", "\"StorageDirectory\"", "\"ChannelStatisticsJson\"" })
            Assert.DoesNotContain(unselected, columns);

        var counted = await api.Page("proadm",
            $$"""{ images(projectId: {{api.World.Kidney}}, first: 5, where: { title: { eq: "Medulla" } }) { totalCount nodes { name } } }""");
        Assert.Equal(api.Images.Count(i => i.Title == "Medulla"), counted.GetProperty("totalCount").GetInt32());
        Assert.Single(api.Sql.Commands, c => c.Contains("\"Images\"", StringComparison.Ordinal) && c.Contains("LIMIT", StringComparison.Ordinal));
        Assert.Single(api.Sql.Commands, c => c.Contains("COUNT", StringComparison.OrdinalIgnoreCase) && c.Contains("\"Images\"", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_category_participant_lists_only_the_images_of_its_category(DatabaseProvider provider)
    {
        await using var api = await CreateAsync(provider);
        // ko1.png is in the same project, shown by a layer of the sibling category KO only.
        var page = await api.Page("catpar", $$"""{ images(projectId: {{api.World.Kidney}}, where: { name: { in: ["ko1.png", "wt1.png"] } }) { totalCount nodes { name } } }""");
        Assert.Equal(["wt1.png"], Names(page));
        Assert.Equal(1, page.GetProperty("totalCount").GetInt32());
        var everything = await api.Page("catpar", $$"""{ images(projectId: {{api.World.Kidney}}, first: 200) { totalCount } }""");
        Assert.Equal(1, everything.GetProperty("totalCount").GetInt32());

        var response = await api.Run("outsider", $$"""{ images(projectId: {{api.World.Kidney}}) { totalCount } }""");
        Assert.Equal("FORBIDDEN", response.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Users_are_a_connection_for_system_administrators_only()
    {
        await using var api = await CreateAsync(DatabaseProvider.Sqlite);
        var page = await api.Page("sysadm", """{ users(first: 3, order: [{username: DESC}]) { totalCount nodes { username isSysadm } } }""", "users");
        Assert.Equal(api.World.Users.Count, page.GetProperty("totalCount").GetInt32());
        Assert.Equal(api.World.Users.Keys.Order(StringComparer.Ordinal).Reverse().Take(3),
            page.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("username").GetString()));
        Assert.DoesNotContain(api.Sql.Commands, c => c.Contains("PasswordHash", StringComparison.Ordinal));

        var refused = await api.Run("proadm", "{ users { totalCount } }");
        Assert.Equal("FORBIDDEN", refused.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Projects_hold_only_what_the_caller_can_open_and_filter_by_owner()
    {
        await using var api = await CreateAsync(DatabaseProvider.Sqlite);
        var outsider = await api.Page("outsider", "{ projects { nodes { name } } }", "projects");
        Assert.Equal(["Open"], Names(outsider));
        var catpar = await api.Page("catpar", """{ projects(order: [{name: DESC}]) { nodes { name } } }""", "projects");
        Assert.Equal(["Open", "Kidney"], Names(catpar));
        var owned = await api.Page("catpar", """{ projects(where: { owner: { username: { eq: "owner" } } }) { nodes { name } } }""", "projects");
        Assert.Equal(["Kidney"], Names(owned));
    }

    [Fact]
    public async Task Comments_and_members_read_user_names_in_the_same_select_and_filter_by_user()
    {
        await using var api = await CreateAsync(DatabaseProvider.Sqlite);
        await using (var db = api.World.NewContext())
        {
            foreach (var (author, text) in new[] { ("catpar", "first look"), ("annpar", "agreed"), ("catpar", "done") })
                db.Comments.Add(new Comment { LayerId = api.World.LayerWt1, AuthorId = api.World.Users[author], Text = text, CreatedAt = T0 });
            await db.SaveChangesAsync();
        }
        var comments = await api.Page("catvie",
            $$"""{ comments(layerId: {{api.World.LayerWt1}}, where: { author: { username: { eq: "catpar" } } }, order: [{id: DESC}]) { nodes { text authorName } } }""",
            "comments");
        Assert.Equal(["done", "first look"], comments.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("text").GetString()));
        Assert.All(comments.GetProperty("nodes").EnumerateArray(), n => Assert.Equal("catpar", n.GetProperty("authorName").GetString()));
        var sql = Assert.Single(api.Sql.Commands, c => c.Contains("\"Comments\"", StringComparison.Ordinal) && c.Contains("LIMIT", StringComparison.Ordinal));
        Assert.Contains("\"UserName\"", sql);
        Assert.DoesNotContain("PasswordHash", sql);

        var members = await api.Page("proadm",
            $$"""{ members(scope: PROJECT, scopeId: {{api.World.Kidney}}, where: { user: { username: { startsWith: "pro" } }, role: { neq: PRO_ADM } }) { totalCount nodes { userName code } } }""",
            "members");
        Assert.Equal(["propar", "provie"], members.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("userName").GetString()).Order());
        Assert.Equal(2, members.GetProperty("totalCount").GetInt32());
    }
}
