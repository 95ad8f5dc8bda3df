using Memento.GraphQL.CodeFirst;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;
using Memento.Schema.Api.Loaders;
using Memento.Domain.Authorization;
using Memento.Domain.Model;
using Memento.Domain.Services.Images;
using Microsoft.EntityFrameworkCore;

namespace Memento.Schema.Api.Images;

public sealed class ImageQueries
{
    public Task<ImageInfo> Image(long id, IResolveContext context, ImageService images) =>
        images.GetAsync(ApiCaller.Of(context), id, context.CancellationToken);

    public Task<ImageInfo?> ImageByName(long projectId, string name, IResolveContext context, ImageService images) =>
        images.FindByNameAsync(ApiCaller.Of(context), projectId, name, context.CancellationToken);
}
