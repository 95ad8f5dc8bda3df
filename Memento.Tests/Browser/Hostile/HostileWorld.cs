using System.Text.Json;
using Memento.Tests.Browser.Support;

namespace Memento.Tests.Browser.Hostile;

/// <summary>
/// A scene whose every name is hostile: markup that would run if a page wrote it unescaped, a right-to-left
/// override, emoji, and as long an unbroken word as the field accepts (up to 300 characters), so a page that does
/// not wrap it overflows. Made through the API as the admin; the signed-in user (a system administrator, so every
/// page is open to them) has a right-to-left name as long as user names go (user names allow letters only).
/// </summary>
public sealed record HostileWorld(string Tag, string UserName, string Password, long UserId, long OtherUserId, long Project, long Category,
    long Annotation, long Layer, long Image, long Label, long Classification, long Comment, string ShareToken,
    Dictionary<string, string> Names)
{
    public const string Markup = "<script>alert(1)</script>\"><img src=x onerror=alert(1)>";
    public const string RightToLeft = "\u202Eevil";
    public const string Emoji = "🧫🔬";

    /// <summary>A hostile name of at most <paramref name="maxLength"/> characters; <paramref name="tag"/> finds it in a search.</summary>
    public static string Name(string kind, string tag, int maxLength)
    {
        var head = $"{Markup} {RightToLeft} {Emoji} {kind} {tag} ";
        return head + new string('W', Math.Min(300, maxLength) - head.Length);
    }

    public static async Task<HostileWorld> CreateAsync(BrowserWorld world)
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        string Name(string kind, int maxLength) => HostileWorld.Name(kind, tag, maxLength);
        var names = new Dictionary<string, string>
        {
            ["project"] = Name("project", 200), ["category"] = Name("category", 200), ["annotation"] = Name("annotation", 200),
            ["layer"] = Name("layer", 200), ["image"] = Name("image", 255), ["label"] = Name("label", 100),
            ["classification"] = Name("classification", 200), ["comment"] = Name("comment", 300),
        };
        // Letters of a right-to-left script, as many as a user name may have (64).
        var userName = "שלום-" + tag + "-" + new string('ש', 52);
        names["user"] = userName;
        const string password = "hostile-user-password-1";
        // Users have ID ids (strings), the rest Long ones (numbers).
        long Id(JsonElement data, string field, string type) => data.GetProperty(field).GetProperty(type).GetProperty("id") is var id
            && id.ValueKind == JsonValueKind.String ? long.Parse(id.GetString()!) : id.GetInt64();

        var user = Id(await world.AdminAsync(
            "mutation($u: String!, $p: String!) { createUser(input: { username: $u, password: $p, isSysadm: true }) { user { id } } }",
            new { u = userName, p = password }), "createUser", "user");
        var project = Id(await world.AdminAsync("mutation($n: String!) { createProject(input: { name: $n }) { project { id } } }",
            new { n = names["project"] }), "createProject", "project");
        var image = Id(await world.AdminAsync(
            "mutation($p: Long!, $n: String!) { uploadImage(input: { projectId: $p, name: $n, format: 1, type: \"E\", url: \"https://example.org/x.png\" }) { image { id } } }",
            new { p = project, n = names["image"] }), "uploadImage", "image");
        var category = Id(await world.AdminAsync("mutation($p: Long!, $n: String!) { createCategory(input: { projectId: $p, name: $n }) { category { id } } }",
            new { p = project, n = names["category"] }), "createCategory", "category");
        var created = await world.AdminAsync(
            "mutation($c: Long!, $n: String!, $l: String!, $i: Long) { createAnnotation(input: { categoryId: $c, name: $n, layer: { name: $l, imageId: $i } }) { annotation { id } firstLayer { id } } }",
            new { c = category, n = names["annotation"], l = names["layer"], i = image });
        var annotationId = Id(created, "createAnnotation", "annotation");
        var layer = Id(created, "createAnnotation", "firstLayer");
        var label = Id(await world.AdminAsync("mutation($p: Long!, $n: String!) { createLabel(input: { projectId: $p, name: $n }) { label { id } } }",
            new { p = project, n = names["label"] }), "createLabel", "label");
        await world.AdminAsync("mutation($a: Long!, $n: String!) { setAnnotationLabels(input: { annotationId: $a, labels: [$n] }) { annotation { id } } }",
            new { a = annotationId, n = names["label"] });
        var classification = Id(await world.AdminAsync(
            "mutation($p: Long!, $n: String!) { createClassification(input: { projectId: $p, name: $n }) { classification { id } } }",
            new { p = project, n = names["classification"] }), "createClassification", "classification");
        await world.AdminAsync("mutation($c: Long!, $n: String!) { linkClassifications(input: { categoryId: $c, names: [$n] }) { classifications { id } } }",
            new { c = category, n = names["classification"] });
        var comment = Id(await world.AdminAsync("mutation($l: Long!, $t: String!) { addComment(input: { layerId: $l, content: $t }) { comment { id } } }",
            new { l = layer, t = names["comment"] }), "addComment", "comment");
        // Another account to edit and delete (one's own account cannot be deleted: 409).
        names["other user"] = "עברית-" + tag + "-" + new string('ע', 50);
        var other = Id(await world.AdminAsync(
            "mutation($u: String!, $p: String!) { createUser(input: { username: $u, password: $p }) { user { id } } }",
            new { u = names["other user"], p = password }), "createUser", "user");
        // A member at the project (the members pages list them) and a share link (what its holder opens).
        await world.AdminAsync("mutation($u: Long!, $p: Long!) { grantRole(input: { userId: $u, code: \"propar\", scopeId: $p }) { permission { __typename } } }",
            new { u = user, p = project });
        var share = (await world.AdminAsync("mutation($a: Long!) { createShareLink(input: { annotationId: $a }) { token } }",
            new { a = annotationId })).GetProperty("createShareLink").GetProperty("token").GetString()!;
        return new HostileWorld(tag, userName, password, user, other, project, category, annotationId, layer, image, label,
            classification, comment, share, names);
    }
}
