using Memento.Domain.Datasets;

namespace Memento.Schema.Api.Pictures;

/// <summary>The picture <c>id</c> replaces <c>replacesId</c>; null: it replaces nothing.</summary>
public sealed record ReplacePictureInput(long Id, long? ReplacesId);

/// <summary>Copies the picture <c>id</c> into the project <c>projectId</c>.</summary>
public sealed record CopyPictureInput(long Id, long ProjectId);

public sealed record PictureLinkPayload(Picture Picture);
