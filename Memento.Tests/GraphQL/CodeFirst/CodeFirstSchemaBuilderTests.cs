using System.ComponentModel;
using Memento.GraphQL.CodeFirst;
using Memento.GraphQL.Errors;
using Memento.GraphQL.Execution;
using Memento.GraphQL.Http;
using Memento.GraphQL.Types;
using Memento.GraphQL.Utilities;
using Microsoft.Extensions.DependencyInjection;
using static Memento.Tests.GraphQL.Execution.ExecutionHarness;

namespace Memento.Tests.GraphQL.CodeFirst;

public enum ReviewStatus
{
    Pending,
    InReview,
    Accepted,
    [GraphQLDeprecated("Use ACCEPTED.")]
    Approved,
}

[Description("A research project.")]
public sealed record Project(int Id, string Name, string? Summary, ReviewStatus Status)
{
    [Description("Tags, most used first.")]
    public IReadOnlyList<string> Tags { get; init; } = [];

    [GraphQLName("title")]
    public string DisplayName => Name.ToUpperInvariant();

    [GraphQLIgnore]
    public string Secret => "hidden";

    public IEnumerable<Image> Images(int first = 2) => Enumerable.Range(1, first).Select(i => new Image($"{Id}-{i}"));
}

public sealed record Image([property: GraphQLId] string Key);

public sealed record CreateProjectInput(string Name, string? Summary = null, ReviewStatus Status = ReviewStatus.Pending);

/// <summary>A store the resolvers get from the request services.</summary>
public sealed class ProjectStore
{
    public List<Project> Projects { get; } = [new(1, "Cells", null, ReviewStatus.InReview), new(2, "Nuclei", "DAPI", ReviewStatus.Accepted)];
}

public sealed class ProjectQueries
{
    [Description("The project with this id, or null.")]
    public async Task<Project?> GetProjectAsync([GraphQLId] int id, [Service] ProjectStore store, CancellationToken cancellationToken)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        return store.Projects.FirstOrDefault(p => p.Id == id);
    }

    public IReadOnlyList<Project> Projects(ProjectStore store, ReviewStatus? status = null) =>
        store.Projects.Where(p => status is null || p.Status == status).ToList();

    [GraphQLDeprecated("Use projects.")]
    public int Count(ProjectStore store) => store.Projects.Count;

    public string Caller(IResolveContext context) => (string)context.RequestItems["user"]!;

    public async IAsyncEnumerable<int> Countdown(int from = 3)
    {
        for (var i = from; i > 0; i--)
        {
            await Task.Yield();
            yield return i;
        }
    }

    public string Forbidden() => throw new GraphQLException("Not yours.", "FORBIDDEN");
}

public sealed class ProjectMutations
{
    public Project CreateProject(CreateProjectInput input, ProjectStore store)
    {
        var project = new Project(store.Projects.Count + 1, input.Name, input.Summary, input.Status);
        store.Projects.Add(project);
        return project;
    }
}

[GraphQLExtends(typeof(Project))]
public sealed class ProjectExtensions
{
    [Description("How many images the project has.")]
    [GraphQLMetadata("cost.kind", "computed")]
    public int ImageCount([Parent] Project project) => project.Id * 10;
}

/// <summary>Code-first schemas read like the C# they come from.</summary>
public class CodeFirstSchemaBuilderTests
{
    private static (GraphQLSchema Schema, IServiceProvider Services) Build()
    {
        var services = new ServiceCollection().AddSingleton<ProjectStore>().BuildServiceProvider();
        var schema = new CodeFirstSchemaBuilder(services.GetRequiredService<IServiceProviderIsService>())
            .AddQueryType<ProjectQueries>()
            .AddMutationType<ProjectMutations>()
            .AddType<ProjectExtensions>()
            .Build();
        return (schema, services);
    }

