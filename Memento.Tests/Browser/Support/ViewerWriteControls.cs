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
        // label-panel.js: Submit and Classify (the scene's project has no labels or classifications: not shown there).
        new("#label-panel .top-submit", "Submit or Classify", false),
        new("#label-panel button[aria-pressed], #label-panel [role=radio]", "label or classification toggles", false),
        // drawing-layers.js: add a drawing layer by name, delete one.
        new("#layer-panel .drawing-layer-form", "the add-drawing-layer form", true),
        new("#layer-panel .drawing-layer-delete", "delete a drawing layer", false),
        // drawing/drawing.js: draw mode and Save (only with an editable drawing layer active), a region's ×.
        new(".viewer-actions .action-draw", "the draw floating action", false),
        new(".viewer-actions .action-save", "the save floating action", false),
        new(".roi-delete", "a region's delete ×", false),
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
