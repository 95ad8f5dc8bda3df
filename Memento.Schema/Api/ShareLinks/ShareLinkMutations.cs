using Memento.Domain.Authorization;
using Memento.Domain.Services.Annotations;
using Memento.Domain.Services.Images;
using Memento.Domain.Services.ShareLinks;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;

namespace Memento.Schema.Api.ShareLinks;

public sealed class ShareLinkMutations
{
    public async Task<CreateShareLinkPayload> CreateShareLink(CreateShareLinkInput input, IResolveContext context,
        ShareLinkService links, IShareLinkUrls urls)
    {
        var created = await links.CreateAsync(ApiCaller.Of(context), input.AnnotationId, input.ImageId,
            input.ExpiresInHours is { } h ? ShareLinkService.LifetimeOfHours(h) : null, context.CancellationToken);
        return new(created.Link, created.Token, urls.For(created.Token));
    }

    public async Task<RevokeShareLinkPayload> RevokeShareLink(DeleteInput input, IResolveContext context,
        ShareLinkService links)
    {
        await links.RevokeAsync(ApiCaller.Of(context), input.Id, context.CancellationToken);
        return new(input.Id);
    }
}
