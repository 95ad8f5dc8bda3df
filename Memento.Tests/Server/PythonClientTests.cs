using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Memento.Tests.Server;

/// <summary>
/// The Python client (clients/python/memento_cl.py, run by the machine's python3) against the real server,
/// started as a child process on a free port with its own data directory, as a user would run both.
/// </summary>
public sealed class PythonClientTests(LiveServer server) : IClassFixture<LiveServer>
{
    [Fact]
    public async Task Login_user_lookup_idempotent_get_or_create_labels_and_exports()
    {
        var result = await server.RunPythonAsync("""
            c = MementoClient(URL)
            out["bad_login"] = MementoClient(URL).login("admin", "wrong password")
            out["login"] = c.login("admin", PASSWORD)
            uid = c.get_user_id("admin")
            out["uid"] = uid
            out["missing_user"] = c.get_user_id("nobody-here")
            p1 = c.get_or_create_project(uid, "Live project")
            p2 = c.get_or_create_project(uid, "Live project")
            out["projects"] = [p1, p2, c.get_project_id(uid, "Live project")]
            k1 = c.get_or_create_category(uid, p1, "Cat A")
            k2 = c.get_or_create_category(uid, p1, "Cat A")
            out["categories"] = [k1, k2, c.get_category_id(uid, p1, "Cat A")]
            out["labels"] = [c.new_label(uid, p1, "tumour"), c.get_or_create_label(uid, p1, "tumour"),
                             c.get_label_id(uid, p1, "tumour"), c.new_label(uid, p1, "tumour")]
            a, layer = c.new_annotation(uid, p1, k1, 0, "ann 1", "group", is_group_layer=True)
            out["annotation"] = [a, layer, list(c.get_or_create_annotation(uid, p1, k1, 0, "ann 1", "group"))]
            out["set_labels"] = c.set_annotation_labels(uid, p1, a, ["tumour"])
            out["annotation_labels"] = c.get_annotation_labels(uid, p1, a)
            out["summary"] = c.project_summary(uid, p1)
            out["data"] = c.project_data(uid, p1)
            out["logout"] = c.logout()
            out["after_logout"] = MementoClient(URL, token=c.token).get_user_id("admin") if c.token else "no token kept"
            """);

        Assert.Equal(-1, result.GetProperty("bad_login").GetInt32());
        Assert.Equal(0, result.GetProperty("login").GetInt32());
        var userId = result.GetProperty("uid").GetInt64();
        Assert.True(userId > 0);
        Assert.Equal(-1, result.GetProperty("missing_user").GetInt64());
        var projects = Longs(result, "projects");
        Assert.True(projects[0] > 0);
        Assert.All(projects, id => Assert.Equal(projects[0], id));
        var categories = Longs(result, "categories");
        Assert.True(categories[0] > 0);
        Assert.All(categories, id => Assert.Equal(categories[0], id));
        var labels = Longs(result, "labels");
        Assert.True(labels[0] > 0);
        Assert.Equal([labels[0], labels[0], labels[0], -1], labels);
        var annotation = result.GetProperty("annotation");
        Assert.True(annotation[0].GetInt64() > 0 && annotation[1].GetInt64() > 0);
        Assert.Equal(annotation[0].GetInt64(), annotation[2][0].GetInt64());
        Assert.Equal(-1, annotation[2][1].GetInt64()); // existing annotation: no new layer
        Assert.Equal(0, result.GetProperty("set_labels").GetInt32());
        Assert.Equal(["tumour"], result.GetProperty("annotation_labels").EnumerateArray().Select(l => l.GetString()));
        var summary = result.GetProperty("summary");
        Assert.Equal(1, summary.GetProperty("total_annotations").GetInt32());
        Assert.Equal(0, summary.GetProperty("total_annotations_submitted").GetInt32());
        var row = Assert.Single(result.GetProperty("data").EnumerateArray());
        Assert.Equal("Live project", row.GetProperty("project").GetString());
        Assert.Equal("Cat A", row.GetProperty("category").GetString());
        Assert.Equal("ann 1", row.GetProperty("annotation").GetString());
        Assert.Equal("tumour", row.GetProperty("label").GetString());
        Assert.Equal("N", row.GetProperty("status").GetString());
        Assert.Equal(0, result.GetProperty("logout").GetInt32());
    }

