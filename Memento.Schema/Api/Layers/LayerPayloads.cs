using Memento.Domain.Model;
using Memento.Domain.Services.Layers;
using Memento.GraphQL.CodeFirst;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;

namespace Memento.Schema.Api.Layers;

public sealed record LayerPayload(LayerInfo Layer);

public sealed record GetOrCreateLayerPayload(LayerInfo Layer, bool Created);
