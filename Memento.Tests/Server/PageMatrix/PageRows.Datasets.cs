using Memento.Tests.Schema.Api.RoleMatrix;

namespace Memento.Tests.Server.PageMatrix;

/// <summary>
/// The dataset pages: the search (anyone, also signed out) and a picture's page, its stars and "add to gallery".
/// Kidney's pictures are found by its whole-project readers only; to everyone else a picture of it is NOT_FOUND,
/// exactly like a missing one.
/// </summary>
public static partial class PageRows
{
    public static PageRow[] Datasets =>
    [
        PageRow.Get("dataset search", "/datasets", Everyone, (_, _) => "/datasets"),
        PageRow.Get("dataset query completions", "/datasets/vocabulary", Everyone, (_, _) => "/datasets/vocabulary"),
        PageRow.Get("dataset search, a bad query", "/datasets", [], (_, _) => "/datasets?query=want%3A%20%5B1" ) with
        {
            // The query's error is the caller's own: 400 with the message, to anyone.
            RefusedStatus = 400, RefusesAnonymousAlike = true,
        },
        PageRow.Get("picture page", "/pictures/{id:long}", Roles.SearchKidney, (w, _) => $"/pictures/{w.ImgWt1}") with
        {
            RefusedStatus = 404, RefusesAnonymousAlike = true,
        },
        PageRow.Post("rate a picture", "/pictures/{id:long}/rating", Roles.SearchKidney, (w, _) => $"/pictures/{w.ImgWt1}/rating") with
        {
            Form = (_, _) => new() { ["stars"] = "5" }, Lands = "/pictures/", RefusedStatus = 404,
        },
        // Only the gallery's owner (propar) and the user they trust (provie) add to it; wt2's image is not in it yet.
        PageRow.Post("add a picture to a gallery", "/pictures/{id:long}/galleries", ["propar", "provie"],
            (w, _) => $"/pictures/{w.ImgWt2}/galleries") with
        {
            Form = (w, _) => new() { ["galleryId"] = w.Gallery.ToString() }, Lands = "/pictures/", Isolated = true,
        },
    ];
}
