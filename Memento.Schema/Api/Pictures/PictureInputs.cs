using System.Text.Json;
using Memento.Domain.Datasets;
using Memento.Domain.Services.Pictures;
using Memento.GraphQL.Types;

namespace Memento.Schema.Api.Pictures;

/// <summary>A region in the dataset document's raw format: type bbox/polygon/polyline/point, shape with coordinates in
/// [0, 1] of the image's size (origin top-left), and a registered object type's id.</summary>
public sealed record PictureRegionShapeInput(string Type, JsonElement Shape, string Object)
{
    public PictureRegionInput ToDomain() => new(Type, Shape, Object);
}

/// <summary>A new picture of the dataset project: its file (multipart Upload), metadata and optional regions.</summary>
public sealed record UploadPictureInput(IUploadedFile File, string? Title = null, string? Description = null,
    string? OriginUrl = null, List<string>? Licences = null, string? Nature = null,
    List<PictureRegionShapeInput>? Regions = null);

/// <summary>Metadata to change; a field left out (null) stays as it is, "" clears the origin URL or nature.</summary>
public sealed record UpdatePictureInput(long Id, string? Title = null, string? Description = null,
    string? OriginUrl = null, List<string>? Licences = null, string? Nature = null);

/// <summary>The caller's complete set of regions on the picture (an empty list removes theirs).</summary>
public sealed record SetPictureRegionsInput(long Id, List<PictureRegionShapeInput> Regions);

public sealed record PicturePayload(Picture Picture);
