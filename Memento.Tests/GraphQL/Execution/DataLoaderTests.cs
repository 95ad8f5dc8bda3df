using Memento.GraphQL.Execution;
using Memento.GraphQL.Execution.DataLoader;
using Memento.GraphQL.Types;
using static Memento.Tests.GraphQL.Execution.ExecutionHarness;

namespace Memento.Tests.GraphQL.Execution;

/// <summary>Per-request batching: a nested list costs one round-trip per level, not one per item.</summary>
public class DataLoaderTests
{
    private sealed record Project(int Id);

    private sealed record Image(int Id, int ProjectId);

    private sealed record Annotation(int Id, int ImageId, int CategoryId);

    private sealed record Category(int Id, string Name);

    /// <summary>Stands in for the database: records every batch it is asked for.</summary>
    private sealed class FakeDatabase
    {
        public readonly List<string> Calls = new();

        public async Task<ILookup<int, Image>> ImagesOf(IReadOnlyList<int> projects, CancellationToken _)
        {
            await Task.Delay(5);
            lock (Calls) Calls.Add("images " + string.Join(",", projects));
            return projects.SelectMany(p => Enumerable.Range(0, 3).Select(i => new Image(p * 10 + i, p))).ToLookup(i => i.ProjectId);
        }

        public async Task<ILookup<int, Annotation>> AnnotationsOf(IReadOnlyList<int> images, CancellationToken _)
        {
            await Task.Delay(5);
            lock (Calls) Calls.Add("annotations " + images.Count);
            return images.SelectMany(i => Enumerable.Range(0, 2).Select(a => new Annotation(i * 10 + a, i, a))).ToLookup(a => a.ImageId);
        }

        public async Task<IReadOnlyDictionary<int, Category>> Categories(IReadOnlyList<int> ids, CancellationToken _)
        {
            await Task.Yield();
            lock (Calls) Calls.Add("categories " + string.Join(",", ids.Order()));
            return ids.ToDictionary(id => id, id => new Category(id, "c" + id));
        }
    }

    private static GraphQLSchema BuildSchema(FakeDatabase db)
    {
        var category = new ObjectType("Category");
        category.AddField("name", ScalarType.String);
        var annotation = new ObjectType("Annotation");
        annotation.AddField("id", ScalarType.Int);
        annotation.AddField("category", category, async context =>
            await context.BatchLoader<int, Category>("categories", db.Categories).LoadAsync(((Annotation)context.Source!).CategoryId));
        var image = new ObjectType("Image");
        image.AddField("id", ScalarType.Int);
        image.AddField("annotations", annotation.List(), async context =>
            await context.GroupLoader<int, Annotation>("annotations", db.AnnotationsOf).LoadAsync(((Image)context.Source!).Id));
        var project = new ObjectType("Project");
        project.AddField("id", ScalarType.Int);
        project.AddField("images", image.List(), async context =>
            await context.GroupLoader<int, Image>("images", db.ImagesOf).LoadAsync(((Project)context.Source!).Id));
        var query = new ObjectType("Query");
        query.AddField("projects", project.List(), _ => new ValueTask<object?>(new[] { new Project(1), new Project(2) }));
        return new GraphQLSchema(query);
    }

    [Fact]
    public async Task A_three_level_nested_list_fetches_once_per_level()
    {
        var db = new FakeDatabase();
        var result = await ExecuteAsync(BuildSchema(db), "{ projects { id images { id annotations { id category { name } } } } }");

        Assert.Null(result.Errors);
        // 2 projects → 6 images → 12 annotations, in 3 batches (plus one for the categories they share).
        Assert.Equal(["images 1,2", "annotations 6", "categories 0,1"], db.Calls);
        var json = result.ToJson();
        Assert.Contains("""{"id":10,"annotations":[{"id":100,"category":{"name":"c0"}},{"id":101,"category":{"name":"c1"}}]}""", json);
        Assert.Contains("""{"id":2,"images":[{"id":20""", json);
    }

    [Fact]
    public async Task A_failing_batch_is_an_error_on_every_field_waiting_for_it()
    {
        var query = new ObjectType("Query");
        query.AddField("item", ScalarType.String, async context =>
            await context.BatchLoader<int, string>("failing", (_, _) => throw new InvalidOperationException("db down"))
                .LoadAsync((int)context.Arguments["id"]!))
            .AddArgument(new ArgumentDefinition("id", ScalarType.Int.NonNull()));
        var result = await ExecuteAsync(new GraphQLSchema(query), "{ a: item(id: 1) b: item(id: 2) }");
        Assert.Equal(2, result.Errors!.Count);
        Assert.Equal([["a"], ["b"]], result.Errors.Select(e => e.Path!.ToArray()));
        AssertJson("{ 'a': null, 'b': null }", System.Text.Json.JsonSerializer.Serialize(result.Data));
    }

    private sealed class CountingLoader : BatchDataLoader<int, string>
    {
        public readonly List<int[]> Batches = new();

        protected override Task<IReadOnlyDictionary<int, string>> LoadBatchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
        {
            Batches.Add(keys.ToArray());
            return Task.FromResult<IReadOnlyDictionary<int, string>>(keys.ToDictionary(k => k, k => "v" + k));
        }
    }

    [Fact]
    public async Task Loaders_from_DI_are_one_per_request_and_cache_repeated_keys()
    {
        CountingLoader? seen = null;
        var query = new ObjectType("Query");
        query.AddField("value", ScalarType.String, async context =>
            {
                var loader = context.GetDataLoader<CountingLoader>();
                Assert.True(seen is null || ReferenceEquals(seen, loader));
                seen = loader;
                return await loader.LoadAsync((int)context.Arguments["key"]!);
            })
            .AddArgument(new ArgumentDefinition("key", ScalarType.Int.NonNull()));
        var result = await ExecuteAsync(new GraphQLSchema(query), "{ a: value(key: 1) b: value(key: 2) c: value(key: 1) }");
        AssertJson("{ 'data': { 'a': 'v1', 'b': 'v2', 'c': 'v1' } }", result.ToJson());
        Assert.Equal([[1, 2]], seen!.Batches);
    }
}
