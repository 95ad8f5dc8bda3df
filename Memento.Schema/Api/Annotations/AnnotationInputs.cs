using Memento.Domain.Model;
using Memento.Domain.Services.Annotations;
using Memento.Domain.Services.Layers;
using Memento.GraphQL.CodeFirst;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;
using Memento.Schema.Api.Loaders;

namespace Memento.Schema.Api.Annotations;

/// <summary>The annotation's first layer: a group (isGroup, imageId 0), an image layer, or else a drawing.</summary>
/// Optional fields are nullable because input-field defaults come only from nullability here: omitted means
/// imageId 0, settings "", sequence 1, parentId 0, isGroup false.
public sealed record FirstLayerInput(string Name, long? ImageId = null, string? Settings = null, int? Sequence = null,
    long? ParentId = null, bool? IsGroup = null)
{
    internal LayerSpec ToSpec()
    {
        var isGroup = IsGroup ?? false;
        var imageId = ImageId ?? 0;
        return new(Name, isGroup ? LayerKind.Group : imageId > 0 ? LayerKind.Image : LayerKind.Drawing,
            isGroup ? 0 : imageId, Settings ?? "", Sequence ?? 1, ParentId ?? 0);
    }
}

public sealed record CreateAnnotationInput(long CategoryId, string Name, FirstLayerInput Layer);

/// <summary>The annotation to submit; labels, when given, replace its labels in the same transaction.</summary>
public sealed record SubmitAnnotationInput(long Id, List<string>? Labels = null);

/// <summary>The annotation and the category (of the same project) it moves to.</summary>
public sealed record MoveAnnotationInput(long Id, long CategoryId);

public sealed record SetAnnotationLabelsInput(long AnnotationId, List<string> Labels);
