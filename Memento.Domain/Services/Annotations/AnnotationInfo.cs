using Memento.Domain.Model;

namespace Memento.Domain.Services.Annotations;

public sealed record AnnotationInfo(long Id, long CategoryId, long ProjectId, string Name, AnnotationStatus Status,
    DateTimeOffset? SubmittedAt, DateTimeOffset CreatedAt)
{
    /// <summary>The manual's status code: N (not reviewed) or S (submitted).</summary>
    public string StatusCode => ManualCodes.Code(Status);
}

/// <summary>An annotation and the first layer made with it (null when getOrCreate found an existing annotation).</summary>
public sealed record AnnotationCreated(AnnotationInfo Annotation, long? FirstLayerId, bool Created)
{
    /// <summary>The manual's (annotation_id, layer_id) convention: layer -1 when the annotation already existed.</summary>
    public (long AnnotationId, long LayerId) ManualIds => (Annotation.Id, FirstLayerId ?? -1);
}
