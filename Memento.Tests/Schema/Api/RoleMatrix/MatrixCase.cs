using System.Text.Json;
using Memento.GraphQL.Execution;
using Memento.GraphQL.Types;
using Memento.Imaging.Tiles;
using Memento.Domain.Accounts;
using Memento.Schema.Api;
using Memento.Schema.Api.Common;
using Memento.Domain.Data;
using Memento.Domain.Services;
using Memento.Domain.Services.Images;
using Memento.Server.Auth;
using Memento.Server.Hosting;
using Memento.Server.Jobs;
using Memento.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Memento.Tests.Schema.Api.RoleMatrix;

/// <summary>
/// One matrix cell's private copy of the world and the services a request gets in the host: the domain services,
/// accounts, the host's cookie sign-in and image-file handling, and the schema wrapped in the resolver gate, as
/// Memento.Server wires them. Requests go straight to the executor with the caller in the request items.
/// </summary>
public sealed class MatrixCase : IAsyncDisposable
{
    private static readonly Lazy<GraphQLSchema> Schema = new(() =>
    {
        using var prototype = Services(Path.GetTempPath(), new TestClock(MatrixWorld.Now));
        return ResolverGate.Apply(MementoApiSchema.Build(prototype.GetRequiredService<IServiceProviderIsService>()));
    });

    private readonly string directory;
    private readonly ServiceProvider services;

    private MatrixCase(MatrixWorld world, string directory)
    {
        World = world;
        this.directory = directory;
        services = Services(directory, new TestClock(MatrixWorld.Now));
    }

    public MatrixWorld World { get; }

    public string DatabaseFile => Path.Combine(directory, MementoDatabase.SqliteFileName);

    public static GraphQLSchema ServedSchema => Schema.Value;

    public static async Task<MatrixCase> CreateAsync()
    {
        var (world, template) = await MatrixTemplate.GetAsync();
        var directory = Path.Combine(Path.GetTempPath(), "memento-tests", "role-matrix-case-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        File.Copy(template, Path.Combine(directory, MementoDatabase.SqliteFileName));
        return new MatrixCase(world, directory);
    }

    public static MementoDbContext Context(string directory)
    {
        var options = new DbContextOptionsBuilder<MementoDbContext>();
        MementoDatabase.Configure(options, null, directory);
        return new MementoDbContext(options.Options);
    }

    /// <summary>Runs one GraphQL request as <paramref name="caller"/> (a name from <see cref="MatrixWorld.Callers"/>).</summary>
    public async Task<JsonElement> RunAsync(string caller, string operation, IReadOnlyDictionary<string, object?>? variables)
    {
        await using var scope = services.CreateAsyncScope();
        // The host's sign-in works on the current HTTP exchange; give it one, as Kestrel would.
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext =
            new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        if (operation.TrimStart().StartsWith("subscription", StringComparison.Ordinal))
            return await SubscribeAsync(scope.ServiceProvider, caller, operation, variables);
        // A generous budget: the budget has its own tests, and a loaded CI machine must not turn slow into failed.
        var result = await new GraphQLExecutor(new ExecutionOptions { RequestTimeout = TimeSpan.FromSeconds(60) }).ExecuteAsync(new ExecutionRequest
        {
            Schema = ServedSchema, Query = operation, Variables = variables, Services = scope.ServiceProvider,
            RequestItems = new Dictionary<string, object?> { [ApiCaller.Key] = World.As(caller) },
        });
        return JsonDocument.Parse(result.ToJson()).RootElement.Clone();
    }

    /// <summary>
    /// A subscription's answer for the matrix: its subscribe-time error, else its first event (fields that send the
    /// current state at once), else an empty response (opened, nothing happened yet). The stream is then closed.
    /// </summary>
    private async Task<JsonElement> SubscribeAsync(IServiceProvider scoped, string caller, string operation,
        IReadOnlyDictionary<string, object?>? variables)
    {
        using var stop = new CancellationTokenSource();
        var result = await new GraphQLExecutor(new ExecutionOptions { RequestTimeout = TimeSpan.FromSeconds(60) }).SubscribeAsync(new ExecutionRequest
        {
            Schema = ServedSchema, Query = operation, Variables = variables, Services = scoped,
            RequestItems = new Dictionary<string, object?> { [ApiCaller.Key] = World.As(caller) },
            EventServices = () => services.CreateScope(), CancellationToken = stop.Token,
        });
        if (result.Error is { } error) return JsonDocument.Parse(error.ToJson()).RootElement.Clone();
        await using var events = result.Stream!.GetAsyncEnumerator(stop.Token);
        var next = events.MoveNextAsync().AsTask();
        if (await Task.WhenAny(next, Task.Delay(TimeSpan.FromMilliseconds(300))) == next && await next)
            return JsonDocument.Parse(events.Current.ToJson()).RootElement.Clone();
        await stop.CancelAsync();
        try { await next; } catch (OperationCanceledException) { }
        return JsonDocument.Parse("{}").RootElement.Clone();
    }

    public Task<DatabaseFingerprint> FingerprintAsync() => DatabaseFingerprint.ReadAsync(DatabaseFile);

    /// <summary>A real file to send as an Upload variable (the HTTP layer hands resolvers the same view of a part).</summary>
    public IUploadedFile Upload(string name, byte[] content)
    {
        var path = Path.Combine(directory, "upload-" + Guid.NewGuid().ToString("N"));
        File.WriteAllBytes(path, content);
        return new FileUpload(name, path);
    }

    private static ServiceProvider Services(string directory, TimeProvider clock)
    {
        var services = new ServiceCollection();
        services.AddSingleton(clock);
        services.AddLogging();
        services.AddScoped(_ => Context(directory));
        services.AddScoped(sp => new ContainerDeletion(sp.GetRequiredService<MementoDbContext>(), directory));
        services.AddMementoDomainServices();
        services.AddSingleton(MatrixWorld.ShareLinkSecret);
        services.AddSingleton(Options.Create(new AccountOptions()));
        services.AddScoped<AccountService>();
        // Every caller signs in once per case; the budget per address is the host's concern, not the matrix's.
        services.AddSingleton(new SignInThrottle(attemptsPerMinute: 10_000));
        services.AddHttpContextAccessor();
        services.AddAuthentication().AddCookie(AuthSchemes.Cookie);
        services.AddScoped<ISessionSignIn, CookieSessionSignIn>();
        services.AddSingleton(Options.Create(new MementoOptions { DataDirectory = directory }));
        services.AddSingleton<JobSignal>();
        services.AddSingleton<IIngestSignal>(sp => sp.GetRequiredService<JobSignal>());
        services.AddSingleton(new ImageDirectories(directory));
        services.AddSingleton(_ => new TileUrlSigner(
            TileSigningKey.LoadOrCreate(Path.Combine(directory, "secrets", "tile-signing.key")), clock));
        services.AddSingleton<ITileDirectoryResolver, ReadyImageDirectories>();
        services.AddSingleton(new TileFileCache(0));
        services.AddScoped<IImageFiles, ImageFiles>();
        return services.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        SqliteConnection.ClearPool(new SqliteConnection(MementoDatabase.SqliteConnectionString(DatabaseFile)));
        try { Directory.Delete(directory, recursive: true); }
        catch (IOException) { /* a leftover temp folder must not fail the case that used it */ }
    }

    private sealed class FileUpload(string fileName, string path) : IUploadedFile
    {
        public string FileName => fileName;
        public string ContentType => "application/octet-stream";
        public long Length => new FileInfo(path).Length;
        public Stream OpenReadStream() => File.OpenRead(path);
        public bool TryMoveTo(string destination) => false;
    }
}
