using Memento.Domain.Model;

namespace Memento.Server.Pages.Share;

/// <summary>What the share form shows again after a refusal: the typed values and a message per field.</summary>
public sealed record ShareForm(string Name = "", int Format = 1, string Url = "",
    IReadOnlyDictionary<string, string>? Errors = null)
{
    public string? ErrorOf(string field) => Errors?.GetValueOrDefault(field);

    /// <summary>The domain names fields as the API does; the form has name, format, url, file and the form itself.</summary>
    public static string FieldOf(string domainField) => domainField switch
    {
        "name" => "name",
        "formatCode" => "format",
        "url" => "url",
        "file" => "file",
        _ => "form",
    };

    /// <summary>The manual's image format codes.</summary>
    public static readonly IReadOnlyList<(int Code, string Text)> Formats =
    [
        (1, "1 · RGB JPEG, at most 2048 px"),
        (2, "2 · RGBA PNG, at most 2048 px"),
        (3, "3 · RGBA PNG, full size"),
        (4, "4 · JPEG tiles (large images)"),
        (5, "5 · PNG tiles (large images)"),
    ];
}

/// <summary>A quick share as its sharer follows it: processing (the image's id for its live progress), then the link.</summary>
public sealed record ShareStatusView(long ImageId, string ImageName, ImageProcessingState State, int ProgressPercent,
    string? Error, string StatusUrl, string? LinkUrl)
{
    public bool Processing => State is ImageProcessingState.Pending or ImageProcessingState.Processing;
}

/// <summary>What a share link opens: one image, or an annotation's image layers.</summary>
public sealed record SharedView(string Title, string? AnnotationName, IReadOnlyList<SharedPicture> Pictures);

public sealed record SharedPicture(string Caption, string ImageName, int? Width, int? Height,
    ImageProcessingState State, string? Url);
