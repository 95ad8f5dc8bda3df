namespace Memento.GraphQL.Types;

/// <summary>An object type: a set of named fields, each yielding a value of a specific type.</summary>
public sealed class ObjectType : FieldsContainer
{
    public ObjectType(string name, string? description = null)
        : base(name, description)
    {
    }

    /// <summary>
    /// Tells whether a runtime value belongs to this type; used to resolve interfaces and unions that have no
    /// ResolveType of their own.
    /// </summary>
    public Func<object, IResolveContext, bool>? IsTypeOf { get; set; }
}
