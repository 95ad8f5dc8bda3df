using System.Text.Json;
using Memento.Tests.Imaging;

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

    [Fact]
    public async Task Uploads_wait_for_processing_fail_on_a_damaged_file_and_get_or_upload_reuses_the_name()
    {
        var scratch = Directory.CreateTempSubdirectory("memento-uploads-").FullName;
        try
        {
            // A real TIFF cut short: the header is fine, so the upload is accepted and processing fails.
            var damaged = Path.Combine(scratch, "damaged.tif");
            var tiff = await File.ReadAllBytesAsync(ImagingFixture.CellProfiler("HumanHT29/D03/f00/d0.tif"));
            await File.WriteAllBytesAsync(damaged, tiff[..4096]);
            var result = await server.RunPythonAsync($$"""
                import time
                c = MementoClient(URL)
                c.login("admin", PASSWORD)
                uid = c.get_user_id("admin")
                p = c.get_or_create_project(uid, "Uploads")
                out["damaged"] = c.new_image(uid, p, {{Py(damaged)}}, 2, "damaged")
                out["damaged_error"] = c.last_error.code
                out["damaged_state"] = c.image_state(c.get_image_id(uid, p, "damaged"))
                started = time.monotonic()
                quick = c.new_image(uid, p, {{Py(ImagingFixture.CellProfiler("Colocalization/0_2/site1/G.png"))}}, 3, "quick", wait=False)
                out["no_wait_state"] = c.image_state(quick)
                out["no_wait_seconds"] = time.monotonic() - started
                out["waited"] = [quick, c.wait_for_image(quick), c.image_state(quick)]
                dapi = c.get_or_upload_image(uid, p, {{Py(ImagingFixture.CellProfiler("HumanHT29/D03/f00/d0.tif"))}}, 1, "mouse01_DAPI")
                # Same name, another file: the existing image is returned and the new file is not used.
                again = c.get_or_upload_image(uid, p, {{Py(ImagingFixture.CellProfiler("Colocalization/0_1/site1/R.png"))}}, 1, "mouse01_DAPI")
                out["dapi"] = [dapi, again, c.get_image_id(uid, p, "mouse01_DAPI")]
                out["dapi_image"] = c.execute("query($i: Long!) { image(id: $i) { state formatCode width height } }", {"i": dapi})["image"]
                out["bad_format"] = c.new_image(uid, p, {{Py(damaged)}}, 7, "format 7")
                out["missing_file"] = c.get_or_upload_image(uid, p, {{Py(Path.Combine(scratch, "absent.tif"))}}, 2, "absent")
                out["delete"] = c.delete_image(uid, p, dapi)
                out["after_delete"] = c.get_image_id(uid, p, "mouse01_DAPI")
                """);

            Assert.Equal(-1, result.GetProperty("damaged").GetInt64());
            Assert.Equal("FAILED", result.GetProperty("damaged_error").GetString());
            Assert.Equal("FAILED", result.GetProperty("damaged_state").GetString());
            // wait=False hands back the id while the server is still working on a 1392x1040 16-bit PNG.
            Assert.Contains(result.GetProperty("no_wait_state").GetString(), new[] { "PENDING", "PROCESSING" });
            Assert.True(result.GetProperty("no_wait_seconds").GetDouble() < 5);
            var waited = result.GetProperty("waited");
            Assert.True(waited[0].GetInt64() > 0);
            Assert.Equal(waited[0].GetInt64(), waited[1].GetInt64());
            Assert.Equal("READY", waited[2].GetString());
            var dapi = Longs(result, "dapi");
            Assert.True(dapi[0] > 0);
            Assert.All(dapi, id => Assert.Equal(dapi[0], id));
            var image = result.GetProperty("dapi_image");
            Assert.Equal(("READY", 1, 512, 512), (image.GetProperty("state").GetString(), image.GetProperty("formatCode").GetInt32(),
                image.GetProperty("width").GetInt32(), image.GetProperty("height").GetInt32()));
            Assert.Equal(-1, result.GetProperty("bad_format").GetInt64());
            Assert.Equal(-1, result.GetProperty("missing_file").GetInt64());
            Assert.Equal(0, result.GetProperty("delete").GetInt32());
            Assert.Equal(-1, result.GetProperty("after_delete").GetInt64());
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    [Fact]
    public async Task An_api_token_signs_in_in_place_of_a_password_and_logout_leaves_it_valid()
    {
        var result = await server.RunPythonAsync("""
            admin = MementoClient(URL)
            admin.login("admin", PASSWORD)
            token = admin.execute('mutation { createApiToken(input: {name: "scripts"}) { token } }')["createApiToken"]["token"]
            c = MementoClient(URL)
            out["login"] = c.login("admin", token)
            out["uses_token"] = c.token == token
            out["uid"] = c.get_user_id("admin")
            out["project"] = c.get_or_create_project(out["uid"], "Token project")
            out["logout"] = c.logout()
            out["constructor"] = MementoClient(URL, token=token).get_project_id("Token project")
            out["other_user"] = MementoClient(URL).login("nobody", token)
            out["bad_token"] = MementoClient(URL).login("admin", "mem_not-a-token")
            """);

        Assert.Equal(0, result.GetProperty("login").GetInt32());
        Assert.True(result.GetProperty("uses_token").GetBoolean());
        Assert.True(result.GetProperty("uid").GetInt64() > 0);
        var project = result.GetProperty("project").GetInt64();
        Assert.True(project > 0);
        Assert.Equal(0, result.GetProperty("logout").GetInt32());
        Assert.Equal(project, result.GetProperty("constructor").GetInt64()); // the token still works after logout
        Assert.Equal(-1, result.GetProperty("other_user").GetInt32());
        Assert.Equal(-1, result.GetProperty("bad_token").GetInt32());
    }

    [Fact]
    public async Task Classifications_image_layers_and_labels_through_the_manuals_methods()
    {
        var result = await server.RunPythonAsync($$"""
            c = MementoClient(URL)
            c.login("admin", PASSWORD)
            uid = c.get_user_id("admin")
            p = c.new_project(uid, "Methods project", "darkmode:1")
            out["duplicate_project"] = c.new_project(uid, "Methods project", "")
            k = c.new_category(uid, p, "WT")
            out["duplicate_category"] = c.new_category(uid, p, "WT")
            grade = c.new_classification(uid, p, "Grade", "M", "1,2,3")
            out["classification"] = [grade, c.get_or_create_classification(uid, p, "Grade"), c.get_classification_id(uid, p, "Grade")]
            c.new_classification(uid, p, "Quality", "M", ["good", "bad"])
            out["link"] = c.set_category_classifications(uid, p, k, ["Grade", "Quality"])
            out["linked"] = c.get_category_classifications(uid, p, k)
            out["link_unknown"] = c.set_category_classifications(uid, p, k, ["Nope"])
            out["delete_classification"] = c.delete_classification(uid, p, grade)
            out["linked_after_delete"] = c.get_category_classifications(uid, p, k)
            dapi = c.new_image(uid, p, {{Py(ImagingFixture.CellProfiler("HumanHT29/D03/f00/d0.tif"))}}, 2, "DAPI")
            gfp = c.new_image(uid, p, {{Py(ImagingFixture.CellProfiler("HumanHT29/D03/f00/d1.tif"))}}, 2, "GFP")
            a, first = c.new_annotation(uid, p, k, dapi, "mouse_01", "DAPI.tif", "bitDepth:8", 1, 0, False)
            second = c.new_image_layer(uid, p, k, a, gfp, "GFP.tif", "", -1, 0)
            out["layers"] = [first, second, c.get_layer_id(uid, p, k, a, "GFP.tif")]
            out["edit"] = c.edit_layer(uid, p, k, a, second, dapi, "GFP (DAPI file)", "bitDepth:12", 5, 0)
            out["layer_list"] = c.execute("query($a: Long!) { annotation(id: $a) { layers { name sequence imageId settings } } }", {"a": a})["annotation"]["layers"]
            out["images"] = [dapi, gfp]
            positive = c.new_label(uid, p, "positive")
            out["label"] = [positive, c.get_label_id(uid, p, "positive")]
            out["set_unknown_label"] = c.set_annotation_labels(uid, p, a, ["positive", "unknown"])
            c.set_annotation_labels(uid, p, a, ["positive"])
            out["delete_label"] = c.delete_label(uid, p, positive)
            out["labels_after_delete"] = c.get_annotation_labels(uid, p, a)
            out["missing_label"] = c.get_label_id(uid, p, "positive")
            negative = c.new_label(uid, p, "negative")
            out["rename_label"] = [negative, c.edit_label(uid, p, negative, "artifact")]
            out["project_labels"] = c.get_project_labels(uid, p)
            out["bad_settings"] = c.new_project(uid, "Bad settings project", "colour:red")
            """);

        Assert.Equal(-1, result.GetProperty("duplicate_project").GetInt64());
        Assert.Equal(-1, result.GetProperty("duplicate_category").GetInt64());
        var classification = Longs(result, "classification");
        Assert.True(classification[0] > 0);
        Assert.All(classification, id => Assert.Equal(classification[0], id));
        Assert.Equal(0, result.GetProperty("link").GetInt32());
        Assert.Equal(["Grade", "Quality"], Strings(result, "linked"));
        Assert.Equal(-1, result.GetProperty("link_unknown").GetInt32());
        Assert.Equal(0, result.GetProperty("delete_classification").GetInt32());
        Assert.Equal(["Quality"], Strings(result, "linked_after_delete"));
        var layers = Longs(result, "layers");
        Assert.True(layers[0] > 0 && layers[1] > 0 && layers[0] != layers[1]);
        Assert.Equal(layers[1], layers[2]);
        Assert.Equal(layers[1], result.GetProperty("edit").GetInt64());
        var images = Longs(result, "images");
        Assert.Equal(
            [("DAPI.tif", 1, images[0], "bitDepth:8"), ("GFP (DAPI file)", 5, images[0], "bitDepth:12")],
            result.GetProperty("layer_list").EnumerateArray().Select(l => (l.GetProperty("name").GetString(),
                l.GetProperty("sequence").GetInt32(), l.GetProperty("imageId").GetInt64(), l.GetProperty("settings").GetString())));
        var label = Longs(result, "label");
        Assert.True(label[0] > 0);
        Assert.Equal(label[0], label[1]);
        Assert.Equal(-1, result.GetProperty("set_unknown_label").GetInt32());
        Assert.Equal(0, result.GetProperty("delete_label").GetInt32());
        Assert.Empty(result.GetProperty("labels_after_delete").EnumerateArray());
        Assert.Equal(-1, result.GetProperty("missing_label").GetInt64());
        var renamed = Longs(result, "rename_label");
        Assert.Equal(renamed[0], renamed[1]);
        Assert.Equal(["artifact"], Strings(result, "project_labels"));
        Assert.Equal(-1, result.GetProperty("bad_settings").GetInt64()); // an unknown settings key is refused
    }

    /// <summary>A Python string literal (JSON's escaping is valid Python).</summary>
    private static string Py(string value) => JsonSerializer.Serialize(value);

    private static string[] Strings(JsonElement result, string name) =>
        result.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).ToArray();

    private static long[] Longs(JsonElement result, string name) =>
        result.GetProperty(name).EnumerateArray().Select(e => e.GetInt64()).ToArray();
}
