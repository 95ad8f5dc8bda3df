using Memento.Domain.Services.Images;

namespace Memento.Domain.Services.Annotations;

/// <summary>
/// What the viewer's sidebar shows beside an annotation's name (manual, "GUI in depth": the badges) and on its
/// thumbnail card.
/// </summary>
/// <param name="NeedsLabels">The project has labels and the annotation is not submitted (fact_check; the Next queue).</param>
/// <param name="HasComments">A comment on any of its layers (notes).</param>
/// <param name="Shared">An active share link (share) — false for a caller who may not take part in the annotation.</param>
/// <param name="Preview">The image of its first image layer that has a thumbnail and the caller may read, or null.</param>
public sealed record AnnotationBadges(bool NeedsLabels, bool HasComments, bool Shared, ImageInfo? Preview);

/// <summary>One page of a category's annotations, with the count of all the caller may read there.</summary>
public sealed record AnnotationPageInfo(List<AnnotationInfo> Items, bool HasMore, int Total);
