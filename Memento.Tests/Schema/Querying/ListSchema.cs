using System.Text.Json;
using Memento.GraphQL.Execution;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Querying;
using Memento.Domain.Data;
using Memento.Domain.Model;
using Memento.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Memento.Tests.Schema.Querying;

/// <summary>
/// A small schema built with the querying helpers over the real MementoDbContext, on a migrated, seeded database:
/// projects (owned by users), categories of the project "Alpha", and their annotations.
/// </summary>
internal sealed class ListSchema : IAsyncDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Project names with their creation day offsets from T0; days 2 and 5 have ties.</summary>
    public static readonly (string Name, int Day, string? Owner)[] Projects =
    [
        ("Alpha", 0, "alice"), ("beta", 1, "bob"), ("Gamma ray", 2, "alice"), ("delta", 2, null), ("Epsilon", 3, null),
        ("100% done", 4, null), ("1000 cells", 5, "bob"), ("zeta_1", 5, null), ("Eta", 5, null),
    ];

    private readonly TestDatabase _database;
    private readonly MementoDbContext _db;
    private readonly GraphQLExecutor _executor = new();

    private ListSchema(TestDatabase database, MementoDbContext db, SqlRecorder recorder, ConnectionOptions? options)
    {
        _database = database;
        _db = db;
        Sql = recorder;
        Schema = Build(db, options);
    }

    public GraphQLSchema Schema { get; }

    public SqlRecorder Sql { get; }

    public static async Task<ListSchema> CreateAsync(DatabaseProvider provider, ConnectionOptions? options = null)
    {
        var database = await TestDatabase.CreateMigratedAsync(provider);
        await using (var seed = database.Context()) await SeedAsync(seed);
        var recorder = new SqlRecorder();
        var builder = new DbContextOptionsBuilder<MementoDbContext>();
        MementoDatabase.Configure(builder, database.ConnectionString, database.DataDirectory);
        builder.AddInterceptors(recorder);
        return new ListSchema(database, new MementoDbContext(builder.Options), recorder, options);
    }

    /// <summary>Runs a document; the response as JSON. SQL recorded before it is cleared first.</summary>
    public async Task<JsonElement> RunAsync(string query, Dictionary<string, object?>? variables = null)
    {
        Sql.Clear();
        var result = await _executor.ExecuteAsync(new ExecutionRequest { Schema = Schema, Query = query, Variables = variables });
        return JsonDocument.Parse(result.ToJson()).RootElement;
    }

    /// <summary>Runs a document that must succeed; the data under <paramref name="field"/>.</summary>
    public async Task<JsonElement> DataAsync(string query, string field, Dictionary<string, object?>? variables = null)
    {
        var response = await RunAsync(query, variables);
        Assert.False(response.TryGetProperty("errors", out var errors), errors.ToString());
        return response.GetProperty("data").GetProperty(field);
    }

    public static string[] Names(JsonElement connection) =>
        connection.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()!).ToArray();

    public static string FirstError(JsonElement response) =>
        response.GetProperty("errors")[0].GetProperty("message").GetString()!;

    private static GraphQLSchema Build(MementoDbContext db, ConnectionOptions? options)
    {
        // PasswordHash, SecurityStamp and the like are never declared, so they can be neither read nor filtered on.
        var user = new QueryableType<User>("User").Field(u => u.UserName, Allow.FilterAndSort);
        var project = new QueryableType<Project>("Project")
            .Field(p => p.Name, Allow.FilterAndSort)
            .Field(p => p.CreatedAt, Allow.FilterAndSort)
            .Field(p => p.Visibility, Allow.Filter)
            .Field(p => p.Settings)
            .Reference(p => p.Owner, user, filter: true);
        var annotation = new QueryableType<Annotation>("Annotation")
            .Field(a => a.Name, Allow.FilterAndSort)
            .Field(a => a.Status, Allow.Filter)
            .Field(a => a.SubmittedAt, Allow.Filter);
        var category = new QueryableType<Category>("Category")
            .Field(c => c.Name, Allow.FilterAndSort)
            .Reference(c => c.Project, project, filter: true)
            .FilterThrough(c => c.Annotations, annotation)
            // A field with its own resolver (as a DataLoader-backed field would be) that needs a column besides the key.
            .Resolve(new FieldDefinition("projectKey", ScalarType.ID.NonNull(),
                context => new ValueTask<object?>(((Category)context.Source!).ProjectId)), c => c.ProjectId);
        annotation.Reference(a => a.Category, category, filter: true);

        var query = new Memento.GraphQL.Types.ObjectType("Query");
        query.AddField(ConnectionField.For("projects", project, _ => db.Projects, options));
        query.AddField(ConnectionField.For("categories", category, _ => db.Categories, options));
        query.AddField(ConnectionField.For("annotations", annotation, _ => db.Annotations, options));
        return new GraphQLSchema(query);
    }

    private static async Task SeedAsync(MementoDbContext db)
    {
        var users = new Dictionary<string, User>
        {
            ["alice"] = new() { UserName = "alice", NormalizedUserName = "ALICE", PasswordHash = "secret-hash-a", CreatedAt = T0 },
            ["bob"] = new() { UserName = "bob", NormalizedUserName = "BOB", PasswordHash = "secret-hash-b", CreatedAt = T0 },
        };
        db.Users.AddRange(users.Values);
        foreach (var (name, day, owner) in Projects)
        {
            db.Projects.Add(new Project
            {
                Name = name, CreatedAt = T0.AddDays(day), Owner = owner is null ? null : users[owner], Settings = "secret:" + name,
            });
            // One at a time: ids then follow this order, which tests rely on for ties (EF Core may reorder a batch).
            await db.SaveChangesAsync();
        }

        var alpha = await db.Projects.SingleAsync(p => p.Name == "Alpha");
        var wt = new Category { Project = alpha, Name = "WT", CreatedAt = T0 };
        var ko = new Category { Project = alpha, Name = "KO", CreatedAt = T0 };
        var mixed = new Category { Project = alpha, Name = "Mixed", CreatedAt = T0 };
        var beta = new Category { Project = await db.Projects.SingleAsync(p => p.Name == "beta"), Name = "WT", CreatedAt = T0 };
        db.Categories.AddRange(wt, ko, mixed, beta);
        db.Annotations.AddRange(
            new Annotation { Category = wt, Name = "wt-1", Status = AnnotationStatus.Submitted, SubmittedAt = T0.AddDays(1), CreatedAt = T0 },
            new Annotation { Category = wt, Name = "wt-2", CreatedAt = T0 },
            new Annotation { Category = ko, Name = "ko-1", CreatedAt = T0 },
            new Annotation { Category = ko, Name = "ko-2", Status = AnnotationStatus.Submitted, SubmittedAt = T0.AddDays(3), CreatedAt = T0 },
            new Annotation { Category = beta, Name = "beta-wt-1", Status = AnnotationStatus.Submitted, SubmittedAt = T0.AddDays(2), CreatedAt = T0 });
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        await _database.DisposeAsync();
    }
}
