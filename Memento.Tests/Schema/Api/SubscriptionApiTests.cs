using System.Text.Json;
using Memento.Domain.Authorization;
using Memento.Domain.Events;
using Memento.Domain.Model;
using Memento.Domain.Services.Annotations;
using Memento.Domain.Services.Comments;
using Memento.Domain.Services.Permissions;
using Memento.Domain.Services.ShareLinks;
using Memento.GraphQL.Execution;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;
using Memento.Tests.Domain.Services.Support;
using Memento.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Memento.Tests.Schema.Api;

/// <summary>
/// The subscription fields through the engine (GraphQLExecutor.SubscribeAsync) over the real schema and a test
/// database, with changes made through the domain services as the API and the pages make them.
/// </summary>
public sealed class SubscriptionApiTests : IAsyncLifetime
{
    private ServiceWorld world = null!;
    private ServiceProvider services = null!;
    private GraphQLSchema schema = null!;
    private readonly CancellationTokenSource stop = new(TimeSpan.FromSeconds(90));

    public async Task InitializeAsync()
    {
        world = await ServiceWorld.CreateAsync();
        services = ApiServices.Build(world.Clock, () => world.NewContext(), world.DataDirectory);
        schema = ApiServices.Schema(services);
    }

    public async Task DisposeAsync()
    {
        await stop.CancelAsync();
        stop.Dispose();
        await services.DisposeAsync();
        await world.DisposeAsync();
    }

    /// <summary>One open subscription: its subscribe-time error, or its results one by one.</summary>
    private sealed class Live(JsonElement? error, IAsyncEnumerator<ExecutionResult>? results)
    {
        public JsonElement? Error => error;

