using Memento.Domain.Authorization;
using Memento.Domain.Datasets;
using Memento.Domain.Services.Pictures;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;

namespace Memento.Schema.Api.Pictures;

public sealed class PictureQueries
{
    /// <summary>
    /// One picture in the dataset document's shape (metadata, licences, regions in [0, 1] coordinates), or null when
    /// it does not exist or the caller may not search it (public projects: anyone; otherwise whole-project readers).
    /// </summary>
    public async Task<Picture?> Picture(long id, IResolveContext context, PictureService pictures)
    {
        try
        {
            return await pictures.GetAsync(ApiCaller.Of(context), id, context.CancellationToken);
        }
        catch (MementoException e) when (e.Code == ErrorCode.NotFound)
        {
            return null;
        }
    }
}
