using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Memento.Tests.Server;

/// <summary>
/// kill -9 in the middle of an ingest and of an upload, as a crash or the OOM killer would: the engine's vips process
/// dies with the server, and the restarted server finishes the image at once (not after the one-minute lease) and
/// removes the partial upload.
/// </summary>
public sealed class CrashRecoveryTests : IAsyncLifetime
{
    private const string Password = "crash admin password";
    private static readonly string Slide = "/work/shared/sample-data/wsi/ndpi-fluorescence-DAPI.ndpi";
    private readonly string _data = Directory.CreateTempSubdirectory("memento-crash-").FullName;
    private readonly StringBuilder _log = new();
    private Process? _server;
    private string _url = "";

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }
        _server?.Dispose();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task After_kill_9_mid_conversion_no_vips_survives_and_the_restarted_server_finishes_the_image_promptly_and_removes_the_partial_upload()
    {
        await CreateAdminAsync();
        await StartAsync();
        using var http = await SignedInClientAsync();
        var project = (await GraphQLAsync(http, """mutation { createProject(input: { name: "slides" }) { project { id } } }"""))
            .GetProperty("createProject").GetProperty("project").GetProperty("id").GetInt64();

        // An upload still streaming when the server dies: its temporary file is what a crash leaves behind.
        var stall = new TaskCompletionSource();
        var stalled = http.SendAsync(MultipartUpload(project, "stalled", new StalledContent(stall.Task)));
        var partial = await PollAsync(() => Directory.Exists(IncomingUploads)
            ? Directory.EnumerateFiles(IncomingUploads).FirstOrDefault(f => new FileInfo(f).Length > 0) : null, "a partial upload on disk");

        using var upload = await http.SendAsync(MultipartUpload(project, "DAPI", new ByteArrayContent(await File.ReadAllBytesAsync(Slide))));
        var uploaded = JsonDocument.Parse(await upload.Content.ReadAsStringAsync()).RootElement;
        var imageId = uploaded.GetProperty("data").GetProperty("uploadImage").GetProperty("image").GetProperty("id").GetInt64();
        var vips = await PollAsync(() => ChildrenNamed(_server!.Id, "vips").Cast<int?>().FirstOrDefault(), "a vips conversion under way", TimeSpan.FromMilliseconds(10));

        _server!.Kill(); // SIGKILL: no shutdown code runs
        await _server.WaitForExitAsync();
        stall.TrySetResult();
        await Assert.ThrowsAnyAsync<Exception>(() => stalled);

        // The kernel kills it with its parent; give it a moment to be delivered, not to finish its work.
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(1);
        while (IsAlive(vips!.Value) && DateTime.UtcNow < until) await Task.Delay(20);
        Assert.False(IsAlive(vips.Value), $"vips (pid {vips}) outlived the server it worked for");

        var restarted = Stopwatch.StartNew();
        await StartAsync();
        using var again = await SignedInClientAsync();
        string state;
        while ((state = (await GraphQLAsync(again, $"{{ image(id: {imageId}) {{ state }} }}")).GetProperty("image").GetProperty("state").GetString()!)
               is "PROCESSING" or "PENDING" && restarted.Elapsed < TimeSpan.FromSeconds(55))
            await Task.Delay(250);
        // The job's lease is one minute: finishing before it ran out proves the restarted instance took its job back
        // at once. (The conversion itself takes seconds alone, up to half a minute on a machine busy with builds.)
        Assert.Equal("READY", state);
        Assert.True(restarted.Elapsed < TimeSpan.FromSeconds(50), $"READY only after {restarted.Elapsed}");
        Assert.False(File.Exists(partial), "the partial upload of the killed server is still on disk");
    }

    private string IncomingUploads => Path.Combine(_data, "uploads", "incoming");

    private static HttpRequestMessage MultipartUpload(long project, string name, HttpContent file)
    {
        var operations = JsonSerializer.Serialize(new
        {
            query = "mutation($input: UploadImageInput!) { uploadImage(input: $input) { image { id } } }",
            variables = new { input = new { projectId = project, name, format = 4, type = "", file = (object?)null } },
        });
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var content = new MultipartFormDataContent
        {
            { new StringContent(operations, Encoding.UTF8), "operations" },
            { new StringContent("""{ "0": ["variables.input.file"] }""", Encoding.UTF8), "map" },
            { file, "0", name + ".ndpi" },
        };
        var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = content };
        request.Headers.Add("GraphQL-Preflight", "1");
        return request;
    }

    /// <summary>Sends 256 KiB of a file, then waits forever (until the test lets go): an upload cut short.</summary>
    private sealed class StalledContent(Task release) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(new byte[256 * 1024]);
            await stream.FlushAsync();
            await release;
            throw new IOException("the client went away");
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    /// <summary>Live child processes of <paramref name="parent"/> whose command name is <paramref name="name"/>.</summary>
    private static IEnumerable<int> ChildrenNamed(int parent, string name)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            var stat = Stat(pid);
            if (stat is null) continue;
            var (comm, state, ppid) = stat.Value;
            if (ppid == parent && comm == name && state != 'Z') yield return pid;
        }
    }

    private static bool IsAlive(int pid) => Stat(pid) is { } s && s.State != 'Z';

    private static (string Comm, char State, int PPid)? Stat(int pid)
    {
        string text;
        try { text = File.ReadAllText($"/proc/{pid}/stat"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
        // "pid (comm) S ppid ...": comm may contain spaces, so split after its closing parenthesis.
        var open = text.IndexOf('(');
        var close = text.LastIndexOf(')');
        var rest = text[(close + 2)..].Split(' ');
        return (text[(open + 1)..close], rest[0][0], int.Parse(rest[1]));
    }

    private static async Task<T> PollAsync<T>(Func<T?> probe, string what, TimeSpan? every = null)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            if (probe() is { } found) return found;
            if (DateTime.UtcNow > until) throw new TimeoutException("Waited in vain for " + what);
            await Task.Delay(every ?? TimeSpan.FromMilliseconds(50));
        }
    }

    private async Task<HttpClient> SignedInClientAsync()
    {
        var http = new HttpClient { BaseAddress = new Uri(_url), Timeout = TimeSpan.FromSeconds(100) };
        var login = await GraphQLAsync(http, $$"""mutation { login(input: { username: "admin", password: "{{Password}}", mode: TOKEN }) { token } }""");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("login").GetProperty("token").GetString());
        return http;
    }

    private async Task<JsonElement> GraphQLAsync(HttpClient http, string query)
    {
        using var response = await http.PostAsync("graphql", new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        var result = JsonDocument.Parse(text).RootElement.Clone();
        Assert.True(response.StatusCode == HttpStatusCode.OK && !result.TryGetProperty("errors", out _), text + "\n" + Log);
        return result.GetProperty("data");
    }

    private string Log { get { lock (_log) return _log.ToString(); } }

    private async Task CreateAdminAsync()
    {
        using var admin = Launch("create-admin", "admin");
        await admin.StandardInput.WriteLineAsync(Password);
        admin.StandardInput.Close();
        await admin.WaitForExitAsync();
        Assert.True(admin.ExitCode == 0, "create-admin failed: " + await admin.StandardError.ReadToEndAsync());
    }

    private async Task StartAsync()
    {
        _server?.Dispose();
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        _url = $"http://127.0.0.1:{port}/";
        _server = Launch("--urls", $"http://127.0.0.1:{port}");
        _server.OutputDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        _server.ErrorDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(_url + "health");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            if (_server.HasExited || DateTime.UtcNow > deadline) throw new InvalidOperationException("The server did not start:\n" + Log);
            await Task.Delay(100);
        }
    }

    private Process Launch(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Memento.Server.dll"), .. args])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            UseShellExecute = false, WorkingDirectory = _data,
        };
        start.Environment["MEMENTO_DATA"] = _data;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Memento__Imaging__PollInterval"] = "00:00:00.200";
        // The killed server's partial upload is seconds old when the new one starts; a real deployment waits an hour.
        start.Environment["Memento__Imaging__OrphanAge"] = "00:00:01";
        return Process.Start(start)!;
    }
}
