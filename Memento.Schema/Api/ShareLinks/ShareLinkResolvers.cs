using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;
using Memento.Domain.Authorization;
using Memento.Domain.Services.Annotations;
using Memento.Domain.Services.Images;
using Memento.Domain.Services.ShareLinks;

namespace Memento.Schema.Api.ShareLinks;

/// <summary>Share exactly one of annotationId or imageId; the link lasts expiresInHours (default 7 days).</summary>
public sealed record CreateShareLinkInput(long? AnnotationId = null, long? ImageId = null, int? ExpiresInHours = null);
/// <summary>The token is returned only here: the server keeps its hash alone.</summary>
public sealed record CreateShareLinkPayload(ShareLinkInfo Link, string Token);
public sealed record RevokeShareLinkPayload(long RevokedId);
/// <summary>What a share link opens: one annotation or one image, read-only.</summary>
public sealed record SharedItem(AnnotationInfo? Annotation, ImageInfo? Image);

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

public sealed class ShareLinkMutations
{
    public async Task<CreateShareLinkPayload> CreateShareLink(CreateShareLinkInput input, IResolveContext context,
        ShareLinkService links)
    {
        var created = await links.CreateAsync(ApiCaller.Of(context), input.AnnotationId, input.ImageId,
            input.ExpiresInHours is { } h ? ShareLinkService.LifetimeOfHours(h) : null, context.CancellationToken);
        return new(created.Link, created.Token);
    }

    public async Task<RevokeShareLinkPayload> RevokeShareLink(DeleteInput input, IResolveContext context,
        ShareLinkService links)
    {
        await links.RevokeAsync(ApiCaller.Of(context), input.Id, context.CancellationToken);
        return new(input.Id);
    }
}