    [Fact]
    public void Names_nullability_arguments_defaults_and_descriptions_follow_the_CSharp()
    {
        var sdl = SchemaPrinter.Print(Build().Schema);
        Assert.Contains(""""
            type Query {
              """The project with this id, or null."""
              project(id: ID!): Project
              projects(status: ReviewStatus = null): [Project!]!
              count: Int! @deprecated(reason: "Use projects.")
              caller: String!
              countdown(from: Int! = 3): [Int!]!
              forbidden: String!
            }
            """", sdl);
        Assert.Contains(""""
            """A research project."""
            type Project {
              id: Int!
              name: String!
              summary: String
              status: ReviewStatus!

              """Tags, most used first."""
              tags: [String!]!
              title: String!
              images(first: Int! = 2): [Image!]!

              """How many images the project has."""
              imageCount: Int!
            }
            """", sdl);
        Assert.Contains("""
            enum ReviewStatus {
              PENDING
              IN_REVIEW
              ACCEPTED
              APPROVED @deprecated(reason: "Use ACCEPTED.")
            }
            """, sdl);
        Assert.Contains("""
            input CreateProjectInput {
              name: String!
              summary: String
              status: ReviewStatus! = PENDING
            }
            """, sdl);
        Assert.Contains("type Image {\n  key: ID!\n}", sdl);
        Assert.DoesNotContain("secret", sdl);
    }

    [Fact]
    public void Metadata_attributes_reach_the_field_definition_and_nothing_else()
    {
        var project = (ObjectType)Build().Schema.GetType("Project")!;
        Assert.Equal("computed", project.GetField("imageCount")!.Metadata["cost.kind"]);
        Assert.Empty(project.GetField("images")!.Metadata);
    }

    [Fact]
    public async Task Resolvers_get_arguments_services_parents_context_and_cancellation()
    {
        var (schema, services) = Build();
        var result = await new GraphQLExecutor().ExecuteAsync(new ExecutionRequest
        {
            Schema = schema,
            Services = services,
            RequestItems = new Dictionary<string, object?> { ["user"] = "ada" },
            Query = """
                { project(id: 2) { title summary status imageCount images(first: 1) { key } }
                  projects(status: IN_REVIEW) { id }
                  caller countdown }
                """,
        });
        AssertJson("""
            { 'data': { 'project': { 'title': 'NUCLEI', 'summary': 'DAPI', 'status': 'ACCEPTED', 'imageCount': 20, 'images': [ { 'key': '2-1' } ] },
                        'projects': [ { 'id': 1 } ], 'caller': 'ada', 'countdown': [ 3, 2, 1 ] } }
            """, result.ToJson());
    }

    [Fact]
    public async Task Input_objects_become_records_and_mutations_run()
    {
        var (schema, services) = Build();
        var result = await new GraphQLExecutor().ExecuteAsync(new ExecutionRequest
        {
            Schema = schema,
            Services = services,
            Query = "mutation($input: CreateProjectInput!) { createProject(input: $input) { id name status } }",
            Variables = new Dictionary<string, object?> { ["input"] = new Dictionary<string, object?> { ["name"] = "Mitochondria" } },
        });
        AssertJson("{ 'data': { 'createProject': { 'id': 3, 'name': 'Mitochondria', 'status': 'PENDING' } } }", result.ToJson());
    }

    [Fact]
    public async Task Exceptions_thrown_by_methods_keep_GraphQLException_details()
    {
        var (schema, services) = Build();
        var result = await new GraphQLExecutor().ExecuteAsync(new ExecutionRequest { Schema = schema, Services = services, Query = "{ forbidden }" });
        var error = Assert.Single(result.Errors!);
        Assert.Equal(("Not yours.", "FORBIDDEN"), (error.Message, error.Extensions!["code"]));
    }

    [Fact]
    public void Descriptions_come_from_the_XML_documentation_file_next_to_the_assembly()
    {
        // GraphQLHttpOptions lives in Memento.GraphQL, whose build writes Memento.GraphQL.xml.
        var type = (ObjectType)new CodeFirstSchemaBuilder().AddType<GraphQLHttpOptions>().Build().GetType("GraphQLHttpOptions")!;
        Assert.Equal("Limits and switches of the GraphQL-over-HTTP endpoint. Defaults suit a public API.", type.Description);
        Assert.Equal("Most files in one multipart request. Default 100.", type.GetField("maxFileCount")!.Description);
        Assert.Equal(new NonNullType(ScalarType.Long).ToString(), type.GetField("maxUploadSize")!.Type.ToString());
        Assert.Equal("String", type.GetField("uploadDirectory")!.Type.ToString());
        // The host's page hook is a delegate: behaviour, not a field.
        Assert.Null(type.GetField("queryPage"));
    }
}