    [Fact]
    public async Task Tokens_and_user_administration_are_permission_checked()
    {
        var result = await server.RunPythonAsync("""
            admin = MementoClient(URL)
            admin.login("admin", PASSWORD)
            created = admin.execute("mutation($i: CreateUserInput!) { createUser(input: $i) { user { id username isSysadm } } }",
                                    {"i": {"username": "olga", "password": "olga's password"}})["createUser"]["user"]
            out["created"] = created
            olga = MementoClient(URL)
            out["olga_login"] = olga.login("olga", "olga's password")
            out["olga_sees_admin"] = olga.execute('{ userByName(username: "admin") { id username isSysadm createdAt } }')["userByName"]
            out["olga_me"] = olga.execute("{ me { username isSysadm } }")["me"]
            out["olga_users"] = error_of(lambda: olga.execute("{ users { nodes { username } } }"))
            out["olga_create_user"] = error_of(lambda: olga.execute(
                'mutation { createUser(input: {username: "mallory", password: "mallory pass"}) { user { id } } }'))
            out["olga_promote_self"] = error_of(lambda: olga.execute(
                "mutation($i: SetSysadmInput!) { setSysadm(input: $i) { user { id } } }", {"i": {"id": created["id"], "isSysadm": True}}))
            out["anonymous_me"] = MementoClient(URL).execute("{ me { id } }")["me"]
            out["anonymous_user_by_name"] = error_of(lambda: MementoClient(URL).execute('{ userByName(username: "admin") { id } }'))
            token = olga.execute('mutation { createApiToken(input: {name: "laptop"}) { token apiToken { id name prefix } } }')["createApiToken"]
            out["token_listed"] = olga.execute("{ apiTokens { nodes { id name prefix revokedAt } } }")["apiTokens"]["nodes"]
            out["token_works"] = MementoClient(URL, token=token["token"]).execute("{ me { username } }")["me"]
            olga.execute("mutation($i: RevokeApiTokenInput!) { revokeApiToken(input: $i) { ok } }", {"i": {"id": token["apiToken"]["id"]}})
            out["revoked_token"] = error_of(lambda: MementoClient(URL, token=token["token"]).execute("{ apiTokens { nodes { id } } }"))
            out["admin_users"] = [u["username"] for u in admin.execute("{ users(first: 200) { nodes { username } } }")["users"]["nodes"]]
            admin.execute("mutation($i: ResetPasswordInput!) { resetPassword(input: $i) { user { id } } }",
                          {"i": {"id": created["id"], "password": "new olga password"}})
            out["old_password"] = MementoClient(URL).login("olga", "olga's password")
            out["new_password"] = MementoClient(URL).login("olga", "new olga password")
            admin.execute("mutation($i: RenameUserInput!) { renameUser(input: $i) { user { id } } }",
                          {"i": {"id": created["id"], "username": "olga.k"}})
            out["renamed"] = [admin.get_user_id("olga"), admin.get_user_id("olga.k")]
            out["promoted"] = admin.execute("mutation($i: SetSysadmInput!) { setSysadm(input: $i) { user { isSysadm } } }",
                                            {"i": {"id": created["id"], "isSysadm": True}})["setSysadm"]["user"]["isSysadm"]
            olga2 = MementoClient(URL)
            olga2.login("olga.k", "new olga password")
            out["promoted_sees_users"] = olga2.execute("{ users { totalCount } }")["users"]["totalCount"]
            out["delete"] = admin.execute("mutation($i: DeleteInput!) { deleteUser(input: $i) { deletedId } }", {"i": {"id": created["id"]}})["deleteUser"]
            out["deleted_login"] = MementoClient(URL).login("olga.k", "new olga password")
            """);

        var created = result.GetProperty("created");
        Assert.Equal("olga", created.GetProperty("username").GetString());
        Assert.False(created.GetProperty("isSysadm").GetBoolean());
        Assert.Equal(0, result.GetProperty("olga_login").GetInt32());
        var seen = result.GetProperty("olga_sees_admin");
        Assert.Equal("admin", seen.GetProperty("username").GetString());
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("isSysadm").ValueKind);
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("createdAt").ValueKind);
        Assert.False(result.GetProperty("olga_me").GetProperty("isSysadm").GetBoolean());
        foreach (var denied in new[] { "olga_users", "olga_create_user", "olga_promote_self" })
            Assert.Equal("FORBIDDEN", result.GetProperty(denied).GetString());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("anonymous_me").ValueKind);
        Assert.Equal("UNAUTHENTICATED", result.GetProperty("anonymous_user_by_name").GetString());
        var listed = Assert.Single(result.GetProperty("token_listed").EnumerateArray(), t => t.GetProperty("name").GetString() == "laptop");
        Assert.False(listed.TryGetProperty("token", out _));
        Assert.Equal("olga", result.GetProperty("token_works").GetProperty("username").GetString());
        Assert.Equal("UNAUTHENTICATED", result.GetProperty("revoked_token").GetString());
        Assert.Contains("olga", result.GetProperty("admin_users").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal(-1, result.GetProperty("old_password").GetInt32());
        Assert.Equal(0, result.GetProperty("new_password").GetInt32());
        Assert.Equal([-1, created.GetProperty("id").GetInt64()], Longs(result, "renamed"));
        Assert.True(result.GetProperty("promoted").GetBoolean());
        Assert.True(result.GetProperty("promoted_sees_users").GetInt32() >= 2);
        Assert.Equal(created.GetProperty("id").GetInt64(), result.GetProperty("delete").GetProperty("deletedId").GetInt64());
        Assert.Equal(-1, result.GetProperty("deleted_login").GetInt32());
    }

    [Fact]
    public async Task Layers_submission_roles_and_deletes_through_the_manuals_methods()
    {
        var result = await server.RunPythonAsync("""
            c = MementoClient(URL)
            c.login("admin", PASSWORD)
            uid = c.get_user_id("admin")
            p = c.get_or_create_project(uid, "Structure project")
            k = c.get_or_create_category(uid, p, "K")
            a, first = c.new_annotation(uid, p, k, 0, "A", "group", is_group_layer=True)
            out["annotation_id"] = [a, c.get_annotation_id(uid, p, k, "A")]
            d = c.new_drawing_layer(uid, p, k, a, "draw")
            out["layer"] = [d, c.get_or_create_layer(uid, p, k, a, 0, "draw"), c.get_layer_id(uid, p, k, a, "draw")]
            out["edit_layer"] = c.edit_layer(uid, p, k, a, d, 0, "draw 2", "", 2, 0)
            out["renamed_layer"] = c.get_layer_id(uid, p, k, a, "draw 2")
            out["submit"] = c.submit_annotation(uid, p, a)
            c.execute('mutation { createUser(input: {username: "bob", password: "bob password"}) { user { id } } }')
            bob = c.get_user_id("bob")
            out["grants"] = [c.add_participant(uid, p, k, 0, bob), c.add_viewer(uid, p, 0, 0, bob)]
            out["summary"] = c.project_summary(uid, p)
            out["rois"] = c.project_rois(uid, p)
            out["comments"] = c.project_comments(uid, p)
            out["deletes"] = [c.delete_layer(uid, p, k, a, d), c.delete_annotation(uid, p, k, a),
                              c.delete_category(uid, p, k), c.delete_project(uid, p)]
            out["gone"] = c.get_project_id(uid, "Structure project")
            """);

        var annotation = Longs(result, "annotation_id");
        Assert.True(annotation[0] > 0);
        Assert.Equal(annotation[0], annotation[1]);
        var layer = Longs(result, "layer");
        Assert.True(layer[0] > 0);
        Assert.All(layer, id => Assert.Equal(layer[0], id));
        Assert.Equal(layer[0], result.GetProperty("edit_layer").GetInt64());
        Assert.Equal(layer[0], result.GetProperty("renamed_layer").GetInt64());
        Assert.Equal(0, result.GetProperty("submit").GetInt32());
        Assert.All(Longs(result, "grants"), id => Assert.True(id > 0));
        var summary = result.GetProperty("summary");
        Assert.Equal(1, summary.GetProperty("total_annotations_submitted").GetInt32());
        Assert.Equal(1, summary.GetProperty("total_participants").GetInt32());
        Assert.Equal(0, result.GetProperty("rois").GetArrayLength());
        Assert.Equal(0, result.GetProperty("comments").GetArrayLength());
        Assert.Equal([0L, 0, 0, 0], Longs(result, "deletes"));
        Assert.Equal(-1, result.GetProperty("gone").GetInt64());
    }

    private static long[] Longs(JsonElement result, string name) =>
        result.GetProperty(name).EnumerateArray().Select(e => e.GetInt64()).ToArray();
}

/// <summary>Memento.Server.dll as a child process: create-admin through stdin, then serving on a free local port.</summary>
public sealed class LiveServer : IAsyncLifetime
{
    public const string Password = "live admin password";
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("memento-live-").FullName;
    private Process? process;
    private readonly System.Text.StringBuilder log = new();

    public string Url { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var serverDll = Path.Combine(AppContext.BaseDirectory, "Memento.Server.dll");
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
        using var python = new Process { StartInfo = new ProcessStartInfo("python3", [script])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        } };
        python.Start();
        var stdout = python.StandardOutput.ReadToEndAsync();
        var stderr = python.StandardError.ReadToEndAsync();
        await python.WaitForExitAsync();
        Assert.True(python.ExitCode == 0, $"python3 failed:\n{await stderr}\nserver log:\n{Log}");
        var lines = (await stdout).Trim().Split('\n');
        return JsonDocument.Parse(lines[^1]).RootElement.Clone();
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

    private static string ClientDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "clients", "python");
            if (File.Exists(Path.Combine(candidate, "memento_cl.py"))) return candidate;
        }
        throw new InvalidOperationException("clients/python/memento_cl.py not found above " + AppContext.BaseDirectory);
    }
}
