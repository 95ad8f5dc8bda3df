var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/health", () => "ok");
app.Run();

/// <summary>Entry point; public so tests can host the server with WebApplicationFactory.</summary>
public partial class Program;
