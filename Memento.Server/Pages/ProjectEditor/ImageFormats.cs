namespace Memento.Server.Pages.ProjectEditor;

/// <summary>The manual's image format choices (ManualCodes.ImageFormat accepts 1-5), as the upload form offers them.</summary>
public static class ImageFormats
{
    public static readonly (int Code, string Text)[] Choices =
    [
        (1, "RGB JPEG, resized to max 2048 × 2048 px"),
        (2, "RGBA PNG, resized to max 2048 × 2048 px (most fluorescence images)"),
        (3, "RGBA PNG, full original resolution"),
        (4, "Large image: RGB JPEG tiles (pyramidal)"),
        (5, "Large image: RGBA PNG tiles (pyramidal)"),
    ];

    public static string Describe(int code) =>
        Choices.FirstOrDefault(c => c.Code == code) is { Text: not null } choice ? $"{code}: {choice.Text}" : code.ToString();
}
