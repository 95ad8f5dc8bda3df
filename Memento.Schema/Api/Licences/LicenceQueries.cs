using Memento.Domain.Authorization;
using Memento.Domain.Services.Licences;
using Memento.GraphQL.Types;

namespace Memento.Schema.Api.Licences;

/// <summary>The licences images can carry (the SPDX list and the informal X- ones); anyone reads them.</summary>
public sealed class LicenceQueries
{
    /// <summary>Every licence: the pinned ones (common image licences) first, then by id.</summary>
    public Task<IReadOnlyList<LicenceInfo>> Licences(IResolveContext context, LicenceService licences) =>
        licences.ListAsync(context.CancellationToken);

    /// <summary>The licence with this id (SPDX id or X-…), with its description and links, or null.</summary>
    public async Task<LicenceDetails?> Licence(string id, IResolveContext context, LicenceService licences)
    {
        try
        {
            return await licences.GetAsync(id, context.CancellationToken);
        }
        catch (MementoException e) when (e.Code == ErrorCode.NotFound)
        {
            return null;
        }
    }
}
