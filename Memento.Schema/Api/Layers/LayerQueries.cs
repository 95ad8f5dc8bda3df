using Memento.Domain.Model;
using Memento.Domain.Services.Layers;
using Memento.GraphQL.CodeFirst;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;

namespace Memento.Schema.Api.Layers;

public sealed class LayerQueries
{
    public Task<LayerInfo> Layer(long id, IResolveContext context, LayerService layers) =>
        layers.GetAsync(ApiCaller.Of(context), id, context.CancellationToken);

    public Task<LayerInfo?> LayerByName(long annotationId, string name, IResolveContext context, LayerService layers) =>
        layers.FindByNameAsync(ApiCaller.Of(context), annotationId, name, context.CancellationToken);
}
