using System.Linq.Expressions;
using System.Reflection;
using Memento.GraphQL.Types;

namespace Memento.Schema.Api.Querying;

/// <summary>What a client may do with an exposed property besides reading it. Nothing unless a type opts in.</summary>
[Flags]
public enum Allow
{
    /// <summary>Readable only.</summary>
    None = 0,
    /// <summary>May appear in <c>where</c>.</summary>
    Filter = 1,
    /// <summary>May appear in <c>order</c>.</summary>
    Sort = 2,
    /// <summary>Both.</summary>
    FilterAndSort = Filter | Sort,
}

/// <summary>A property of the entity read straight from its column.</summary>
public sealed class ScalarMember
{
    internal ScalarMember(string name, PropertyInfo property, NamedType graphType, Allow allow)
    {
        Name = name;
        Property = property;
        GraphType = graphType;
        Allow = allow;
        var source = Expression.Parameter(typeof(object), "source");
        Getter = Expression.Lambda<Func<object, object?>>(
            Expression.Convert(Expression.Property(Expression.Convert(source, property.DeclaringType!), property), typeof(object)),
            source).Compile();
    }

    /// <summary>The GraphQL field name.</summary>
    public string Name { get; }

    public PropertyInfo Property { get; }

    /// <summary>The scalar or enum the field has in the schema (and its filter operations compare against).</summary>
    public NamedType GraphType { get; }

    public Allow Allow { get; }

    /// <summary>Reads the property from a (projected) entity, for cursors.</summary>
    internal Func<object, object?> Getter { get; }
}

/// <summary>A to-one navigation exposed as a nested object (projected in the same query) and a nested filter.</summary>
public sealed class ReferenceMember(string name, PropertyInfo property, IQueryableType target, bool filterable)
{
    public string Name { get; } = name;
    public PropertyInfo Property { get; } = property;
    public IQueryableType Target { get; } = target;
    public bool Filterable { get; } = filterable;
    /// <summary>False for a navigation used only in filters: it is not an output field and never projected.</summary>
    public bool Projected { get; init; } = true;
}

/// <summary>A to-many navigation usable in filters as <c>some</c>/<c>all</c>/<c>none</c>; its list field is the API's own.</summary>
public sealed class CollectionMember(string name, PropertyInfo property, IQueryableType target)
{
    public string Name { get; } = name;
    public PropertyInfo Property { get; } = property;
    public IQueryableType Target { get; } = target;
}

/// <summary>A field with its own resolver (e.g. a DataLoader) that needs some columns of its parent.</summary>
public sealed class ResolvedMember(string name, IReadOnlyList<PropertyInfo> requires)
{
    public string Name { get; } = name;
    public IReadOnlyList<PropertyInfo> Requires { get; } = requires;
    /// <summary>Columns of to-one navigations the field reads too (e.g. a comment's author name).</summary>
    public IReadOnlyList<NavigationRead> Through { get; init; } = [];
}

/// <summary>Columns read through a to-one navigation, projected as a partial related entity (its key plus these).</summary>
public sealed record NavigationRead(PropertyInfo Navigation, IQueryableType Target, IReadOnlyList<PropertyInfo> Columns);
