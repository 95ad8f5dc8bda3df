using System.Text.Json;
using Memento.GraphQL.Execution;
using Memento.GraphQL.Types;
using Memento.Schema.Api;
using Memento.Schema.Api.Common;
using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Memento.Domain.Services;
using Memento.Tests.Domain.Services.Support;
using Memento.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Memento.Tests.Schema.Api;

/// <summary>
/// Loader-backed nested fields and ordinary (gated) resolvers in one request, with the resolver gate applied as the
/// server applies it: one DbContext serves them all, so neither may hang waiting for the other nor run beside it.
/// </summary>
public sealed class LoaderGateTests : IAsyncDisposable
{
    private ServiceWorld world = null!;
    private ServiceProvider services = null!;
    private GraphQLSchema schema = null!;

    // On PostgreSQL the queries are truly asynchronous, so a batch running beside another query would throw there;
    // SQLite's driver completes them synchronously and hides such overlaps.
    private async Task StartAsync(DatabaseProvider provider)
    {
        world = await ServiceWorld.CreateAsync(provider);
        services = ApiServices.Build(world.Clock, () => world.NewContext(), world.DataDirectory);
        schema = ResolverGate.Apply(MementoApiSchema.Build(services.GetRequiredService<IServiceProviderIsService>()));
    }

    public async ValueTask DisposeAsync()
    {
        if (services is not null) await services.DisposeAsync();
        if (world is not null) await world.DisposeAsync();
    }

    private async Task<JsonElement> Data(Caller caller, string query)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await new GraphQLExecutor(new ExecutionOptions { RequestTimeout = TimeSpan.FromSeconds(25) }).ExecuteAsync(new ExecutionRequest
            {
                Schema = schema, Query = query, Services = scope.ServiceProvider,
                RequestItems = new Dictionary<string, object?> { [ApiCaller.Key] = caller },
            })
            // A loader awaited while its batch cannot get the gate would hang: fail instead.
            .WaitAsync(TimeSpan.FromSeconds(30));
        var response = JsonDocument.Parse(result.ToJson()).RootElement;
        Assert.False(response.TryGetProperty("errors", out _), response.ToString());
        return response.GetProperty("data");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Gated_root_fields_and_loader_backed_nested_fields_complete_together_with_the_right_data(
        DatabaseProvider provider)
    {
        await StartAsync(provider);
        var query = $$"""
            {
              kidney: project(id: {{world.Kidney}}) { categories { name annotations { name labels { name } layers { name comments { id } regions { id } image { name licences } } } } }
              wt: category(id: {{world.WT}}) { name annotations { name layers { image { name } } } classifications { name } }
              dapi: layer(id: {{world.LayerKo1}}) { name comments { id } image { name state } }
              mine: myProjects { name }
              ko1: annotation(id: {{world.Ko1}}) { name layers { name } }
            }
            """;
        // Several runs: the fields interleave differently each time, and any overlap on the DbContext would throw.
        for (var run = 0; run < 5; run++)
        {
            var data = await Data(world.As("proadm"), query);
            var categories = data.GetProperty("kidney").GetProperty("categories");
            Assert.Equal(["KO", "WT"], categories.EnumerateArray().Select(c => c.GetProperty("name").GetString()));
            Assert.Equal(["wt1", "wt2"], data.GetProperty("wt").GetProperty("annotations").EnumerateArray()
                .Select(a => a.GetProperty("name").GetString()));
            Assert.Equal("wt1.png", data.GetProperty("wt").GetProperty("annotations")[0].GetProperty("layers")[0]
                .GetProperty("image").GetProperty("name").GetString());
            Assert.Equal("ko1.png", data.GetProperty("dapi").GetProperty("image").GetProperty("name").GetString());
            Assert.Equal(["Kidney", "Open"], data.GetProperty("mine").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
            Assert.Equal(["DAPI"], data.GetProperty("ko1").GetProperty("layers").EnumerateArray()
                .Select(l => l.GetProperty("name").GetString()));
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_anonymous_share_link_holder_reads_its_layers_comments_and_image_through_the_nested_fields(
        DatabaseProvider provider)
    {
        await StartAsync(provider);
        var catpar = world.As("catpar");
        var token = (await Data(catpar, $$"""mutation { createShareLink(input: {annotationId: {{world.Wt1}}}) { token } }"""))
            .GetProperty("createShareLink").GetProperty("token").GetString();
        await Data(catpar, $$"""mutation { addComment(input: {layerId: {{world.LayerWt1}}, content: "look here"}) { comment { id } } }""");

        var shared = (await Data(Caller.Anonymous, $$"""
            { sharedItem(token: "{{token}}") { annotation { name layers { name comments { text authorName } regions { id } image { name } } } } }
            """)).GetProperty("sharedItem").GetProperty("annotation");

        Assert.Equal("wt1", shared.GetProperty("name").GetString());
        var layer = Assert.Single(shared.GetProperty("layers").EnumerateArray());
        var comment = Assert.Single(layer.GetProperty("comments").EnumerateArray());
        Assert.Equal("look here", comment.GetProperty("text").GetString());
        Assert.Equal("catpar", comment.GetProperty("authorName").GetString());
        Assert.Equal("wt1.png", layer.GetProperty("image").GetProperty("name").GetString());
    }
}
