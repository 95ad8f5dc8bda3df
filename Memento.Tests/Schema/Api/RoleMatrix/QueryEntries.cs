using static Memento.Tests.Schema.Api.RoleMatrix.Roles;

namespace Memento.Tests.Schema.Api.RoleMatrix;

/// <summary>
/// The matrix rows of the Query type, one per field (plus a few second rows aimed at the sibling category).
/// Each operation selects the names of what it returns, so a leak shows as a marker in the response text.
/// </summary>
public static class QueryEntries
{
    private static MatrixEntry Q(string field, string operation, string[] allowed,
        Func<MatrixWorld, Dictionary<string, object?>>? variables = null, string? name = null) =>
        new(name ?? field, field, operation, allowed, (c, _) => variables?.Invoke(c.World) ?? []);

    private static string L(string field, string arguments, string item) => MatrixLists.Select(field, arguments, item);

    // Operations shared by a field's main row and its sibling-scope row.
    private static readonly string Comments = $"query($l: Long!) {{ {L("comments", "layerId: $l", "id text authorName")} }}";
    private static readonly string ShareLinks = $"query($a: Long!) {{ {L("shareLinks", "annotationId: $a", "id annotationId")} }}";

    public static IEnumerable<MatrixEntry> All =>
    [
        Q("health", "{ health }", Everyone),
        Q("version", "{ version }", Everyone),
        // The vocabulary is public: it names kinds of things, nothing of any project.
        Q("objectTypes", "{ objectTypes { id description parents children ancestors } }", Everyone),
        Q("objectType", "{ objectType(id: \"nucleus\") { id parents ancestors } }", Everyone),
        Q("licences", "{ licences { id title free pinned } }", Everyone),
        Q("licence", "{ licence(id: \"CC-BY-4.0\") { id title description infoUrl legaleseUrl logoUrl free pinned } }", Everyone),
        Q("natures", "{ natures { id description } }", Everyone),
        // Everyone may search; Kidney's pictures (titles marked PRIV, KOX, WT2X) reach only its whole-project
        // readers: category and annotation members, share links and outsiders find none of them.
        Q("searchPictures", "{ searchPictures(query: \"\", withTotal: true) { total pictures { id title } } }", Everyone) with
        {
            Unseen = c => c is "catpar" or "catvie" or "annpar" or "annvie" or "share" or "image link" or "anonymous"
                or "outsider" or "revoked link" ? [MatrixWorld.Private] : Roles.Unseen(c),
        },
        Q("project", "query($id: Long!) { project(id: $id) { id name settings categories { name } } }", ReadKidney,
            w => Vars.Of(("id", w.Kidney))),
        Q("project", "query($id: Long!) { project(id: $id) { id labels { id name } } }", ReadKidney,
            w => Vars.Of(("id", w.Kidney)), "project.labels"),
        // Anyone may ask for a name; who cannot see the project gets null, so names cannot be probed.
        Q("project", "query($id: Long!) { project(id: $id) { id name categories { name annotations { name } } } }",
            SignedIn, w => Vars.Of(("id", w.Open)), "project (public Open atlas)"),
        Q("projectByName", "query($n: String!) { projectByName(name: $n) { id name } }", ReadKidney,
            _ => Vars.Of(("n", $"Kidney {MatrixWorld.Private}"))) with
        {
            Hidden = Everyone.Without(ReadKidney),
        },
        // Everyone gets their own list; the Unseen markers keep Kidney out of outsiders' lists.
        Q("myProjects", $"{{ {L("myProjects", "", "id name categories { name annotations { name } }")} }}", Everyone),
        Q("projects", $"{{ {L("projects", "", "id name categories { name annotations { name } }")} }}", Everyone),
        Q("category", "query($id: Long!) { category(id: $id) { id name annotations { name } classifications { name } } }",
            ReadKidney, w => Vars.Of(("id", w.WT))),
        Q("category", "query($id: Long!) { category(id: $id) { id name annotations { name } } }",
            ReadKo1, w => Vars.Of(("id", w.KO)),
            "category (sibling KO)"),
        Q("categoryByName", "query($p: Long!, $n: String!) { categoryByName(projectId: $p, name: $n) { id name } }",
            ReadKidney, w => Vars.Of(("p", w.Kidney), ("n", $"WT {MatrixWorld.Private}"))),
        Q("annotation", """
            query($id: Long!) { annotation(id: $id) { id name statusCode labels { name } layers { name }
              classifications { classificationId option } } }
            """, ReadWt1, w => Vars.Of(("id", w.Wt1))),
        Q("annotation", "query($id: Long!) { annotation(id: $id) { id name layers { name } } }",
            ReadKo1, w => Vars.Of(("id", w.Ko1)),
            "annotation (sibling ko1)"),
        // The viewer sidebar's badges and card preview; shared is false for those who may not take part.
        Q("annotation", "query($id: Long!) { annotation(id: $id) { name needsLabels hasComments shared previewUrl } }",
            ReadWt1, w => Vars.Of(("id", w.Wt1)), "annotation (sidebar badges)"),
        // The sidebar's paged list: an annotation member's page holds only its own annotation (wt2 is Unseen).
        Q("annotationsPage", "query($c: Long!) { annotationsPage(categoryId: $c, first: 10) { items { name needsLabels } hasMore total } }",
            ReadKidney, w => Vars.Of(("c", w.WT))),
        Q("annotationsPage", "query($c: Long!) { annotationsPage(categoryId: $c) { items { name shared } total } }",
            ReadKo1, w => Vars.Of(("c", w.KO)), "annotationsPage (sibling KO)"),
        Q("annotationByName", "query($c: Long!, $n: String!) { annotationByName(categoryId: $c, name: $n) { id name } }",
            ReadKidney, w => Vars.Of(("c", w.WT), ("n", $"wt1 {MatrixWorld.Private}"))),
        Q("layer", "query($id: Long!) { layer(id: $id) { id name kind } }", ReadWt1, w => Vars.Of(("id", w.LayerWt1))),
        Q("layer", "query($id: Long!) { layer(id: $id) { name version } }", ReadWt1, w => Vars.Of(("id", w.DrawWt1)),
            "layer (drawing's version)"),
        // What the viewer reads of a layer: its bit depth (from the image here) and the image's ingest statistics.
        Q("layer", "query($id: Long!) { layer(id: $id) { name bitDepth image { name statistics { channel p1 p99 } } } }",
            ReadWt1, w => Vars.Of(("id", w.LayerWt1)), "layer (viewer: bitDepth, image statistics)"),
        Q("layer", "query($id: Long!) { layer(id: $id) { name bitDepth image { name statistics { channel p1 p99 } } } }",
            ReadKo1, w => Vars.Of(("id", w.LayerKo1)), "layer (viewer, sibling ko1's layer)"),
        // What the viewer asks before it shows write controls: the caller's rights on the annotation and its layers.
        Q("annotation", "query($id: Long!) { annotation(id: $id) { name rights { participate administer } layers { name editable } } }",
            ReadWt1, w => Vars.Of(("id", w.Wt1)), "annotation (viewer: rights, editable layers)"),
        // The viewer's Next: every reader may ask; only annotations the caller may label come back (viewers: null).
        Q("nextAnnotation", "query($p: Long!) { nextAnnotation(projectId: $p) { id name } }", ReadKidney,
            w => Vars.Of(("p", w.Kidney))),
        Q("layerByName", "query($a: Long!, $n: String!) { layerByName(annotationId: $a, name: $n) { id name } }",
            ReadWt1, w => Vars.Of(("a", w.Wt1), ("n", $"DAPI {MatrixWorld.Private}"))),
        Q("labelByName", "query($p: Long!, $n: String!) { labelByName(projectId: $p, name: $n) { id name } }",
            ReadKidney, w => Vars.Of(("p", w.Kidney), ("n", $"positive {MatrixWorld.Private}"))),
        Q("projectSummary", """
            query($p: Long!) { projectSummary(projectId: $p) { totalParticipants totalAnnotations
              totalAnnotationsSubmitted totalAnnotationsShared } }
            """, ReadKidney, w => Vars.Of(("p", w.Kidney))),
        Q("projectData", """
            query($p: Long!) { projectData(projectId: $p) { project category classification annotation image status
              label imageUri } }
            """, ReadKidney, w => Vars.Of(("p", w.Kidney))),
        Q("projectRois", "query($p: Long!) { projectRois(projectId: $p) { project category annotation layer data } }",
            ReadKidney, w => Vars.Of(("p", w.Kidney))),
        Q("projectComments", """
            query($p: Long!) { projectComments(projectId: $p) { project category annotation layer content } }
            """, ReadKidney, w => Vars.Of(("p", w.Kidney))),
        // Anonymous callers get null rather than an error: "who am I" has an answer for everyone.
        Q("me", "{ me { id username } }", Everyone),
        Q("apiTokens", $"{{ {L("apiTokens", "", "id name")} }}", SignedIn),
        Q("userByName", "query($n: String!) { userByName(username: $n) { id username } }", SignedIn,
            _ => Vars.Of(("n", "victim"))),
        Q("users", $"{{ {L("users", "", "id username isSysadm isProadm")} }}", SysAdm),
        // Whoever manages projects finds people to add as participants: names and ids only.
        Q("searchUsers", "query($t: String) { searchUsers(text: $t, first: 5) { id userName } }", Managers,
            _ => Vars.Of(("t", "vict"))),
        Q("image", "query($id: Long!) { image(id: $id) { id name uri licences } }", ReadImgWt1,
            w => Vars.Of(("id", w.ImgWt1))),
        Q("image", "query($id: Long!) { image(id: $id) { id name } }",
            ReadKo1, w => Vars.Of(("id", w.ImgKo1)),
            "image (sibling ko1's image)"),
        // Pictures are read through the dataset search's rule: whole-project readers (not category or annotation
        // roles, whose search would reveal the rest of the project) and, for public projects, anyone; null otherwise.
        Q("picture", "query($id: Long!) { picture(id: $id) { id title licences regions { type shape object } } }",
            ReadKo1, w => Vars.Of(("id", w.ImgWt1))) with { Hidden = Everyone.Without(ReadKo1) },
        Q("picture", "query($id: Long!) { picture(id: $id) { id title author timestamp } }",
            Everyone, w => Vars.Of(("id", w.OpenImage)), "picture (public Open atlas)"),
        Q("imageByName", "query($p: Long!, $n: String!) { imageByName(projectId: $p, name: $n) { id name } }",
            ReadKidney, w => Vars.Of(("p", w.Kidney), ("n", $"wt1 {MatrixWorld.Private}.png"))),
        Q("images", $"query($p: Long!) {{ {L("images", "projectId: $p", "id name")} }}", ReadKidney,
            w => Vars.Of(("p", w.Kidney))),
        Q("classifications", $"query($p: Long!) {{ {L("classifications", "projectId: $p", "id name")} }}", ReadKidney,
            w => Vars.Of(("p", w.Kidney))),
        Q("classificationByName", "query($p: Long!, $n: String!) { classificationByName(projectId: $p, name: $n) { id name } }",
            ReadKidney, w => Vars.Of(("p", w.Kidney), ("n", $"Grade {MatrixWorld.Private}"))),
        Q("categoryClassifications", "query($c: Long!) { categoryClassifications(categoryId: $c) { id name } }",
            ReadKidney, w => Vars.Of(("c", w.WT))),
        Q("annotationClassifications",
            "query($a: Long!) { annotationClassifications(annotationId: $a) { classificationId option } }",
            ReadWt1, w => Vars.Of(("a", w.Wt1))),
        Q("comments", Comments, ReadWt1,
            w => Vars.Of(("l", w.LayerWt1))),
        Q("comments", Comments,
            ReadKo1, w => Vars.Of(("l", w.LayerKo1)),
            "comments (sibling ko1's layer)"),
        Q("members", $"query($s: Long!) {{ {L("members", "scope: CATEGORY, scopeId: $s", "userName code")} }}", Admins,
            w => Vars.Of(("s", w.WT)), "members (of category WT)"),
        Q("regions", "query($l: Long!) { regions(layerId: $l) { id type shape } }", ReadWt1,
            w => Vars.Of(("l", w.DrawWt1))),
        // Holding the token is the permission: every caller reads wt1 through it, and nothing beyond wt1.
        Q("sharedItem", """
            query($t: String!) { sharedItem(token: $t) { annotation { id name layers { name } } image { id name } } }
            """, Everyone, w => Vars.Of(("t", w.ShareToken))) with
        {
            Unseen = _ => [MatrixWorld.SiblingCategory, MatrixWorld.SiblingAnnotation],
        },
        // The limited viewer's query: every nested field of the viewer through the link's rights alone.
        Q("sharedItem", """
            query($t: String!) { sharedItem(token: $t) { annotation { name layers { name bitDepth image { name bitDepth
              statistics { channel min max mean p1 p99 } } } } } }
            """, Everyone, w => Vars.Of(("t", w.ShareToken)), "sharedItem (the limited viewer's layers)") with
        {
            Unseen = _ => [MatrixWorld.SiblingCategory, MatrixWorld.SiblingAnnotation],
        },
        Q("sharedItem", "query($t: String!) { sharedItem(token: $t) { image { id name uri licences } } }",
            Everyone, w => Vars.Of(("t", w.ImageShareToken)), "sharedItem (image link)") with
        {
            Unseen = _ => [MatrixWorld.SiblingCategory, MatrixWorld.SiblingAnnotation],
        },
        Q("shareLinks", ShareLinks, PartWt1,
            w => Vars.Of(("a", w.Wt1))),
        // The link button's URL after a reload: derived again for the annotation's participants only.
        Q("shareLinks", $"query($a: Long!) {{ {L("shareLinks", "annotationId: $a", "id url")} }}", PartWt1,
            w => Vars.Of(("a", w.Wt1)), "shareLinks (url)"),
        Q("shareLinks", ShareLinks, PartKo1,
            w => Vars.Of(("a", w.Ko1)), "shareLinks (sibling ko1)"),
        Q("regions", "query($l: Long!) { regions(layerId: $l) { id type } }", ReadKo1,
            w => Vars.Of(("l", w.DrawKo1)), "regions (sibling ko1's drawing)"),
        Q("members", $"query($s: Long!) {{ {L("members", "scope: PROJECT, scopeId: $s", "userName code")} }}", Admins,
            w => Vars.Of(("s", w.Kidney))),
        // ───────── galleries: metadata is public, to anyone
        Q("gallery", "query($id: Long!) { gallery(id: $id) { id title owner trustedUsers } }", Everyone,
            w => Vars.Of(("id", w.Gallery))),
        Q("galleries", "{ galleries(offset: 0, limit: 10) { total items { id title owner } } }", Everyone, _ => []),
    ];
}
