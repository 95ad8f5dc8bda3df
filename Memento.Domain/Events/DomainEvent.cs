using System.Text.Json.Serialization;
using Memento.Domain.Model;

namespace Memento.Domain.Events;

/// <summary>
/// Something that changed in a project, as live views (subscriptions) learn of it. Events carry ids only, never
/// content: whoever receives one reads what it may see through the usual access checks. The type discriminators
/// name the events in the PostgreSQL relay's JSON, so they must not change.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$t")]
[JsonDerivedType(typeof(ImageProgressChanged), "image")]
[JsonDerivedType(typeof(AnnotationChanged), "annotation")]
[JsonDerivedType(typeof(ProjectCountersChanged), "counters")]
[JsonDerivedType(typeof(AccessChanged), "access")]
public abstract record DomainEvent(long ProjectId);

/// <summary>An image's processing state or conversion progress changed.</summary>
public sealed record ImageProgressChanged(long ProjectId, long ImageId, ImageProcessingState State, int ProgressPercent)
    : DomainEvent(ProjectId);

/// <summary>What changed on an annotation (the viewer's badges and panels each follow some of these).</summary>
public enum AnnotationChange { Labels, Status, Classifications, Comments, ShareLink, LayerSaved, LayerAdded, LayerDeleted }

/// <summary>
/// An annotation changed. <see cref="LayerId"/> names the layer for comment and layer changes;
/// <see cref="LayerVersion"/> is the layer's version after a save or an addition. The actor is who made the change
/// (null for imports without a user); receivers decide whether their caller may know the name.
/// </summary>
public sealed record AnnotationChanged(long ProjectId, long CategoryId, long AnnotationId, AnnotationChange Change,
    long? LayerId, int? LayerVersion, long? ActorId, string? ActorName) : DomainEvent(ProjectId);

/// <summary>A counter of the project editor's summary (participants, annotations, submitted, shared) may have changed.</summary>
public sealed record ProjectCountersChanged(long ProjectId) : DomainEvent(ProjectId);

/// <summary>
/// Who may see what in the project may have changed: roles granted or revoked, a share link revoked, the project's
/// visibility changed, the project or one of its categories or annotations deleted. Receivers drop cached access
/// decisions. <see cref="Everywhere"/> (project 0) stands for every project: system-wide roles and deleted users.
/// </summary>
public sealed record AccessChanged(long ProjectId) : DomainEvent(ProjectId)
{
    /// <summary>Access may have changed in every project (a system administrator's role, a deleted account).</summary>
    public static AccessChanged Everywhere { get; } = new(0);

    /// <summary>True when this change concerns <paramref name="projectId"/>.</summary>
    public bool Concerns(long projectId) => ProjectId == 0 || ProjectId == projectId;
}
