using Memento.Domain.Services.Categories;
using Memento.Domain.Services.Classifications;
using Memento.Domain.Services.Images;
using Memento.Domain.Services.Labels;
using Memento.Domain.Services.Projects;
using Memento.Domain.Services.Reports;

namespace Memento.Server.Pages.ProjectEditor;

/// <summary>Everything the project editor shows, read for one request by <see cref="ProjectEditorLoader"/>.</summary>
public sealed record ProjectEditorModel(
    ProjectInfo Project,
    Paged<LabelInfo> Labels,
    Paged<CategoryInfo> Categories,
    Paged<ClassificationInfo> Classifications,
    Paged<ImageRowModel> Images,
    MembersSummary Members,
    ProjectSummary Counters,
    EditorPaging Paging,
    FormFailure? Failure)
{
    /// <summary>The failure of the form named <paramref name="form"/>, if that form's post just failed.</summary>
    public FormFailure? FailureOf(string form) => Failure?.Form == form ? Failure : null;

    public string Url => $"/projects/{Project.Id}";
}

/// <summary>An image row: the image and, once READY, its signed thumbnail URL.</summary>
public sealed record ImageRowModel(long ProjectId, ImageInfo Image, string? ThumbnailUrl);

/// <summary>Project-level participants and viewers: counts and the first few names.</summary>
public sealed record MembersSummary(int Participants, int Viewers, IReadOnlyList<string> FirstParticipants,
    IReadOnlyList<string> FirstViewers);

/// <summary>
/// A form post the domain refused (VALIDATION or CONFLICT): which form, the message, and what the user typed, so the
/// page shows the message next to the field and loses nothing.
/// </summary>
public sealed record FormFailure(string Form, string Message, string? Field, IReadOnlyDictionary<string, string?> Values)
{
    public string? Value(string key) => Values.GetValueOrDefault(key);
}

/// <summary>The page of each list the editor shows, from the query string (?labels=2&amp;images=3).</summary>
public sealed record EditorPaging(int Labels = 1, int Categories = 1, int Classifications = 1, int Images = 1)
{
    public static EditorPaging From(HttpRequest request) => new(
        Read(request, "labels"), Read(request, "categories"), Read(request, "classifications"), Read(request, "images"));

    /// <summary>The editor's URL with this paging, one list moved to <paramref name="page"/>.</summary>
    public string Link(long projectId, string list, int page)
    {
        var pages = new Dictionary<string, int>
        {
            ["labels"] = Labels, ["categories"] = Categories, ["classifications"] = Classifications, ["images"] = Images,
        };
        pages[list] = page;
        var query = string.Join("&", pages.Where(p => p.Value > 1).Select(p => $"{p.Key}={p.Value}"));
        return $"/projects/{projectId}{(query.Length > 0 ? "?" + query : "")}#{list}";
    }

    private static int Read(HttpRequest request, string key) =>
        int.TryParse(request.Query[key], out var page) && page > 0 ? page : 1;
}
