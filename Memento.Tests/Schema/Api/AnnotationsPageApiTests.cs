using System.Data.Common;
using System.Text.Json;
using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Memento.Domain.Model;
using Memento.Domain.Services;
using Memento.Domain.Services.Images;
using Memento.GraphQL.Execution;
using Memento.GraphQL.Types;
using Memento.Schema.Api;
using Memento.Schema.Api.Common;
using Memento.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Memento.Tests.Schema.Api;

/// <summary>
/// The viewer sidebar's API (issue 14): annotationsPage pages a category of thousands in the database, and each
/// annotation's badges (needsLabels, hasComments, shared, previewUrl) load for a whole page in a constant number of
/// SQL commands. Callers keep their view: an annotation participant pages only its own annotation, and a viewer is
/// never told about share links.
/// </summary>
public sealed class AnnotationsPageApiTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private const string PageQuery = """
        query ($c: Long!, $o: Int!, $f: Int!) {
          annotationsPage(categoryId: $c, offset: $o, first: $f) {
            items { id name needsLabels hasComments shared previewUrl classifications { option } }
            hasMore total
          }
        }
        """;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_page_of_100_costs_as_many_commands_as_a_page_of_5_and_every_badge_is_right(DatabaseProvider provider)
    {
        await using var database = await databases.CreateMigratedAsync(provider);
        var world = await SeedAsync(database);
        var counter = new CommandCounter();
        await using var services = Services(database, counter);
        var participant = Caller.ForUser(world.ProPar);

        var (small, smallCost) = await PageAsync(services, counter, participant, world.Category, 0, 5);
        var (big, bigCost) = await PageAsync(services, counter, participant, world.Category, 0, 100);

        Assert.True(bigCost == smallCost, $"{bigCost} SQL commands for a page of 100, {smallCost} for 5: the count must not grow.");
        // Category read check, page, count, flags, participation of the shared ones, preview images, choices.
        Assert.True(bigCost <= 8, $"{bigCost} SQL commands; expected at most 8.");
        Assert.Equal(5, small.GetProperty("items").GetArrayLength());
        Assert.Equal(100, big.GetProperty("items").GetArrayLength());
        Assert.Equal(World.Count, big.GetProperty("total").GetInt32());
        Assert.True(big.GetProperty("hasMore").GetBoolean());

        var byName = big.GetProperty("items").EnumerateArray().ToDictionary(a => a.GetProperty("name").GetString()!);
        // a000: an image layer (preview), labels to set; a001: a comment; a002: an active link; a003: submitted;
        // a004: an expired link and a revoked one; a005: classified. Every 10th has the comment, too.
        Assert.StartsWith($"https://files.test/{world.Image}/", byName["a000"].GetProperty("previewUrl").GetString());
        Assert.EndsWith("thumbnail.jpg", byName["a000"].GetProperty("previewUrl").GetString());
        Assert.Equal(JsonValueKind.Null, byName["a001"].GetProperty("previewUrl").ValueKind);
        Assert.True(byName["a000"].GetProperty("needsLabels").GetBoolean());
        Assert.False(byName["a003"].GetProperty("needsLabels").GetBoolean());
        Assert.True(byName["a001"].GetProperty("hasComments").GetBoolean());
        Assert.False(byName["a002"].GetProperty("hasComments").GetBoolean());
        Assert.True(byName["a002"].GetProperty("shared").GetBoolean());
        Assert.False(byName["a004"].GetProperty("shared").GetBoolean());
        Assert.False(byName["a001"].GetProperty("shared").GetBoolean());
        Assert.Equal(["2"], byName["a005"].GetProperty("classifications").EnumerateArray().Select(c => c.GetProperty("option").GetString()));
        // Annotations beyond the first page are all there, in name order, none twice.
        var (second, _) = await PageAsync(services, counter, participant, world.Category, 100, 100);
        var names = big.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray())
            .Select(a => a.GetProperty("name").GetString()).ToList();
        Assert.Equal(Enumerable.Range(0, World.Count).Select(i => $"a{i:000}"), names);
        Assert.False(second.GetProperty("hasMore").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_viewer_sees_no_share_badge_and_an_annotation_participant_pages_only_its_own(DatabaseProvider provider)
    {
        await using var database = await databases.CreateMigratedAsync(provider);
        var world = await SeedAsync(database);
        var counter = new CommandCounter();
        await using var services = Services(database, counter);

        var (viewer, _) = await PageAsync(services, counter, Caller.ForUser(world.ProVie), world.Category, 0, 10);
        var shared = viewer.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "a002");
        Assert.False(shared.GetProperty("shared").GetBoolean());
        Assert.True(shared.GetProperty("needsLabels").GetBoolean()); // the rest of the badges are the viewer's too

        var (own, _) = await PageAsync(services, counter, Caller.ForUser(world.AnnPar), world.Category, 0, 25);
        var item = Assert.Single(own.GetProperty("items").EnumerateArray());
        Assert.Equal("a002", item.GetProperty("name").GetString());
        Assert.True(item.GetProperty("shared").GetBoolean()); // it takes part in a002: it is told
        Assert.Equal(1, own.GetProperty("total").GetInt32());
        Assert.False(own.GetProperty("hasMore").GetBoolean());

        // Outside the project: refused like the category itself, nothing listed.
        var outsider = await RunAsync(services, Caller.ForUser(world.Outsider), PageQuery,
            new() { ["c"] = world.Category, ["o"] = 0, ["f"] = 5 });
        Assert.True(outsider.TryGetProperty("errors", out var errors), outsider.ToString());
        Assert.Equal("FORBIDDEN", errors[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.DoesNotContain("a00", outsider.ToString());
    }

    [Theory]
    [InlineData(101, 0, "first", "first must be between 1 and 100, not 101.")]
    [InlineData(0, 0, "first", "first must be between 1 and 100, not 0.")]
    [InlineData(25, -1, "offset", "offset must be 0 or more, not -1.")]
    public async Task A_page_size_or_offset_out_of_bounds_is_a_clear_validation_error(int first, int offset, string field, string message)
    {
        await using var database = await databases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        var world = await SeedAsync(database);
        await using var services = Services(database, new CommandCounter());

        var response = await RunAsync(services, Caller.ForUser(world.ProPar), PageQuery,
            new() { ["c"] = world.Category, ["o"] = offset, ["f"] = first });

        var error = Assert.Single(response.GetProperty("errors").EnumerateArray());
        Assert.Equal(message, error.GetProperty("message").GetString());
        Assert.Equal("VALIDATION", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(field, error.GetProperty("extensions").GetProperty("field").GetString());
        Assert.Equal(JsonValueKind.Null, response.GetProperty("data").ValueKind);
    }

    [Fact]
    public async Task A_page_past_the_end_is_empty_and_keeps_the_total()
    {
        await using var database = await databases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        var world = await SeedAsync(database);
        var counter = new CommandCounter();
        await using var services = Services(database, counter);

        var (past, _) = await PageAsync(services, counter, Caller.ForUser(world.ProPar), world.Category, 5000, 25);

        Assert.Equal(0, past.GetProperty("items").GetArrayLength());
        Assert.False(past.GetProperty("hasMore").GetBoolean());
        Assert.Equal(World.Count, past.GetProperty("total").GetInt32());
    }

    // ───────────────────────────── running ─────────────────────────────

    private static async Task<(JsonElement Page, int Commands)> PageAsync(ServiceProvider services, CommandCounter counter,
        Caller caller, long category, int offset, int first)
    {
        counter.Reset();
        var response = await RunAsync(services, caller, PageQuery, new() { ["c"] = category, ["o"] = offset, ["f"] = first });
        var commands = counter.Count;
        Assert.False(response.TryGetProperty("errors", out _), response.ToString());
        return (response.GetProperty("data").GetProperty("annotationsPage"), commands);
    }

    private static async Task<JsonElement> RunAsync(ServiceProvider services, Caller caller, string query,
        Dictionary<string, object?> variables)
    {
        await using var scope = services.CreateAsyncScope();
        // Commands are counted, not time: the request budget would fail this on a busy machine.
        var result = await new GraphQLExecutor(new ExecutionOptions { RequestTimeout = null }).ExecuteAsync(new ExecutionRequest
        {
            Schema = Schema(services), Query = query, Variables = variables, Services = scope.ServiceProvider,
            RequestItems = new Dictionary<string, object?> { [ApiCaller.Key] = caller },
        }).WaitAsync(TimeSpan.FromMinutes(2));
        return JsonDocument.Parse(result.ToJson()).RootElement.Clone();
    }

    private static GraphQLSchema? schema;

    private static GraphQLSchema Schema(IServiceProvider services) => schema ??= ApiServices.Schema(services);

    /// <summary>The API's services as ApiServices builds them, with image files signed by a fake host.</summary>
    private static ServiceProvider Services(TestDatabase database, CommandCounter counter)
    {
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(new TestClock(Now));
        collection.AddScoped(_ => database.Context(counter));
        collection.AddScoped(sp => new ContainerDeletion(sp.GetRequiredService<MementoDbContext>(), database.DataDirectory));
        collection.AddMementoDomainServices();
        collection.AddLogging();
        collection.AddOptions<Memento.Domain.Accounts.AccountOptions>();
        collection.AddScoped<Memento.Domain.Accounts.AccountService>();
        collection.AddSingleton<IImageFiles, FakeImageFiles>();
        return collection.BuildServiceProvider();
    }

    private sealed class FakeImageFiles : IImageFiles
    {
        public string SignedPrefix(long imageId, string storageDirectory, Caller caller) => $"https://files.test/{imageId}/sig/";
    }

    // ───────────────────────────── seeding ─────────────────────────────

    private sealed record World(long Category, long Image, long ProPar, long ProVie, long AnnPar, long Outsider)
    {
        public const int Count = 150;
    }

    private static async Task<World> SeedAsync(TestDatabase database)
    {
        await using var db = database.Context();
        var users = new[] { "owner", "propar", "provie", "annpar", "outsider" }.Select(name => new User
        {
            UserName = name, NormalizedUserName = User.Normalize(name), CreatedAt = Now,
        }).ToArray();
        db.Users.AddRange(users);
        var project = new Project { Name = "Sidebar", CreatedAt = Now, Owner = users[0] };
        db.Labels.Add(new Label { Project = project, Name = "Tumour" });
        var image = new Image { Project = project, Name = "cells.png", FormatCode = 2, UploadedAt = Now,
            State = ImageProcessingState.Ready, StorageDirectory = "v1", Bands = 3 };
        var grade = new Classification { Project = project, Name = "Grade", TypeCode = "M", OptionData = "1,2,3" };
        var category = new Category { Project = project, Name = "Kidney", CreatedAt = Now };
        category.Classifications.Add(grade);
        for (var i = 0; i < World.Count; i++)
        {
            var annotation = new Annotation { Category = category, Name = $"a{i:000}", CreatedAt = Now };
            var layer = new Layer { Name = "L", Sequence = 1, CreatedAt = Now, Kind = i % 6 == 0 ? LayerKind.Image : LayerKind.Drawing,
                Image = i % 6 == 0 ? image : null };
            if (i % 6 == 1 || i % 10 == 1) layer.Comments.Add(new Comment { Author = users[0], Text = "note", CreatedAt = Now });
            annotation.Layers.Add(layer);
            if (i % 6 == 2) annotation.ShareLinks.Add(Link(users[0], expires: null, revoked: null, $"active{i}"));
            if (i % 6 == 3) { annotation.Status = AnnotationStatus.Submitted; annotation.SubmittedAt = Now; }
            if (i % 6 == 4)
            {
                annotation.ShareLinks.Add(Link(users[0], expires: Now.AddHours(-1), revoked: null, $"expired{i}"));
                annotation.ShareLinks.Add(Link(users[0], expires: null, revoked: Now.AddHours(-2), $"revoked{i}"));
            }
            if (i % 6 == 5)
                annotation.ClassificationChoices.Add(new ClassificationChoice { Classification = grade, SelectedOption = "2",
                    ChosenBy = users[1], ChosenAt = Now });
            category.Annotations.Add(annotation);
        }
        db.Add(category);
        await db.SaveChangesAsync();
        var shared = category.Annotations.Single(a => a.Name == "a002").Id;
        db.Permissions.AddRange(
            new Permission { UserId = users[1].Id, Role = PermissionRole.ProPar, ScopeId = project.Id, GrantedAt = Now },
            new Permission { UserId = users[2].Id, Role = PermissionRole.ProVie, ScopeId = project.Id, GrantedAt = Now },
            new Permission { UserId = users[3].Id, Role = PermissionRole.AnnPar, ScopeId = shared, GrantedAt = Now });
        await db.SaveChangesAsync();
        return new World(category.Id, image.Id, users[1].Id, users[2].Id, users[3].Id, users[4].Id);
    }

    private static ShareLink Link(User by, DateTimeOffset? expires, DateTimeOffset? revoked, string token) => new()
    {
        TokenHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token))),
        CreatedBy = by, CreatedAt = Now.AddDays(-1), ExpiresAt = expires, RevokedAt = revoked,
    };

    /// <summary>Counts every command EF Core sends.</summary>
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

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command,
            CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return ValueTask.FromResult(result);
        }
    }
}
