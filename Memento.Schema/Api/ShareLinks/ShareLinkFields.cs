using Memento.Domain.Services.ShareLinks;
using Memento.GraphQL.CodeFirst;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;

namespace Memento.Schema.Api.ShareLinks;

/// <summary>An active link's URL, derived again from the server's secret for those who may share its target.</summary>
[GraphQLExtends(typeof(ShareLinkInfo))]
public sealed class ShareLinkFields
{
    /// <summary>
    /// The page the link's holder opens, ready to send again, for the annotation's participants (an image's project
    /// administrators) while the link is active; null otherwise, and for links made before URLs could be shown again
    /// (revoke those and share anew).
    /// </summary>
    public async Task<string?> Url([Parent] ShareLinkInfo link, IResolveContext context, ShareLinkService links,
        IShareLinkUrls urls) =>
        await links.TokenOfAsync(ApiCaller.Of(context), link.Id, context.CancellationToken) is { } token
            ? urls.For(token) : null;
}
