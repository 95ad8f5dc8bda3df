using Memento.Domain.Authorization;
using Memento.Domain.Services.Annotations;
using Memento.Domain.Services.Images;
using Memento.Domain.Services.ShareLinks;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;

namespace Memento.Schema.Api.ShareLinks;

/// <summary>Share exactly one of annotationId or imageId; the link lasts expiresInHours (default 7 days).</summary>
public sealed record CreateShareLinkInput(long? AnnotationId = null, long? ImageId = null, int? ExpiresInHours = null);
