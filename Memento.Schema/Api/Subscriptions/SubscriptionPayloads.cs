using Memento.Domain.Events;
using Memento.Domain.Model;

namespace Memento.Schema.Api.Subscriptions;

/// <summary>An image's processing state and conversion progress.</summary>
public sealed record ImageProgress(long ImageId, ImageProcessingState State, int ProgressPercent);

/// <summary>A change on an annotation the caller may read.</summary>
/// <param name="Change">What changed.</param>
/// <param name="AnnotationId">The annotation.</param>
/// <param name="CategoryId">Its category.</param>
/// <param name="LayerId">The layer, for comment and layer changes.</param>
/// <param name="LayerVersion">The layer's version after a save or an addition.</param>
/// <param name="Actor">Who made the change (username); null when the caller may not know it.</param>
public sealed record AnnotationEvent(AnnotationChange Change, long AnnotationId, long CategoryId, long? LayerId,
    int? LayerVersion, string? Actor);

/// <summary>The project editor's counters, as the caller sees them (only what the caller may read is counted).</summary>
public sealed record ProjectCounters(long ProjectId, int Participants, int Annotations, int Submitted, int Shared);
