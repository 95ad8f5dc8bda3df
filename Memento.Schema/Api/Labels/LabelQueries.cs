using Memento.Domain.Services.Labels;
using Memento.GraphQL.CodeFirst;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;

namespace Memento.Schema.Api.Labels;

public sealed class LabelQueries
{
    public Task<LabelInfo?> LabelByName(long projectId, string name, IResolveContext context, LabelService labels) =>
        labels.FindByNameAsync(ApiCaller.Of(context), projectId, name, context.CancellationToken);
}
