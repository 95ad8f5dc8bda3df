using Memento.Domain.Authorization;
using Memento.Domain.Services.Annotations;
using Memento.Domain.Services.Images;
using Memento.Domain.Services.ShareLinks;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;

namespace Memento.Schema.Api.ShareLinks;

/// <summary>
/// The token is returned only here: the server keeps its hash alone. <c>url</c> is the page the link's holder opens
/// (<c>{public URL}/shared/{token}</c>), ready to send.
/// </summary>
public sealed record CreateShareLinkPayload(ShareLinkInfo Link, string Token, string Url);

public sealed record RevokeShareLinkPayload(long RevokedId);

/// <summary>What a share link opens: one annotation or one image, read-only.</summary>
public sealed record SharedItem(AnnotationInfo? Annotation, ImageInfo? Image);
