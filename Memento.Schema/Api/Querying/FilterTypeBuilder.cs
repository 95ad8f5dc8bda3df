using Memento.GraphQL.Types;

namespace Memento.Schema.Api.Querying;

/// <summary>Generates <c>&lt;T&gt;Filter</c>: and/or, one operation input per filterable property, nested navigations.</summary>
internal static class FilterTypeBuilder
{
    // One list filter per element type, however many navigations lead to it (names must be unique in a schema).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IQueryableType, InputObjectType> ListFilters = new();

    public static InputObjectType Build(IQueryableType entity, Action<InputObjectType> publish)
    {
        var type = new InputObjectType(entity.Type.Name + "Filter", $"Conditions on {entity.Type.Name}; all given must hold.");
        // Published before its fields are added, so navigations that lead back here reuse this instance.
        publish(type);
        type.AddField(FilterOperations.And, type.NonNull().List(), "All of these hold.");
        type.AddField(FilterOperations.Or, type.NonNull().List(), "At least one of these holds.");
        foreach (var member in entity.Scalars.Values)
        {
            if ((member.Allow & Allow.Filter) != 0)
                type.AddField(member.Name, OperationFilterTypes.For(member.GraphType, member.Property.PropertyType));
        }
        foreach (var member in entity.References.Values)
        {
            if (member.Filterable) type.AddField(member.Name, member.Target.FilterType);
        }
        foreach (var member in entity.Collections.Values)
        {
            type.AddField(member.Name, ListFilterType(member.Target));
        }
        return type;
    }

    private static InputObjectType ListFilterType(IQueryableType target) => ListFilters.GetValue(target, BuildListFilterType);

    private static InputObjectType BuildListFilterType(IQueryableType target)
    {
        var type = new InputObjectType("List" + target.Type.Name + "Filter", $"Conditions on a list of {target.Type.Name}.");
        type.AddField(FilterOperations.Some, target.FilterType, "At least one element matches.");
        type.AddField(FilterOperations.All, target.FilterType, "Every element matches (true for an empty list).");
        type.AddField(FilterOperations.None, target.FilterType, "No element matches.");
        return type;
    }
}
