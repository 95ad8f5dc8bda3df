using Memento.Domain.Services.Natures;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;

namespace Memento.Schema.Api.Natures;

public sealed class NatureQueries
{
    /// <summary>Every nature ("photo", "whole-slide-scan") with its description, by id (anyone).</summary>
    public Task<IReadOnlyList<NatureInfo>> Natures(IResolveContext context, NatureService natures) =>
        natures.ListAsync(context.CancellationToken);
}

/// <summary>Natures are changed by vocabulary administrators (system administrators and project managers).</summary>
public sealed class NatureMutations
{
    /// <summary>A new nature; ids are lower-case letters, digits and hyphens. CONFLICT when taken.</summary>
    public async Task<NaturePayload> CreateNature(NatureInput input, IResolveContext context, NatureService natures) =>
        new(await natures.CreateAsync(ApiCaller.Of(context), input.Id, input.Description, context.CancellationToken));

    public async Task<NaturePayload> SetNatureDescription(NatureInput input, IResolveContext context,
        NatureService natures) =>
        new(await natures.SetDescriptionAsync(ApiCaller.Of(context), input.Id, input.Description, context.CancellationToken));

    /// <summary>Deletes a nature no image carries; CONFLICT naming the images' count otherwise.</summary>
    public async Task<DeleteNaturePayload> DeleteNature(DeleteNatureInput input, IResolveContext context,
        NatureService natures)
    {
        await natures.DeleteAsync(ApiCaller.Of(context), input.Id, context.CancellationToken);
        return new(input.Id);
    }
}

/// <summary>A nature's id ("whole-slide-scan") and what it means.</summary>
public sealed record NatureInput(string Id, string Description);

public sealed record DeleteNatureInput(string Id);

public sealed record NaturePayload(NatureInfo Nature);

public sealed record DeleteNaturePayload(string DeletedId);
