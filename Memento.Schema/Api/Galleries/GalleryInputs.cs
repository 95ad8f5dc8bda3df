using Memento.Domain.Services.Galleries;

namespace Memento.Schema.Api.Galleries;

public sealed record CreateGalleryInput(string Title, string? Description);

public sealed record UpdateGalleryInput(long Id, string Title, string? Description);

/// <summary>A picture <c>pictureId</c> and the gallery <c>id</c>.</summary>
public sealed record GalleryPictureInput(long Id, long PictureId);

/// <summary>A user, by name, and the gallery <c>id</c>.</summary>
public sealed record GalleryUserInput(long Id, string Username);

public sealed record GalleryPayload(GalleryInfo Gallery);

/// <summary>One page of galleries, newest first, and how many there are.</summary>
public sealed record GalleryPage(List<GalleryInfo> Items, int Total);
