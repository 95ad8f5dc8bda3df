namespace Memento.GraphQL.Types;

/// <summary>A union: a value is one of several object types.</summary>
public sealed class UnionType : NamedType
{
    private readonly List<ObjectType> _types = new();

    public UnionType(string name, string? description = null)
        : base(name, description)
    {
    }

    public override bool IsInputType => false;

    public override bool IsOutputType => true;

    public IReadOnlyList<ObjectType> Types => _types;

    /// <summary>Chooses the concrete object type of a value; see <see cref="AbstractTypeResolver"/> for the fallback.</summary>
    public Func<object, IResolveContext, ObjectType?>? ResolveType { get; set; }

    public object? AstNode { get; set; }

    public UnionType AddType(ObjectType type)
    {
        if (!_types.Contains(type))
        {
            _types.Add(type);
        }

        return this;
    }
}
