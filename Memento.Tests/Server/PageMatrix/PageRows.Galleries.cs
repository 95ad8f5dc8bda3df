namespace Memento.Tests.Server.PageMatrix;

/// <summary>
/// Galleries: the list and a gallery's page are public (its pictures filtered to what the caller can search);
/// any signed-in user creates one; the owner (propar) or a system administrator edits and deletes; the owner and
/// the trusted user (provie) add and remove pictures; only the owner trusts.
/// </summary>
public static partial class PageRows
{
    public static PageRow[] Galleries =>
    [
        PageRow.Get("galleries page", "/galleries", Everyone, (_, _) => "/galleries"),
        PageRow.Post("create gallery", "/galleries", SignedIn, (_, _) => "/galleries") with
        {
            Form = (_, _) => new() { ["title"] = "From the page table", ["description"] = "" }, Lands = "/galleries/",
        },
        PageRow.Get("gallery page", "/galleries/{id:long}", Everyone, (w, _) => $"/galleries/{w.Gallery}"),
        PageRow.Post("edit gallery", "/galleries/{id:long}/edit", [.. SysAdmins, "propar"],
            (w, _) => $"/galleries/{w.Gallery}/edit") with
        {
            Form = (_, caller) => new() { ["title"] = $"Renamed by {caller}", ["description"] = "new" }, Lands = "/galleries/",
        },
        PageRow.Post("delete gallery", "/galleries/{id:long}/delete", [.. SysAdmins, "propar"],
            (w, _) => $"/galleries/{w.Gallery}/delete") with { Lands = "/galleries", Isolated = true },
        PageRow.Post("add picture to gallery", "/galleries/{id:long}/pictures", ["propar", "provie"],
            (w, _) => $"/galleries/{w.Gallery}/pictures") with
        {
            Form = (w, _) => new() { ["picture_id"] = w.ImgSpare.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            Lands = "/galleries/", Isolated = true,
        },
        PageRow.Post("remove picture from gallery", "/galleries/{id:long}/pictures/{pictureId:long}/remove", ["propar", "provie"],
            (w, _) => $"/galleries/{w.Gallery}/pictures/{w.ImgWt1}/remove") with { Lands = "/galleries/", Isolated = true },
        PageRow.Post("trust gallery user", "/galleries/{id:long}/users", ["propar"], (w, _) => $"/galleries/{w.Gallery}/users") with
        {
            Form = (_, _) => new() { ["username"] = "outsider" }, Lands = "/galleries/",
        },
        PageRow.Post("untrust gallery user", "/galleries/{id:long}/users/remove", ["propar"],
            (w, _) => $"/galleries/{w.Gallery}/users/remove") with
        {
            Form = (_, _) => new() { ["username"] = "provie" }, Lands = "/galleries/",
        },
    ];
}
