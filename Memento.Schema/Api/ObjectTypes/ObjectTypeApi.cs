using Memento.Domain.Services.ObjectTypes;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;

namespace Memento.Schema.Api.ObjectTypes;

public sealed class ObjectTypeQueries
{
    /// <summary>Every registered object type with its parents, by id (signed-in users).</summary>
    public Task<List<ObjectTypeInfo>> ObjectTypes(IResolveContext context, ObjectTypeService types) =>
        types.ListAsync(ApiCaller.Of(context), context.CancellationToken);
}

public sealed class ObjectTypeMutations
{
    /// <summary>
    /// Registers an object type (system administrators and project managers); parents must exist. CONFLICT when
    /// the id is taken.
    /// </summary>
    public async Task<RegisterObjectTypePayload> RegisterObjectType(RegisterObjectTypeInput input,
        IResolveContext context, ObjectTypeService types) =>
        new(await types.RegisterAsync(ApiCaller.Of(context), input.Id, input.Description, input.Parents,
            context.CancellationToken));
}

/// <summary>An object type's id (e.g. "nucleus"), what it is, and the types it is a kind of.</summary>
public sealed record RegisterObjectTypeInput(string Id, string? Description = null, List<string>? Parents = null);

public sealed record RegisterObjectTypePayload(ObjectTypeInfo ObjectType);
