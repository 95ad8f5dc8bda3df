using Memento.Domain.Authorization;
using Memento.Domain.Services.Annotations;
using Memento.GraphQL.CodeFirst;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;

namespace Memento.Schema.Api.Subscriptions;

[GraphQLExtends(typeof(AnnotationEvent))]
public sealed class AnnotationEventFields
{
    /// <summary>The annotation as the caller sees it now (badges: needsLabels, hasComments, shared, classifications, status).</summary>
    public async Task<AnnotationInfo?> Annotation([Parent] AnnotationEvent e, IResolveContext context,
        AnnotationService annotations)
    {
        try
        {
            // The Annotation type's own resolvers, and their permission checks, run on it for this event.
            return await annotations.GetAsync(ApiCaller.Of(context), e.AnnotationId, context.CancellationToken);
        }
        catch (MementoException gone) when (gone.Code == ErrorCode.NotFound)
        {
            return null; // deleted since the event: the list drops it
        }
    }
}
