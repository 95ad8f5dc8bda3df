using System.Text.Json;
using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Memento.Domain.Services;
using Memento.GraphQL.Execution;
using Memento.GraphQL.Types;
using Memento.Schema.Api;
using Memento.Schema.Api.Common;
using Microsoft.Extensions.DependencyInjection;

namespace Memento.Tests.Support;

/// <summary>
/// The API over a test database without the HTTP host: the domain services, the clock, one DbContext per scope and
/// container deletion, as the server registers them; and one way to run a document as a given caller. Shared by the
/// API test classes so a change to the host's wiring is made once here.
/// </summary>
public static class ApiServices
{
    public static ServiceProvider Build(TimeProvider clock, Func<MementoDbContext> newContext, string dataDirectory)
    {
        var collection = new ServiceCollection();
        collection.AddSingleton(clock);
        collection.AddScoped(_ => newContext());
        collection.AddScoped(sp => new ContainerDeletion(sp.GetRequiredService<MementoDbContext>(), dataDirectory));
        collection.AddMementoDomainServices();
        // Accounts, as the host registers them (the API's user administration needs them).
        collection.AddLogging();
        collection.AddOptions<Memento.Domain.Accounts.AccountOptions>();
        collection.AddScoped<Memento.Domain.Accounts.AccountService>();
        return collection.BuildServiceProvider();
    }

    /// <summary>The schema as the server builds it (resolver gate included).</summary>
    public static GraphQLSchema Schema(IServiceProvider services) =>
        ResolverGate.Apply(MementoApiSchema.Build(services.GetRequiredService<IServiceProviderIsService>()));

    /// <summary>Runs <paramref name="query"/> as <paramref name="caller"/> in a fresh scope; the whole response.</summary>
    public static async Task<JsonElement> RunAsync(IServiceProvider services, GraphQLSchema schema, Caller caller, string query,
        Dictionary<string, object?>? variables = null)
    {
        await using var scope = services.CreateAsyncScope();
        // A generous budget: the budget has its own tests, and a loaded CI machine must not turn slow into failed.
        var result = await new GraphQLExecutor(new ExecutionOptions { RequestTimeout = TimeSpan.FromSeconds(60) }).ExecuteAsync(new ExecutionRequest
        {
            Schema = schema, Query = query, Variables = variables, Services = scope.ServiceProvider,
            RequestItems = new Dictionary<string, object?> { [ApiCaller.Key] = caller },
        });
        return JsonDocument.Parse(result.ToJson()).RootElement;
    }
}
