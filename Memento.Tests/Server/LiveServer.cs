using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Memento.Tests.Server;

/// <summary>
/// Memento.Server.dll as a child process: create-admin through stdin, then serving on a free local port. By default
/// the build output beside the tests; <see cref="ServerDll"/> runs another build (a published one).
/// </summary>
public sealed class LiveServer : IAsyncLifetime
{
    public const string Password = "live admin password";
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("memento-live-").FullName;
    private Process? process;
    private readonly System.Text.StringBuilder log = new();

    public string Url { get; private set; } = "";

    /// <summary>The server to run (an init property, not a constructor argument: xUnit builds fixtures without any).</summary>
    public string ServerDll { get; init; } = Path.Combine(AppContext.BaseDirectory, "Memento.Server.dll");

    /// <summary>The working directory and data directory of the process: empty but for the server's data.</summary>
    public string DataDirectory => dataDirectory;

    public async Task InitializeAsync()
    {
        var serverDll = ServerDll;
        using (var admin = Start(serverDll, "create-admin", "admin"))
        {
            await admin.StandardInput.WriteLineAsync(Password);
            admin.StandardInput.Close();
            await admin.WaitForExitAsync();
            Assert.True(admin.ExitCode == 0, "create-admin failed: " + await admin.StandardError.ReadToEndAsync());
        }
        var port = FreePort();
        Url = $"http://127.0.0.1:{port}/";
        process = Start(serverDll, "--urls", $"http://127.0.0.1:{port}");
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                using var response = await http.PostAsync(Url + "graphql",
                    new StringContent("""{"query":"{ __typename }"}""", System.Text.Encoding.UTF8, "application/json"));
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            if (process.HasExited || DateTime.UtcNow > deadline)
                throw new InvalidOperationException("The server did not start:\n" + Log);
            await Task.Delay(250);
        }
    }

    public string Log { get { lock (log) return log.ToString(); } }

    /// <summary>Runs the body with the client imported, URL/PASSWORD set and a dict `out` printed as JSON.</summary>
    public async Task<JsonElement> RunPythonAsync(string body)
    {
        var script = Path.Combine(dataDirectory, $"script-{Guid.NewGuid():N}.py");
        var indented = string.Join('\n', body.Split('\n').Select(line => "    " + line));
        await File.WriteAllTextAsync(script, $$"""
            import json, sys
            sys.path.insert(0, {{JsonSerializer.Serialize(ClientDirectory())}})
            from memento_cl import MementoClient, MementoError
            URL = {{JsonSerializer.Serialize(Url)}}
            PASSWORD = {{JsonSerializer.Serialize(Password)}}
            out = {}
            def error_of(call):
                try:
                    call()
                    return "no error"
                except MementoError as e:
                    return e.code
            def main():
            {{indented}}
            main()
            print(json.dumps(out))
            """);
        var stdout = await RunPython3Async([script], dataDirectory, new Dictionary<string, string>());
        var lines = stdout.Trim().Split('\n');
        return JsonDocument.Parse(lines[^1]).RootElement.Clone();
    }

    /// <summary>
    /// Runs one of the manual's scripts (clients/python/examples) as a user would: python3 in
    /// <paramref name="workingDirectory"/>, memento_cl importable, the server's address in the manual's form
    /// (".../memento/") and the admin's credentials in MEMENTO_URL/USERNAME/PASSWORD unless overridden.
    /// Returns its standard output. When pandas is not installed, a stand-in for the two pandas calls the export
    /// script makes is put on the path, so the script still runs unchanged.
    /// </summary>
    public async Task<string> RunExampleAsync(string example, string workingDirectory,
        IReadOnlyDictionary<string, string>? environment = null, params string[] args)
    {
        var client = ClientDirectory();
        var paths = await HasPandasAsync() ? client : client + Path.PathSeparator + Path.Combine(client, "tests", "shims");
        var env = new Dictionary<string, string>
        {
            ["PYTHONPATH"] = paths, ["MEMENTO_URL"] = Url + "memento/", ["MEMENTO_USERNAME"] = "admin",
            ["MEMENTO_PASSWORD"] = Password,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) env[key] = value;
        return await RunPython3Async([Path.Combine(client, "examples", example), .. args], workingDirectory, env);
    }

    private static async Task<bool> HasPandasAsync()
    {
        using var probe = Process.Start(new ProcessStartInfo("python3", ["-c", "import pandas"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        })!;
        await probe.WaitForExitAsync();
        return probe.ExitCode == 0;
    }

    private async Task<string> RunPython3Async(string[] args, string workingDirectory,
        IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("python3", args)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var python = new Process { StartInfo = start };
        python.Start();
        var stdout = python.StandardOutput.ReadToEndAsync();
        var stderr = python.StandardError.ReadToEndAsync();
        await python.WaitForExitAsync();
        Assert.True(python.ExitCode == 0, $"python3 {string.Join(' ', args)} failed:\n{await stderr}\nserver log:\n{Log}");
        return await stdout;
    }

    public async Task DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process?.Dispose();
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
    }

    private Process Start(string serverDll, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [serverDll, .. args])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            UseShellExecute = false, WorkingDirectory = dataDirectory,
        };
        start.Environment["MEMENTO_DATA"] = dataDirectory;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // The classes sharing one live server sign in many times a minute from 127.0.0.1; the per-address budget
        // (10 a minute) would refuse them at random depending on test order. Its own tests use the in-process host.
        start.Environment["MEMENTO_LOGIN_ATTEMPTS_PER_MINUTE"] = "10000";
        // The 5-second GraphQL budget is for production; a loaded test machine can spend that on password hashing.
        start.Environment["MEMENTO_GRAPHQL_TIMEOUT"] = "00:01:00";
        return Process.Start(start)!;
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    internal static string ClientDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "clients", "python");
            if (File.Exists(Path.Combine(candidate, "memento_cl.py"))) return candidate;
        }
        throw new InvalidOperationException("clients/python/memento_cl.py not found above " + AppContext.BaseDirectory);
    }
}
