using System.Text.Json;

namespace Memento.Domain.Services.Pictures;

/// <summary>One region in the dataset document's raw format: type bbox/polygon/polyline/point, shape in [0, 1]
/// fractions of the image's size (origin top-left), and the id of a registered object type.</summary>
public sealed record PictureRegionInput(string Type, JsonElement Shape, string? Object);

/// <summary>A picture's metadata as the document's upload and update calls send it; on update, null leaves a value
/// as it is (an empty origin URL or nature clears it).</summary>
public sealed record PictureMetadata(string? Title = null, string? Description = null, string? OriginUrl = null,
    IReadOnlyList<string>? Licences = null, string? Nature = null);

/// <summary>The size of an uploaded image file, read from its header before ingest (upload regions need it to be
/// stored in pixels at once). The host implements it with the imaging engine.</summary>
public interface IPictureProbe
{
    /// <summary>Width and height in pixels; VALIDATION on <c>file</c> when the file is not a readable image.</summary>
    Task<(int Width, int Height)> SizeAsync(Images.IncomingFile file, CancellationToken ct);
}
