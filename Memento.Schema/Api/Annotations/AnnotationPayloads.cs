using Memento.Domain.Model;
using Memento.Domain.Services.Annotations;
using Memento.Domain.Services.Layers;
using Memento.GraphQL.CodeFirst;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;
using Memento.Schema.Api.Loaders;

namespace Memento.Schema.Api.Annotations;

public sealed record AnnotationPayload(AnnotationInfo Annotation, LayerInfo? FirstLayer, bool Created);

public sealed record LabelName(string Name);
