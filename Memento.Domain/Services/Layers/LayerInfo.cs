using Memento.Domain.Model;

namespace Memento.Domain.Services.Layers;

/// <summary>A layer as read. <see cref="Version"/> advances on every change of the layer or its regions.</summary>
public sealed record LayerInfo(long Id, long AnnotationId, string Name, LayerKind Kind, long? ImageId,
    string Settings, int Sequence, long? ParentLayerId, long? OwnerId, int Version = 0);

/// <summary>
/// A layer to create. <see cref="Sequence"/> -1 appends after the last layer; <see cref="ParentId"/> 0 (or less)
/// means top level; <see cref="ImageId"/> 0 means none (groups and drawings).
/// </summary>
public sealed record LayerSpec(string Name, LayerKind Kind = LayerKind.Image, long ImageId = 0, string? Settings = "",
    int Sequence = -1, long ParentId = 0);

/// <summary>Changes to a layer; null leaves a property as it is. ImageId 0 or ParentId 0 clear them.</summary>
public sealed record LayerEdit(string? Name = null, long? ImageId = null, string? Settings = null, int? Sequence = null,
    long? ParentId = null);
