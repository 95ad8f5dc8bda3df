using System.Data.Common;
using System.Text.Json;
using Memento.GraphQL.Execution;
using Memento.Schema.Api;
using Memento.Schema.Api.Common;
using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Memento.Domain.Model;
using Memento.Domain.Services;
using Memento.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Memento.Tests.Schema.Api;

/// <summary>
/// Issue 4: a nested query costs a fixed number of SQL commands however many categories, annotations and layers it
/// walks, because each nested field loads through a DataLoader (one query per level) — and the batching keeps every
/// caller's view: a category participant still sees only its category.
/// </summary>
public sealed class NestedQueryCostTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    /// <summary>Every nested list of the hierarchy, down to the layers' comments, regions and image.</summary>
    private const string Query = """
        query ($id: Long!) {
          project(id: $id) {
            id name
            categories {
              id name
              classifications { name }
              annotations {
                id name
                labels { name }
                classifications { classificationId option }
                layers {
                  id name kind
                  image { id name licences }
                  comments { id text authorName }
                  regions { id type shape }
                }
              }
            }
          }
        }
        """;

    // One command per nested field (categories, their classifications, annotations, labels, choices, layers, image,
    // licences, comments, regions) plus the root project's read check and row. One per parent would be thousands.
    private const int Bound = 12;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_nested_query_costs_as_many_commands_for_20x50x4_as_for_2x3x2_for_every_caller(
        DatabaseProvider provider)
    {
        await using var database = await databases.CreateMigratedAsync(provider);
        var counter = new CommandCounter();
        var world = await SeedAsync(database);
        await using var services = Services(database, counter);

        foreach (var (role, caller) in new[]
                 {
                     ("sysadm", Caller.ForUser(world.SysAdm, isSysAdmin: true)),
                     ("catpar", Caller.ForUser(world.CatPar)),
                 })
        {
            var (small, smallCost) = await RunAsync(services, counter, caller, world.Small.Id);
            var (big, bigCost) = await RunAsync(services, counter, caller, world.Big.Id);

            Assert.True(bigCost == smallCost,
                $"{role}: {bigCost} SQL commands for 20x50x4, {smallCost} for 2x3x2; the count must not grow.");
            Assert.True(bigCost <= Bound, $"{role}: {bigCost} SQL commands; expected at most {Bound}.");
            if (role == "sysadm")
            {
                AssertWhole(big, world.Big);
                AssertWhole(small, world.Small);
            }
            else
            {
                AssertOnly(big, world.Big, world.Big.Categories[0]);
                AssertOnly(small, world.Small, world.Small.Categories[0]);
            }
        }
    }

    /// <summary>An annotation participant's batch holds only its own annotation, however many siblings share a level.</summary>
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_annotation_participant_sees_only_its_annotation_in_a_batched_nested_query(
        DatabaseProvider provider)
    {
        await using var database = await databases.CreateMigratedAsync(provider);
        var counter = new CommandCounter();
        var world = await SeedAsync(database);
        await using var services = Services(database, counter);

        var (data, cost) = await RunAsync(services, counter, Caller.ForUser(world.AnnPar), world.Big.Id);

        Assert.True(cost <= Bound, $"annpar: {cost} SQL commands; expected at most {Bound}.");
        var categories = data.GetProperty("project").GetProperty("categories");
        var category = Assert.Single(categories.EnumerateArray());
        Assert.Equal(world.Big.Categories[1].Id, category.GetProperty("id").GetInt64());
        var annotation = Assert.Single(category.GetProperty("annotations").EnumerateArray());
        Assert.Equal(world.AnnParAnnotation, annotation.GetProperty("id").GetInt64());
        Assert.Equal(4, annotation.GetProperty("layers").GetArrayLength());
    }

    // ───────────────────────────── assertions ─────────────────────────────

    /// <summary>Every category, annotation, layer, label, comment and region of the project, under its own parent.</summary>
    private static void AssertWhole(JsonElement data, SeededProject project)
    {
        var categories = data.GetProperty("project").GetProperty("categories");
        Assert.Equal(project.Categories.Select(c => c.Id).Order(),
            categories.EnumerateArray().Select(c => c.GetProperty("id").GetInt64()).Order());
        foreach (var category in categories.EnumerateArray()) AssertCategory(category, project);
    }

    /// <summary>Only <paramref name="visible"/>, complete; none of its siblings nor their annotations.</summary>
    private static void AssertOnly(JsonElement data, SeededProject project, SeededCategory visible)
    {
        var categories = data.GetProperty("project").GetProperty("categories");
        var category = Assert.Single(categories.EnumerateArray());
        Assert.Equal(visible.Id, category.GetProperty("id").GetInt64());
        AssertCategory(category, project);
    }

    private static void AssertCategory(JsonElement category, SeededProject project)
    {
        var seeded = project.Categories.Single(c => c.Id == category.GetProperty("id").GetInt64());
        Assert.Equal(["Fibrosis"], category.GetProperty("classifications").EnumerateArray()
            .Select(c => c.GetProperty("name").GetString()));
        var annotations = category.GetProperty("annotations").EnumerateArray().ToList();
        Assert.Equal(seeded.AnnotationIds.Order(), annotations.Select(a => a.GetProperty("id").GetInt64()).Order());
        foreach (var annotation in annotations)
        {
            Assert.Equal(["Cyst", "Tumour"], annotation.GetProperty("labels").EnumerateArray()
                .Select(l => l.GetProperty("name").GetString()));
            Assert.Equal(1, annotation.GetProperty("classifications").GetArrayLength());
            var layers = annotation.GetProperty("layers").EnumerateArray().ToList();
            Assert.Equal(project.LayersPerAnnotation, layers.Count);
            var annotationName = annotation.GetProperty("name").GetString();
            foreach (var layer in layers)
            {
                var comment = Assert.Single(layer.GetProperty("comments").EnumerateArray());
                // Each comment names its own layer: a batch that mixed up parents would show it elsewhere.
                Assert.Equal($"{annotationName}/{layer.GetProperty("name").GetString()}", comment.GetProperty("text").GetString());
                Assert.Equal("sysadm", comment.GetProperty("authorName").GetString());
                if (layer.GetProperty("kind").GetString() == "IMAGE")
                {
                    Assert.Equal(project.ImageId, layer.GetProperty("image").GetProperty("id").GetInt64());
                    Assert.Equal(["CC-BY-4.0"], layer.GetProperty("image").GetProperty("licences").EnumerateArray()
                        .Select(l => l.GetString()));
                    Assert.Equal(0, layer.GetProperty("regions").GetArrayLength());
                }
                else
                {
                    Assert.Equal(JsonValueKind.Null, layer.GetProperty("image").ValueKind);
                    var region = Assert.Single(layer.GetProperty("regions").EnumerateArray());
                    Assert.Equal("bbox", region.GetProperty("type").GetString());
                }
            }
        }
    }

    // ───────────────────────────── running ─────────────────────────────

    /// <summary>Runs the query as the server does (resolver gate applied) and counts the SQL commands it sent.</summary>
    private static async Task<(JsonElement Data, int Commands)> RunAsync(ServiceProvider services, CommandCounter counter,
        Caller caller, long projectId)
    {
        await using var scope = services.CreateAsyncScope();
        counter.Reset();
        // This test counts commands, not time: the 5 s request budget would fail it on a busy test machine.
        var result = await new GraphQLExecutor(new ExecutionOptions { RequestTimeout = null }).ExecuteAsync(new ExecutionRequest
            {
                Schema = ResolverGate.Apply(MementoApiSchema.Build(services.GetRequiredService<IServiceProviderIsService>())),
                Query = Query, Services = scope.ServiceProvider,
                Variables = new Dictionary<string, object?> { ["id"] = projectId },
                RequestItems = new Dictionary<string, object?> { [ApiCaller.Key] = caller },
            })
            // A loader awaited under the resolver gate would hang here rather than fail.
            .WaitAsync(TimeSpan.FromMinutes(2));
        var commands = counter.Count;
        var response = JsonDocument.Parse(result.ToJson()).RootElement;
        Assert.False(response.TryGetProperty("errors", out _), response.ToString());
        return (response.GetProperty("data"), commands);
    }

    private static ServiceProvider Services(TestDatabase database, CommandCounter counter)
    {
        return ApiServices.Build(TimeProvider.System, () => Context(database, counter), database.DataDirectory);
    }

    private static MementoDbContext Context(TestDatabase database, CommandCounter? counter)
    {
        var options = new DbContextOptionsBuilder<MementoDbContext>();
        MementoDatabase.Configure(options, database.ConnectionString, database.DataDirectory);
        if (counter is not null) options.AddInterceptors(counter);
        return new MementoDbContext(options.Options);
    }

    /// <summary>Counts every command EF Core sends: queries, scalars and non-queries, sync or async.</summary>
    private sealed class CommandCounter : DbCommandInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Reset() => Interlocked.Exchange(ref _count, 0);

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result)
        {
            Interlocked.Increment(ref _count);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command,
            CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result)
        {
            Interlocked.Increment(ref _count);
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command,
            CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result)
        {
            Interlocked.Increment(ref _count);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command,
            CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return ValueTask.FromResult(result);
        }
    }

    // ───────────────────────────── seeding ─────────────────────────────

    private sealed record SeededCategory(long Id, List<long> AnnotationIds);

    private sealed record SeededProject(long Id, long ImageId, int LayersPerAnnotation, List<SeededCategory> Categories);

    /// <summary>Project "Big" (20 x 50 x 4) and "Small" (2 x 3 x 2); catpar on the first category of each,
    /// annpar on one annotation of Big's second category.</summary>
    private sealed record SeededWorld(long SysAdm, long CatPar, long AnnPar, long AnnParAnnotation, SeededProject Big,
        SeededProject Small);

    private static async Task<SeededWorld> SeedAsync(TestDatabase database)
    {
        await using var db = Context(database, counter: null);
        var now = new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);
        var users = new[] { "sysadm", "catpar", "annpar" }.Select(name => new User
        {
            UserName = name, NormalizedUserName = User.Normalize(name), CreatedAt = now, IsSysAdmin = name == "sysadm",
        }).ToArray();
        db.Users.AddRange(users);
        await db.SaveChangesAsync();
        var big = await SeedProjectAsync(db, "Big", 20, 50, 4, users[0].Id, now);
        var small = await SeedProjectAsync(db, "Small", 2, 3, 2, users[0].Id, now);
        var annParAnnotation = big.Categories[1].AnnotationIds[7];
        db.Permissions.AddRange(
            new Permission { UserId = users[1].Id, Role = PermissionRole.CatPar, ScopeId = big.Categories[0].Id, GrantedAt = now },
            new Permission { UserId = users[1].Id, Role = PermissionRole.CatPar, ScopeId = small.Categories[0].Id, GrantedAt = now },
            new Permission { UserId = users[2].Id, Role = PermissionRole.AnnPar, ScopeId = annParAnnotation, GrantedAt = now });
        await db.SaveChangesAsync();
        return new SeededWorld(users[0].Id, users[1].Id, users[2].Id, annParAnnotation, big, small);
    }

    /// <summary>
    /// One project in a single SaveChanges: each annotation carries two labels and a classification choice; its
    /// first layer shows the project's image, the others are drawings with one region; every layer has one comment.
    /// </summary>
    private static async Task<SeededProject> SeedProjectAsync(MementoDbContext db, string name, int categoryCount,
        int annotationCount, int layerCount, long authorId, DateTimeOffset now)
    {
        var project = new Project { Name = name, CreatedAt = now };
        var image = new Image { Project = project, Name = name + ".png", FormatCode = 2, UploadedAt = now,
            State = ImageProcessingState.Ready };
        image.Licences.Add(await db.Licences.SingleAsync(l => l.Id == "CC-BY-4.0"));
        var labels = new[] { new Label { Project = project, Name = "Tumour" }, new Label { Project = project, Name = "Cyst" } };
        var fibrosis = new Classification { Project = project, Name = "Fibrosis", TypeCode = "M", OptionData = "" };
        var categories = new List<Category>();
        for (var c = 0; c < categoryCount; c++)
        {
            var category = new Category { Project = project, Name = $"C{c:D2}", CreatedAt = now };
            category.Classifications.Add(fibrosis);
            for (var a = 0; a < annotationCount; a++)
            {
                var annotation = new Annotation { Category = category, Name = $"{name}-c{c}-a{a}", CreatedAt = now };
                annotation.Labels.AddRange(labels);
                annotation.ClassificationChoices.Add(new ClassificationChoice
                {
                    Classification = fibrosis, ChosenById = authorId, ChosenAt = now, SelectedOption = "",
                });
                for (var l = 0; l < layerCount; l++)
                {
                    var layer = new Layer
                    {
                        Name = $"L{l}", Sequence = l + 1, CreatedAt = now,
                        Kind = l == 0 ? LayerKind.Image : LayerKind.Drawing, Image = l == 0 ? image : null,
                        OwnerId = l == 0 ? null : authorId,
                    };
                    layer.Comments.Add(new Comment { AuthorId = authorId, Text = $"{annotation.Name}/L{l}", CreatedAt = now });
                    if (l > 0)
                        layer.Regions.Add(new Region
                        {
                            Shape = RegionShape.Rectangle, GeometryJson = """{"x":1,"y":2,"w":3,"h":4}""", CreatedAt = now,
                        });
                    annotation.Layers.Add(layer);
                }
                category.Annotations.Add(annotation);
            }
            categories.Add(category);
        }
        db.AddRange(categories);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return new SeededProject(project.Id, image.Id, layerCount,
            categories.Select(c => new SeededCategory(c.Id, c.Annotations.Select(a => a.Id).ToList())).ToList());
    }
}
