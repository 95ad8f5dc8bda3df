// A bare Kestrel host running the server's real tile endpoint (TileEndpoints + TileLookup, signature check
// included) over one pyramid directory, so wrk measures the endpoint and not the database or the login stack.
// Usage: TileHost <image directory> <port>; prints the signed prefix on its first line.
using Memento.Imaging.Tiles;
using Memento.Server.Endpoints;

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
var signer = new TileUrlSigner(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32), TimeProvider.System);
// The same tile cache as the server with its default budget (Memento:Imaging:TileCacheMegabytes).
builder.Services.AddSingleton(new TileLookup(signer, new OneDirectory(Path.GetFullPath(args[0])), new TileFileCache(128L * 1024 * 1024)));
var app = builder.Build();
app.MapTileEndpoints();
Console.WriteLine(signer.Sign(1, "bench", TimeSpan.FromDays(1)));
await app.RunAsync($"http://127.0.0.1:{args[1]}");

sealed class OneDirectory(string dir) : ITileDirectoryResolver
{
    public ValueTask<string?> ResolveAsync(long imageId, string version, CancellationToken ct) => ValueTask.FromResult<string?>(imageId == 1 ? dir : null);
}
