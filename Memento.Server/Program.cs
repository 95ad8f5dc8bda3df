using Memento.Server.Pages.Galleries;
using Memento.Server.Auth;
using Memento.Server.Endpoints;
using Memento.Server.Endpoints.DatasetApi;
using Memento.Server.Hosting;
using Memento.Server.Jobs;

// A table of contents: each line wires one area; the details live in Hosting/, Auth/ and Endpoints/.
var (hostArgs, command) = Commands.Split(args);
// Options are read once at start-up. Watching appsettings.json for changes watches the whole content root, and with
// it the data directory run-server.sh keeps there: every tile ingest writes woke the watcher (0.5 s of CPU per
// 20000² image, taken from vips).
var builder = WebApplication.CreateBuilder([.. hostArgs, "--hostBuilder:reloadConfigOnChange=false"]);
builder.AddMementoConfiguration(hostArgs);
builder.AddMementoHosting();
builder.AddMementoDatabase();
builder.AddMementoAccounts();
builder.AddMementoImaging();
builder.AddMementoApi();
builder.AddDatasetApi();
builder.Services.AddRazorComponents();
builder.Services.AddProjectEditorPages();
builder.Services.AddDatasetPages();

var app = builder.Build();
if (command is not null)
    return await Commands.RunAsync(app.Services, command, CommandConsole.System);

app.UseMementoSecurityHeaders();
app.UseMementoErrorHandling();
app.UseRouting(); // after forwarded headers and the error handler, so short-circuited endpoints (tiles) keep both
app.UseMementoStaticFiles();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.UseWebSockets(new() { KeepAliveInterval = TimeSpan.Zero }); // GraphQL over WebSocket at /graphql; its protocol pings itself

app.MapHealthChecks("/health");
app.MapLoginEndpoints();
app.MapAccountEndpoints();
app.MapHomePages();
app.MapUserAdminPages();
app.MapProjectPickerPages();
app.MapSetupEndpoints();
app.MapTileEndpoints();
app.MapImageLinkEndpoints();
app.MapProjectEditorPages();
app.MapCategoryPages();
app.MapSharePages();
app.MapViewerPages();
app.MapExportEndpoints();
app.MapDatasetPages();
app.MapVocabularyPages();
app.MapMementoApi();
app.MapDatasetApi();
app.MapGalleryPages();

await app.RunAsync();
return 0;

/// <summary>Entry point; public so tests can host the server with WebApplicationFactory.</summary>
public partial class Program;
