using Microsoft.Playwright;

namespace Memento.Tests.Browser.Support;

/// <summary>
/// Every control of the viewer that writes, by CSS selector: a read-only caller (the provie/catvie/annvie viewers, a
/// share link's holder) must find none of them in the DOM — absent, not hidden or disabled. Each panel adds its own
/// rows; <see cref="ShownToTheAuthor"/> says whether the scene's admin (a participant who wrote the seeded comment)
/// sees it on opening the annotation with expandcomment:1, so the selector is proven to match something real.
/// </summary>
public static class ViewerWriteControls
{
    public sealed record Control(string Selector, string What, bool ShownToTheAuthor);

    public static readonly IReadOnlyList<Control> All =
    [
        // comment-panel.js
        new("#comment-panel .comment-add", "the add-comment form (textarea + post_add)", true),
        new("#comment-panel .comment-post", "the post_add button", true),
        new("#comment-panel .comment-edit", "edit (pencil) on one's own comment", true),
        new("#comment-panel .comment-delete", "delete (speaker_notes_off) on one's own comment", true),
        // share-actions.js
        new(".viewer-actions .action-share", "the share floating action", true),
        new(".viewer-actions .action-link", "the link floating action (only while a link is active)", false),
        // label-panel.js, drawing-layers.js, drawing/drawing.js, sidebar.js: their owners add their write controls here.
    ];

    /// <summary>Fails naming every write control the page shows.</summary>
    public static async Task AssertNoneAsync(IPage page, string who)
    {
        var found = new List<string>();
        foreach (var control in All)
            if (await page.Locator(control.Selector).CountAsync() > 0) found.Add($"{control.What} ({control.Selector})");
        Assert.True(found.Count == 0, $"{who} is shown write controls: {string.Join("; ", found)}");
    }
}
