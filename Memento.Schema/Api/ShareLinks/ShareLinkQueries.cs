using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;
using Memento.Domain.Authorization;
using Memento.Domain.Services.Annotations;
using Memento.Domain.Services.Images;
using Memento.Domain.Services.ShareLinks;

namespace Memento.Schema.Api.ShareLinks;

public sealed class ShareLinkQueries
{
    /// <summary>The annotation or image behind a share link; null when the token is unknown, expired or revoked.</summary>
    public async Task<SharedItem?> SharedItem(string token, IResolveContext context, ShareLinkService links,
        AnnotationService annotations, ImageService images)
    {
        var link = await links.ResolveAsync(token, context.CancellationToken);
        if (link is null) return null;
        // The token grants its read-only access to whoever presents it, for the rest of the request, so the item's
        // nested fields (layers, comments, regions) resolve: an anonymous visitor becomes the link's holder, and a
        // signed-in user keeps their own rights and gains the link's.
        var caller = ApiCaller.Of(context).Holding(link);
        context.RequestItems[ApiCaller.Key] = caller;
        return link.SharedAnnotationId is { } a
            ? new(await annotations.GetAsync(caller, a, context.CancellationToken), null)
            : new(null, await images.GetAsync(caller, link.SharedImageId!.Value, context.CancellationToken));
    }
}
