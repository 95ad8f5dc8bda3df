using Memento.Domain.Authorization;
using Memento.Domain.Model;
using Memento.Domain.Services.Annotations;
using Memento.Domain.Services.Layers;
using Memento.GraphQL.CodeFirst;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;

namespace Memento.Schema.Api.Annotations;

/// <summary>
/// What the caller may do with an annotation, so a client shows only the controls that will work (the viewer leaves
/// the others out). The server checks every write again: these answer "would it be allowed", they grant nothing.
/// </summary>
/// <param name="Participate">Label, submit, classify, comment, share, and add and draw on one's own drawing layers.</param>
/// <param name="Administer">Change or delete any layer (the project's administrators).</param>
public sealed record AnnotationRights(bool Participate, bool Administer);

[GraphQLExtends(typeof(AnnotationInfo))]
public sealed class AnnotationRightsFields
{
    /// <summary>What the caller may do with this annotation (a share-link holder or a viewer: nothing).</summary>
    public async Task<AnnotationRights> Rights([Parent] AnnotationInfo annotation, IResolveContext context,
        AccessPolicy policy)
    {
        var caller = ApiCaller.Of(context);
        var ct = context.CancellationToken;
        return new(await policy.CanParticipateAsync(caller, annotation.Id, ct),
            await policy.CanAdministerProjectAsync(caller, annotation.ProjectId, ct));
    }
}

[GraphQLExtends(typeof(LayerInfo))]
public sealed class LayerRightsFields
{
    /// <summary>
    /// Whether the caller may change this layer: draw on it, rename or delete it (its owner while a participant, or
    /// the project's administrators).
    /// </summary>
    public async Task<bool> Editable([Parent] LayerInfo layer, IResolveContext context, AccessPolicy policy,
        AnnotationService annotations)
    {
        var caller = ApiCaller.Of(context);
        var ct = context.CancellationToken;
        if (caller.UserId is null) return false;
        var annotation = await annotations.GetAsync(caller, layer.AnnotationId, ct);
        if (await policy.CanAdministerProjectAsync(caller, annotation.ProjectId, ct)) return true;
        return layer.Kind == LayerKind.Drawing && layer.OwnerId == caller.UserId
            && await policy.CanParticipateAsync(caller, layer.AnnotationId, ct);
    }
}