        public async Task<JsonElement> NextAsync()
        {
            Assert.Null(error);
            Assert.True(await results!.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20)), "the stream ended");
            return JsonDocument.Parse(results.Current.ToJson()).RootElement;
        }

        /// <summary>True when the stream has ended (within a short wait).</summary>
        public async Task<bool> EndedAsync() => !await results!.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));
    }

    private async Task<Live> Subscribe(Caller caller, string query)
    {
        var scope = services.CreateAsyncScope(); // lives as long as the subscription, as a transport's request does
        var result = await new GraphQLExecutor(new ExecutionOptions { RequestTimeout = TimeSpan.FromSeconds(60) }).SubscribeAsync(
            new ExecutionRequest
            {
                Schema = schema, Query = query, Services = scope.ServiceProvider,
                RequestItems = new Dictionary<string, object?> { [ApiCaller.Key] = caller },
                EventServices = () => services.CreateScope(), CancellationToken = stop.Token,
            });
        return result.Error is { } error
            ? new Live(JsonDocument.Parse(error.ToJson()).RootElement, null)
            : new Live(null, result.Stream!.GetAsyncEnumerator(stop.Token));
    }

    /// <summary>Runs a domain service in its own request scope, as the API or a page would.</summary>
    private async Task<T> As<TService, T>(Func<TService, Task<T>> act) where TService : notnull
    {
        await using var scope = services.CreateAsyncScope();
        return await act(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private static string Code(JsonElement response) =>
        response.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString()!;

    private Task<CommentInfo> Comment(string role, long layerId, string text) =>
        As<CommentService, CommentInfo>(c => c.AddAsync(world.As(role), layerId, text));

    [Fact]
    public async Task An_annotator_sees_another_users_comment_with_the_annotation_as_they_see_it()
    {
        var live = await Subscribe(world.As("catpar"),
            $"subscription {{ categoryEvents(categoryId: {world.WT}) {{ change annotationId categoryId layerId actor annotation {{ id name }} }} }}");
        await Comment("propar", world.LayerWt1, "a glomerulus");

        var e = (await live.NextAsync()).GetProperty("data").GetProperty("categoryEvents");
        Assert.Equal("COMMENTS", e.GetProperty("change").GetString());
        Assert.Equal(world.Wt1, e.GetProperty("annotationId").GetInt64());
        Assert.Equal(world.LayerWt1, e.GetProperty("layerId").GetInt64());
        Assert.Equal("propar", e.GetProperty("actor").GetString());
        Assert.Equal("wt1", e.GetProperty("annotation").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_viewer_of_another_category_is_refused_and_an_annotation_participant_sees_only_its_annotation()
    {
        await As<PermissionService, MemberInfo>(p => p.GrantAsync(world.As("proadm"), world.Users["outsider"], PermissionRole.CatVie, world.KO));
        var other = await Subscribe(world.As("outsider"), $"subscription {{ categoryEvents(categoryId: {world.WT}) {{ annotationId }} }}");
        Assert.Equal(ErrorCodes.Forbidden, Code(other.Error!.Value)); // as category(id) refuses it
        var missing = await Subscribe(world.As("outsider"), "subscription { categoryEvents(categoryId: 999999) { annotationId } }");
        Assert.Equal(ErrorCodes.NotFound, Code(missing.Error!.Value));

        // annpar reads the category but, of its annotations, only wt1.
        var annpar = await Subscribe(world.As("annpar"), $"subscription {{ categoryEvents(categoryId: {world.WT}) {{ annotationId change }} }}");
        await As<AnnotationService, AnnotationInfo>(a => a.SubmitAsync(world.As("propar"), world.Wt2));
        await Comment("propar", world.LayerWt1, "on wt1");
        var first = (await annpar.NextAsync()).GetProperty("data").GetProperty("categoryEvents");
        Assert.Equal((world.Wt1, "COMMENTS"), (first.GetProperty("annotationId").GetInt64(), first.GetProperty("change").GetString()));
    }

    [Fact]
    public async Task A_participant_revoked_mid_stream_stops_receiving_at_once()
    {
        var live = await Subscribe(world.As("catpar"), $"subscription {{ annotationEvents(id: {world.Wt1}) {{ change actor }} }}");
        await Comment("propar", world.LayerWt1, "before");
        Assert.Equal("COMMENTS", (await live.NextAsync()).GetProperty("data").GetProperty("annotationEvents").GetProperty("change").GetString());

        await As<PermissionService, bool>(p => p.RevokeAsync(world.As("proadm"), world.Users["catpar"], PermissionRole.CatPar, world.WT));
        await Comment("propar", world.LayerWt1, "after: not for catpar");
        var last = await live.NextAsync();
        Assert.Equal(ErrorCodes.Forbidden, Code(last));
        Assert.DoesNotContain("propar", last.ToString());
        Assert.True(await live.EndedAsync());
    }

    [Fact]
    public async Task A_share_link_holder_follows_its_annotation_only_and_the_stream_ends_when_the_link_is_revoked()
    {
        var link = await As<ShareLinkService, CreatedShareLink>(s => s.CreateAsync(world.As("propar"), world.Wt1, null));
        var elsewhere = await Subscribe(Caller.Anonymous,
            $"subscription {{ annotationEvents(id: {world.Wt2}, shareToken: \"{link.Token}\") {{ change }} }}");
        Assert.NotNull(elsewhere.Error); // the link opens wt1 alone
        Assert.DoesNotContain("wt2", elsewhere.Error.ToString());

        var live = await Subscribe(Caller.Anonymous,
            $"subscription {{ annotationEvents(id: {world.Wt1}, shareToken: \"{link.Token}\") {{ change actor annotation {{ name }} }} }}");
        await Comment("propar", world.LayerWt1, "seen through the link");
        var e = (await live.NextAsync()).GetProperty("data").GetProperty("annotationEvents");
        Assert.Equal("COMMENTS", e.GetProperty("change").GetString());
        Assert.Equal(JsonValueKind.Null, e.GetProperty("actor").ValueKind); // members' names are not the visitor's
        Assert.Equal("wt1", e.GetProperty("annotation").GetProperty("name").GetString());

        await As<ShareLinkService, bool>(async s => { await s.RevokeAsync(world.As("propar"), link.Link.Id); return true; });
        var last = await live.NextAsync();
        Assert.True(last.TryGetProperty("errors", out _), last.ToString());
        Assert.True(await live.EndedAsync());
    }

    [Fact]
    public async Task Image_progress_starts_with_the_current_state_then_follows_the_conversion()
    {
        var live = await Subscribe(world.As("catvie"), $"subscription {{ imageProgress(id: {world.ImgWt1}) {{ imageId state progressPercent }} }}");
        var first = (await live.NextAsync()).GetProperty("data").GetProperty("imageProgress");
        Assert.Equal((world.ImgWt1, "READY"), (first.GetProperty("imageId").GetInt64(), first.GetProperty("state").GetString()));

        services.GetRequiredService<IEventHub>().Publish(new ImageProgressChanged(world.Kidney, world.ImgKo1, ImageProcessingState.Processing, 10));
        services.GetRequiredService<IEventHub>().Publish(new ImageProgressChanged(world.Kidney, world.ImgWt1, ImageProcessingState.Processing, 42));
        var next = (await live.NextAsync()).GetProperty("data").GetProperty("imageProgress");
        Assert.Equal(("PROCESSING", 42), (next.GetProperty("state").GetString(), next.GetProperty("progressPercent").GetInt32()));

        var refused = await Subscribe(world.As("catvie"), $"subscription {{ imageProgress(id: {world.ImgKo1}) {{ state }} }}");
        Assert.Equal(ErrorCodes.Forbidden, Code(refused.Error!.Value)); // as image(id): KO's image is not catvie's
    }

    [Fact]
    public async Task Project_counters_start_with_the_current_ones_and_follow_a_submit()
    {
        var live = await Subscribe(world.As("propar"),
            $"subscription {{ projectCounters(id: {world.Kidney}) {{ projectId participants annotations submitted shared }} }}");
        var first = (await live.NextAsync()).GetProperty("data").GetProperty("projectCounters");
        Assert.Equal(0, first.GetProperty("submitted").GetInt32());
        Assert.Equal(3, first.GetProperty("annotations").GetInt32());

        await As<AnnotationService, AnnotationInfo>(a => a.SubmitAsync(world.As("catpar"), world.Wt1));
        var next = (await live.NextAsync()).GetProperty("data").GetProperty("projectCounters");
        Assert.Equal((world.Kidney, 1), (next.GetProperty("projectId").GetInt64(), next.GetProperty("submitted").GetInt32()));

        var outsider = await Subscribe(world.As("outsider"), $"subscription {{ projectCounters(id: {world.Kidney}) {{ submitted }} }}");
        Assert.Equal(ErrorCodes.Forbidden, Code(outsider.Error!.Value));
    }
}
