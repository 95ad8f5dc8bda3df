using Memento.GraphQL.CodeFirst;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;
using Memento.Domain.Services.Labels;

namespace Memento.Schema.Api.Labels;

public sealed class LabelMutations
{
    public async Task<LabelPayload> CreateLabel(CreateLabelInput input, IResolveContext context, LabelService labels) =>
        new(await labels.CreateAsync(ApiCaller.Of(context), input.ProjectId, input.Name, context.CancellationToken), true);

    [GraphQLName("getOrCreateLabel")]
    public async Task<LabelPayload> GetOrCreateLabel(CreateLabelInput input, IResolveContext context,
        LabelService labels)
    {
        var (label, created) = await labels.GetOrCreateAsync(ApiCaller.Of(context), input.ProjectId, input.Name,
            context.CancellationToken);
        return new(label, created);
    }

    public async Task<DeletePayload> DeleteLabel(DeleteInput input, IResolveContext context, LabelService labels)
    {
        await labels.DeleteAsync(ApiCaller.Of(context), input.Id, context.CancellationToken);
        return new(input.Id);
    }
}
