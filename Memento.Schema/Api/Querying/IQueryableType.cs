using System.Reflection;
using Memento.GraphQL.Types;

namespace Memento.Schema.Api.Querying;

/// <summary>The untyped view of <see cref="QueryableType{T}"/>, for nested filters and projections across types.</summary>
public interface IQueryableType
{
    /// <summary>The entity class.</summary>
    Type ClrType { get; }

    /// <summary>The GraphQL object type of its values.</summary>
    ObjectType Type { get; }

    /// <summary>The unique key every projection reads and every order ends with, so cursors are stable.</summary>
    PropertyInfo Key { get; }

    /// <summary>The generated <c>&lt;T&gt;Filter</c> input.</summary>
    InputObjectType FilterType { get; }

    IReadOnlyDictionary<string, ScalarMember> Scalars { get; }
    IReadOnlyDictionary<string, ReferenceMember> References { get; }
    IReadOnlyDictionary<string, CollectionMember> Collections { get; }
    IReadOnlyDictionary<string, ResolvedMember> Resolved { get; }
}
