using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;
using Memento.Schema.Api.Querying;
using Memento.Domain.Model;
using Memento.Domain.Services.ShareLinks;
using Microsoft.Extensions.DependencyInjection;
using ObjectType = Memento.GraphQL.Types.ObjectType;

namespace Memento.Schema.Api.ShareLinks;

/// <summary>The <c>shareLinks(annotationId)</c> connection: active links, for the annotation's participants.</summary>
public static class ShareLinkList
{
    /// <summary>The token hash is never declared, so it is never read.</summary>
    public static QueryableType<ShareLink> Type(ObjectType shareLinkInfo) =>
        QueryableType<ShareLink>.Over(shareLinkInfo, ShareLinkService.ToInfo)
            .Field(s => s.AnnotationId)
            .Field(s => s.ImageId)
            .Field(s => s.CreatedById, Allow.Filter)
            .Field(s => s.CreatedAt, Allow.FilterAndSort)
            .Field(s => s.ExpiresAt, Allow.Filter)
            .Field(s => s.RevokedAt)
            // Its own resolver loads the salt by id (ShareLinkFields): the list reads no column for it.
            .Reads("url", s => s.Id);

    public static FieldDefinition Field(QueryableType<ShareLink> type)
    {
        var field = ConnectionField.For("shareLinks", type, context =>
                context.Services.GetRequiredService<ShareLinkService>().ActiveForAnnotationAsync(ApiCaller.Of(context),
                    (long)context.Arguments["annotationId"]!, context.CancellationToken),
            description: "The active links of an annotation, for its participants; by id unless ordered.");
        field.AddArgument(new ArgumentDefinition("annotationId", ScalarType.Long.NonNull()));
        return field;
    }
}
