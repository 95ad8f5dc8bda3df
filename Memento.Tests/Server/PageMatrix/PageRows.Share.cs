using Memento.Tests.Schema.Api.RoleMatrix;

namespace Memento.Tests.Server.PageMatrix;

/// <summary>Share image (project managers) and what a share link opens (anyone holding its token).</summary>
public static partial class PageRows
{
    /// <summary>A link's page shows what it shares (wt1, or wt1's image), never its siblings.</summary>
    private static string[] LinkUnseen(string _) => [MatrixWorld.SiblingCategory, MatrixWorld.SiblingAnnotation];

    public static PageRow[] Share =>
    [
        // Only project creators may share (the share goes into a project of their own), page and post alike.
        PageRow.Get("share image page", "/share", Creators, (_, _) => "/share"),
        // A streamed upload form: multipart, the antiforgery token first; a remote URL instead of a file.
        PageRow.Post("share an image by URL", "/share", Creators, (_, _) => "/share") with
        {
            Form = (_, caller) => new() { ["name"] = "shared by " + caller, ["format"] = "1", ["url"] = "https://example.org/x.png" },
            Multipart = true, Lands = "/share/status/",
        },
        // The status key is sealed by the server: a made-up one is no share at all (404), to any signed-in caller.
        PageRow.Get("share status, made-up key", "/share/status/{key}", [], (_, _) => "/share/status/made-up") with { RefusedStatus = 404 },
        PageRow.Get("shared annotation", "/shared/{token}", Everyone, (w, _) => "/shared/" + w.ShareToken) with { Unseen = LinkUnseen },
        PageRow.Get("shared image", "/shared/{token}", Everyone, (w, _) => "/shared/" + w.ImageShareToken) with { Unseen = LinkUnseen },
        PageRow.Get("unknown share link", "/shared/{token}", [], (_, _) => "/shared/no-such-token") with
        {
            RefusedStatus = 404, RefusesAnonymousAlike = true,
        },
    ];
}
