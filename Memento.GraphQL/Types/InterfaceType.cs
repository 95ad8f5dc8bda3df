namespace Memento.GraphQL.Types;

/// <summary>An interface: fields that every implementing object (or interface) type has.</summary>
public sealed class InterfaceType : FieldsContainer
{
    public InterfaceType(string name, string? description = null)
        : base(name, description)
    {
    }

    /// <summary>Chooses the concrete object type of a value; see <see cref="AbstractTypeResolver"/> for the fallback.</summary>
    public Func<object, IResolveContext, ObjectType?>? ResolveType { get; set; }
}
