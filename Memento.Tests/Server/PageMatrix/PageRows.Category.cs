using Memento.Tests.Schema.Api.RoleMatrix;

namespace Memento.Tests.Server.PageMatrix;

/// <summary>The category editor, the annotation editor with its layers, and the members pages at each scope.</summary>
public static partial class PageRows
{
    private static string C(MatrixWorld w) => $"/categories/{w.WT}";
    private static string A(MatrixWorld w) => $"/annotations/{w.Wt1}";
    private static int Nth(string caller) => Array.IndexOf(KidneyAdmins, caller) + 2;

    public static PageRow[] Category =>
    [
        PageRow.Get("category editor", "/categories/{id:long}", KidneyAdmins, (w, _) => C(w)),
        PageRow.Get("category editor searched, page 2", "/categories/{id:long}", KidneyAdmins, (w, _) => C(w) + "?page=2&q=wt"),
        PageRow.Get("category image picker", "/categories/{id:long}/images", KidneyAdmins, (w, _) => C(w) + "/images?images=dapi") with { Htmx = true },
        PageRow.Post("rename category", "/categories/{id:long}/rename", KidneyAdmins, (w, _) => C(w) + "/rename") with
        {
            Form = (_, caller) => Named($"WT {MatrixWorld.Private} {caller}"),
        },
        PageRow.Post("category settings", "/categories/{id:long}/settings", KidneyAdmins, (w, _) => C(w) + "/settings") with
        {
            Form = (_, caller) => new() { ["settings"] = $"forcerow:{Nth(caller)}" },
        },
        PageRow.Post("link classifications", "/categories/{id:long}/classifications", KidneyAdmins, (w, _) => C(w) + "/classifications") with
        {
            Form = (_, _) => new() { ["names"] = $"Stage {MatrixWorld.Private}" }, Isolated = true,
        },
        PageRow.Post("add annotation", "/categories/{id:long}/annotations", KidneyAdmins, (w, _) => C(w) + "/annotations") with
        {
            Form = (w, caller) => new() { ["name"] = $"new {MatrixWorld.Private} {caller}", ["imageId"] = $"{w.ImgSpare}", ["layerName"] = "DAPI", ["layerKind"] = "image" },
        },
        PageRow.Post("rename annotation", "/categories/{id:long}/annotations/{annotationId:long}/rename", KidneyAdmins,
            (w, _) => $"{C(w)}/annotations/{w.Wt1}/rename") with { Form = (_, caller) => Named($"wt1 {MatrixWorld.Private} {caller}") },
        PageRow.Post("move annotation", "/categories/{id:long}/annotations/{annotationId:long}/move", KidneyAdmins,
            (w, _) => $"{C(w)}/annotations/{w.Wt1}/move") with { Form = (w, _) => new() { ["categoryId"] = $"{w.KO}" }, Isolated = true },
        PageRow.Get("delete annotation confirmation", "/categories/{id:long}/annotations/{annotationId:long}/delete", KidneyAdmins,
            (w, _) => $"/categories/{w.KO}/annotations/{w.Ko1}/delete"),
        PageRow.Post("delete annotation", "/categories/{id:long}/annotations/{annotationId:long}/delete", KidneyAdmins,
            (w, _) => $"/categories/{w.KO}/annotations/{w.Ko1}/delete") with { Isolated = true },
        PageRow.Get("annotation editor", "/annotations/{id:long}", KidneyAdmins, (w, _) => A(w)),
        PageRow.Get("annotation image picker", "/annotations/{id:long}/images", KidneyAdmins, (w, _) => A(w) + "/images?images=dapi") with { Htmx = true },
        PageRow.Post("add layer", "/annotations/{id:long}/layers", KidneyAdmins, (w, _) => A(w) + "/layers") with
        {
            Form = (_, caller) => new() { ["name"] = $"group {MatrixWorld.Private} {caller}", ["kind"] = "group" },
        },
        PageRow.Post("edit layer", "/annotations/{id:long}/layers/{layerId:long}", KidneyAdmins, (w, _) => $"{A(w)}/layers/{w.LayerWt1}") with
        {
            Form = (_, caller) => new() { ["name"] = $"DAPI {MatrixWorld.Private} {caller}", ["settings"] = "bitDepth:16" },
        },
        PageRow.Get("delete layer confirmation", "/annotations/{id:long}/layers/{layerId:long}/delete", KidneyAdmins,
            (w, _) => $"{A(w)}/layers/{w.GroupWt1}/delete"),
        PageRow.Post("delete layer", "/annotations/{id:long}/layers/{layerId:long}/delete", KidneyAdmins,
            (w, _) => $"{A(w)}/layers/{w.GroupWt1}/delete") with { Isolated = true },
        .. Members("projects", w => w.Kidney, "propar", "provie", "propar"),
        .. Members("categories", w => w.WT, "catvie", "catvie", "catpar"),
        .. Members("annotations", w => w.Wt1, "annpar", "annvie", "annpar"),
    ];

    /// <summary>The members page of one scope: list, user search, grant (to victim), change and revoke a member's role.</summary>
    private static PageRow[] Members(string segment, Func<MatrixWorld, long> scope, string grant, string member, string changeTo)
    {
        var route = $"/{segment}/{{id:long}}/members";
        string M(MatrixWorld w) => $"/{segment}/{scope(w)}/members";
        return
        [
            PageRow.Get($"{segment} members", route, KidneyAdmins, (w, _) => M(w)),
            PageRow.Get($"{segment} members with a user search", route, KidneyAdmins, (w, _) => M(w) + "?user=vic"),
            // A fragment for htmx (a plain GET is sent to the members page with the search in its URL).
            PageRow.Get($"{segment} member search", route + "/search", KidneyAdmins, (w, _) => M(w) + "/search?user=vic") with { Htmx = true },
            PageRow.Post($"{segment} grant", route, KidneyAdmins, (w, _) => M(w)) with
            {
                Form = (w, _) => new() { ["userId"] = $"{w.Users["victim"]}", ["role"] = grant }, Isolated = true,
            },
            PageRow.Post($"{segment} change role", route + "/{userId:long}/role", KidneyAdmins, (w, _) => $"{M(w)}/{w.Users[member]}/role") with
            {
                Form = (_, _) => new() { ["from"] = member, ["to"] = changeTo }, Isolated = true,
            },
            PageRow.Get($"{segment} revoke confirmation", route + "/{userId:long}/revoke", KidneyAdmins,
                (w, _) => $"{M(w)}/{w.Users[member]}/revoke?role={member}"),
            PageRow.Post($"{segment} revoke", route + "/{userId:long}/revoke", KidneyAdmins, (w, _) => $"{M(w)}/{w.Users[member]}/revoke") with
            {
                Form = (_, _) => new() { ["role"] = member }, Isolated = true,
            },
        ];
    }
}
