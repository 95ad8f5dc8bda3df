using Memento.Tests.Schema.Api.RoleMatrix;

namespace Memento.Tests.Server.PageMatrix;

/// <summary>The project editor (its administrators only; participants and viewers have the viewer) and the exports.</summary>
public static partial class PageRows
{
    /// <summary>Administer Kidney: system administrators, its creator and its proadm.</summary>
    public static string[] KidneyAdmins => Roles.Admins;

    private static string P(MatrixWorld w) => $"/projects/{w.Kidney}";
    private static Dictionary<string, string> Named(string name) => new() { ["name"] = name };

    public static PageRow[] Project =>
    [
        PageRow.Get("project editor", "/projects/{id:long}", KidneyAdmins, (w, _) => P(w)),
        // Names keep the PRIV marker, so what follows in the same world still tells private from not.
        PageRow.Post("edit project", "/projects/{id:long}", KidneyAdmins, (w, _) => P(w)) with
        {
            Form = (_, caller) => new() { ["name"] = $"Kidney {MatrixWorld.Private} by {caller}", ["settings"] = "" },
        },
        PageRow.Get("delete project confirmation", "/projects/{id:long}/delete", KidneyAdmins, (w, _) => P(w) + "/delete"),
        PageRow.Post("delete project", "/projects/{id:long}/delete", KidneyAdmins, (w, _) => P(w) + "/delete") with { Isolated = true },
        PageRow.Post("add label", "/projects/{id:long}/labels", KidneyAdmins, (w, _) => P(w) + "/labels") with
        {
            Form = (_, caller) => Named($"label {MatrixWorld.Private} by {caller}"),
        },
        PageRow.Post("rename label", "/projects/{id:long}/labels/{labelId:long}/rename", KidneyAdmins,
            (w, _) => $"{P(w)}/labels/{w.LabelPositive}/rename") with { Form = (_, caller) => Named($"positive {MatrixWorld.Private} {caller}") },
        PageRow.Post("delete label", "/projects/{id:long}/labels/{labelId:long}/delete", KidneyAdmins,
            (w, _) => $"{P(w)}/labels/{w.LabelPositive}/delete") with { Isolated = true },
        PageRow.Post("add category", "/projects/{id:long}/categories", KidneyAdmins, (w, _) => P(w) + "/categories") with
        {
            Form = (_, caller) => Named($"category {MatrixWorld.Private} by {caller}"),
        },
        PageRow.Post("add classification", "/projects/{id:long}/classifications", KidneyAdmins, (w, _) => P(w) + "/classifications") with
        {
            Form = (_, caller) => Named($"grade {MatrixWorld.Private} by {caller}"),
        },
        PageRow.Post("rename classification", "/projects/{id:long}/classifications/{classificationId:long}/rename", KidneyAdmins,
            (w, _) => $"{P(w)}/classifications/{w.ClassGrade}/rename") with { Form = (_, caller) => Named($"Grade {MatrixWorld.Private} {caller}") },
        PageRow.Post("delete classification", "/projects/{id:long}/classifications/{classificationId:long}/delete", KidneyAdmins,
            (w, _) => $"{P(w)}/classifications/{w.ClassGrade}/delete") with { Isolated = true },
        PageRow.Get("project image", "/projects/{id:long}/images/{imageId:long}", KidneyAdmins, (w, _) => $"{P(w)}/images/{w.ImgSpare}"),
        PageRow.Post("add image by URL", "/projects/{id:long}/images", KidneyAdmins, (w, _) => P(w) + "/images") with
        {
            Form = (_, caller) => new() { ["name"] = $"remote {MatrixWorld.Private} by {caller}", ["type"] = "E", ["format"] = "1", ["url"] = "https://example.org/x.png" },
        },
        PageRow.Post("replace image", "/projects/{id:long}/images/{imageId:long}/replace", KidneyAdmins,
            (w, _) => $"{P(w)}/images/{w.ImgSpare}/replace") with
            {
                Form = (_, _) => new() { ["format"] = "3" }, Multipart = true, UploadsFile = true, Isolated = true,
            },
        PageRow.Post("delete image", "/projects/{id:long}/images/{imageId:long}/delete", KidneyAdmins,
            (w, _) => $"{P(w)}/images/{w.ImgSpare}/delete") with { Isolated = true },
        .. new[] { "annotations.csv", "annotations.json", "comments.json", "rois.json", "rois.geojson", "rois.coco.json" }
            .Select(file => PageRow.Get("export " + file, "/projects/{id:long}/exports/{file}", Roles.ReadKidney,
                (w, _) => $"{P(w)}/exports/{file}")),
    ];
}
