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

    /// <summary>Renames the label; annotations that carry it keep it. CONFLICT when the project has a label of that name.</summary>
    public async Task<LabelPayload> RenameLabel(RenameInput input, IResolveContext context, LabelService labels) =>
        new(await labels.RenameAsync(ApiCaller.Of(context), input.Id, input.Name, context.CancellationToken), false);

    /// <summary>Deletes the label; it leaves every annotation that carried it.</summary>
    public async Task<DeletePayload> DeleteLabel(DeleteInput input, IResolveContext context, LabelService labels)
    {
        await labels.DeleteAsync(ApiCaller.Of(context), input.Id, context.CancellationToken);
        return new(input.Id);
    }
}
