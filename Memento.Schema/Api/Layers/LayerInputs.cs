using Memento.Domain.Model;
using Memento.Domain.Services.Layers;
using Memento.GraphQL.CodeFirst;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;

namespace Memento.Schema.Api.Layers;

/// <summary>Omitted fields mean: kind IMAGE, imageId 0, settings "", sequence -1 (append), parentId 0 (top level).</summary>
public sealed record CreateLayerInput(long AnnotationId, string Name, LayerKind? Kind = null, long? ImageId = null,
    string? Settings = null, int? Sequence = null, long? ParentId = null)
{
    internal LayerSpec ToSpec() =>
        new(Name, Kind ?? LayerKind.Image, ImageId ?? 0, Settings ?? "", Sequence ?? -1, ParentId ?? 0);
}

public sealed record EditLayerInput(long Id, string? Name = null, long? ImageId = null, string? Settings = null,
    int? Sequence = null, long? ParentId = null);
