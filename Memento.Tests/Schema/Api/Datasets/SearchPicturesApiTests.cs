using System.Text.Json;
using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Memento.Tests.Domain.Datasets;
using Memento.Tests.Support;

namespace Memento.Tests.Schema.Api.Datasets;

/// <summary>searchPictures over GraphQL: the document's result fields, and bad queries as BAD_QUERY with a position.</summary>
public sealed class SearchPicturesApiTests
{
    private const string Search = """
        query($q: String!, $o: String! = "date-desc") {
          searchPictures(query: $q, ordering: $o, withTotal: true) {
            total
            pictures { id title author nature licences width height fileFormat downloadUrl replaces replacedBy
              regions { type shape object } ratings { average countPerGrade count } }
          }
        }
        """;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Anyone_finds_public_pictures_with_the_documents_fields(DatabaseProvider provider)
    {
        await using var world = await SearchWorld.CreateAsync(provider);
        await world.TypesAsync(("Cat", []));
        var cat = world.Image("a cat", 1, configure: i => i.NatureId = "photo");
        world.Regions(cat, ["Cat"]);
        world.Licences(cat, "CC0-1.0", "MIT");
        world.Rate(cat, 4, 5, 5);
        world.Image("no cat", 2);
        var hidden = world.Image("private cat", 3, inPrivate: true);
        world.Regions(hidden, ["Cat"]);
        await world.SaveAsync();

        var response = await RunAsync(world, Caller.Anonymous, "want: [has: [Cat]]");

        Assert.Equal(JsonValueKind.Undefined, response.TryGetProperty("errors", out var e) ? e.ValueKind : JsonValueKind.Undefined);
        Assert.Equal($$$"""
            {"total":1,"pictures":[{"id":{{{cat.Id}}},"title":"a cat","author":"owner","nature":"photo","licences":["CC0-1.0","MIT"],"width":100,"height":100,"fileFormat":"image/png","downloadUrl":"/pictures/{{{cat.Id}}}/download","replaces":null,"replacedBy":null,"regions":[{"type":"bbox","shape":{"x":0.01,"y":0.02,"w":0.03,"h":0.04},"object":"Cat"}],"ratings":{"average":4.666666666666667,"countPerGrade":[0,0,0,1,2],"count":3}}]}
            """, response.GetProperty("data").GetProperty("searchPictures").GetRawText());
    }

    public static TheoryData<string, string, string, int?, int?> BadQueries => new()
    {
        { "want:\n  - hass: [x]", "date-desc", "Unknown rule 'hass': the accepted rules are has, has_object, nature, licence, author, title, description, origin_url, above_width, above_height, below_width, below_height, before_date, after_date, in_gallery, above_rating, below_rating, above_rating_count, below_rating_count, above_region_count, below_region_count, copied_from.", 2, 5 },
        { "want: [has: [Cat, Unicorn]]", "date-desc", "Unknown object type 'Unicorn'.", 1, 19 },
        { "want: [licence: [CC-BY-9.0]]", "date-desc", "Unknown licence 'CC-BY-9.0'.", 1, 18 },
        { "exclude:\n- nature: [photo, painting]", "date-desc", "Unknown nature 'painting'.", 2, 19 },
        { "want: [has: [Cat]", "date-desc", "The query is not valid YAML: While parsing a flow sequence, did not find expected ',' or ']'.", 2, 1 },
        { "", "newest", "Unknown ordering 'newest': the accepted ones are date-desc, date-asc, title-asc, title-desc, number-regions-desc, number-regions-asc, random.", null, null },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task A_bad_query_is_a_BAD_QUERY_error_with_its_line_and_column(string query, string ordering, string message,
        int? line, int? column)
    {
        await using var world = await SearchWorld.CreateAsync(DatabaseProvider.Sqlite);
        await world.TypesAsync(("Cat", []));

        var response = await RunAsync(world, Caller.Anonymous, query, ordering);

        var error = Assert.Single(response.GetProperty("errors").EnumerateArray());
        Assert.Equal(message, error.GetProperty("message").GetString());
        var extensions = error.GetProperty("extensions");
        Assert.Equal("BAD_QUERY", extensions.GetProperty("code").GetString());
        Assert.Equal(line, extensions.TryGetProperty("line", out var l) ? l.GetInt32() : null);
        Assert.Equal(column, extensions.TryGetProperty("column", out var c) ? c.GetInt32() : null);
    }

    [Fact]
    public async Task A_limit_above_100_is_a_validation_error_naming_limit()
    {
        await using var world = await SearchWorld.CreateAsync(DatabaseProvider.Sqlite);
        var response = await RunAsync(world, Caller.Anonymous, "", limit: 101);
        var error = Assert.Single(response.GetProperty("errors").EnumerateArray());
        Assert.Equal("The limit must be between 1 and 100.", error.GetProperty("message").GetString());
        Assert.Equal("limit", error.GetProperty("extensions").GetProperty("field").GetString());
    }

    private static async Task<JsonElement> RunAsync(SearchWorld world, Caller caller, string query, string ordering = "date-desc",
        int limit = 20)
    {
        await using var services = ApiServices.Build(TimeProvider.System, () => world.Database.Context(), world.Database.DataDirectory);
        return await ApiServices.RunAsync(services, ApiServices.Schema(services), caller,
            Search.Replace("withTotal: true", $"withTotal: true, limit: {limit}"),
            new Dictionary<string, object?> { ["q"] = query, ["o"] = ordering });
    }
}
