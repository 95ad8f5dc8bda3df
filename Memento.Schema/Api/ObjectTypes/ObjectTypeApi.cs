using Memento.Domain.Authorization;
using Memento.Domain.Services.ObjectTypes;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;

namespace Memento.Schema.Api.ObjectTypes;

public sealed class ObjectTypeQueries
{
    /// <summary>Every object type with its parents, children and ancestors, by id (anyone, also signed out).</summary>
    public Task<List<ObjectTypeInfo>> ObjectTypes(IResolveContext context, ObjectTypeService types) =>
        types.ListAsync(ApiCaller.Of(context), context.CancellationToken);

    /// <summary>The object type with this id, or null (anyone).</summary>
    public async Task<ObjectTypeInfo?> ObjectType(string id, IResolveContext context, ObjectTypeService types)
    {
        try
        {
            return await types.GetAsync(ApiCaller.Of(context), id, context.CancellationToken);
        }
        catch (MementoException e) when (e.Code == ErrorCode.NotFound)
        {
            return null;
        }
    }
}

/// <summary>
/// The object vocabulary's changes, for vocabulary administrators (system administrators and project managers).
/// Every change keeps the hierarchy's closure whole, so dataset searches see it at once.
/// </summary>
public sealed class ObjectTypeMutations
{
    /// <summary>
    /// Registers an object type (system administrators and project managers); parents must exist. CONFLICT when
    /// the id is taken. The same as createObjectType, kept for existing scripts.
    /// </summary>
    public async Task<RegisterObjectTypePayload> RegisterObjectType(RegisterObjectTypeInput input,
        IResolveContext context, ObjectTypeService types) =>
        new(await types.RegisterAsync(ApiCaller.Of(context), input.Id, input.Description, input.Parents,
            context.CancellationToken));

    /// <summary>A new object type under existing parents. CONFLICT when the id is taken.</summary>
    public async Task<ObjectTypePayload> CreateObjectType(CreateObjectTypeInput input, IResolveContext context,
        ObjectTypeService types) =>
        new(await types.RegisterAsync(ApiCaller.Of(context), input.Id, input.Description, input.Parents,
            context.CancellationToken));

    /// <summary>A new id for the type; the regions tagged with it and its parent edges follow. CONFLICT when taken.</summary>
    public async Task<ObjectTypePayload> RenameObjectType(RenameObjectTypeInput input, IResolveContext context,
        ObjectTypeService types) =>
        new(await types.RenameAsync(ApiCaller.Of(context), input.Id, input.NewId, context.CancellationToken));

    public async Task<ObjectTypePayload> SetObjectTypeDescription(SetObjectTypeDescriptionInput input,
        IResolveContext context, ObjectTypeService types) =>
        new(await types.SetDescriptionAsync(ApiCaller.Of(context), input.Id, input.Description, context.CancellationToken));

    /// <summary>Replaces the type's parents; a parent that would close a cycle is refused, the cycle named.</summary>
    public async Task<ObjectTypePayload> SetObjectTypeParents(SetObjectTypeParentsInput input, IResolveContext context,
        ObjectTypeService types) =>
        new(await types.SetParentsAsync(ApiCaller.Of(context), input.Id, input.Parents, context.CancellationToken));

    /// <summary>Deletes an unused type (its children lose the edge); CONFLICT naming the regions' count when used.</summary>
    public async Task<DeleteObjectTypePayload> DeleteObjectType(DeleteObjectTypeInput input, IResolveContext context,
        ObjectTypeService types)
    {
        await types.DeleteAsync(ApiCaller.Of(context), input.Id, context.CancellationToken);
        return new(input.Id);
    }
}

/// <summary>An object type's id (e.g. "nucleus"), what it is, and the types it is a kind of.</summary>
public sealed record RegisterObjectTypeInput(string Id, string? Description = null, List<string>? Parents = null);

public sealed record RegisterObjectTypePayload(ObjectTypeInfo ObjectType);

/// <summary>An object type's id (e.g. "nucleus"), what it is, and the types it is a kind of.</summary>
public sealed record CreateObjectTypeInput(string Id, string? Description = null, List<string>? Parents = null);

public sealed record RenameObjectTypeInput(string Id, string NewId);

public sealed record SetObjectTypeDescriptionInput(string Id, string Description);

/// <summary>The type's parents, all of them (an empty list makes it a root).</summary>
public sealed record SetObjectTypeParentsInput(string Id, List<string> Parents);

public sealed record DeleteObjectTypeInput(string Id);

public sealed record ObjectTypePayload(ObjectTypeInfo ObjectType);

public sealed record DeleteObjectTypePayload(string DeletedId);
