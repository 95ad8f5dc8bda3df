namespace Memento.GraphQL.Types;

/// <summary>Any GraphQL type: a named type or a wrapping (list / non-null) type.</summary>
public abstract class GraphQLType
{
    private protected GraphQLType() { }

    /// <summary>Scalars, enums and input objects (possibly wrapped) can be used as argument and variable types.</summary>
    public abstract bool IsInputType { get; }

    /// <summary>Scalars, enums, objects, interfaces and unions (possibly wrapped) can be field types.</summary>
    public abstract bool IsOutputType { get; }

    /// <summary>The innermost named type, unwrapping every list and non-null.</summary>
    public abstract NamedType GetNamedType();

    /// <summary>The type without its outer non-null wrapper.</summary>
    public GraphQLType Nullable => this is NonNullType nn ? nn.OfType : this;

    /// <summary>The type as written in a document, e.g. <c>[String!]!</c>.</summary>
    public abstract override string ToString();
}

/// <summary>A type with a name in the schema's type map.</summary>
public abstract class NamedType : GraphQLType
{
    private protected NamedType(string name, string? description)
    {
        Name = name;
        Description = description;
    }

    public string Name { get; }

    public string? Description { get; set; }

    public override NamedType GetNamedType() => this;

    public override string ToString() => Name;
}

/// <summary>A list of the wrapped type.</summary>
public sealed class ListType : GraphQLType
{
    public ListType(GraphQLType ofType) => OfType = ofType;

    public GraphQLType OfType { get; }

    public override bool IsInputType => OfType.IsInputType;

    public override bool IsOutputType => OfType.IsOutputType;

    public override NamedType GetNamedType() => OfType.GetNamedType();

    public override string ToString() => "[" + OfType + "]";
}

/// <summary>The wrapped type, never null. Wrapping a non-null type again is a programming error.</summary>
public sealed class NonNullType : GraphQLType
{
    public NonNullType(GraphQLType ofType)
    {
        if (ofType is NonNullType)
        {
            throw new ArgumentException($"Expected {ofType} to be a GraphQL nullable type.", nameof(ofType));
        }

        OfType = ofType;
    }

    public GraphQLType OfType { get; }

    public override bool IsInputType => OfType.IsInputType;

    public override bool IsOutputType => OfType.IsOutputType;

    public override NamedType GetNamedType() => OfType.GetNamedType();

    public override string ToString() => OfType + "!";
}

/// <summary>Shorthands for building wrapped types: <c>ScalarType.String.NonNull().List()</c>.</summary>
public static class GraphQLTypeExtensions
{
    public static NonNullType NonNull(this GraphQLType type) => new(type);

    public static ListType List(this GraphQLType type) => new(type);

    /// <summary>Leaf types (scalars and enums) end a selection.</summary>
    public static bool IsLeafType(this GraphQLType? type) => type is ScalarType or EnumType;

    /// <summary>Objects, interfaces and unions take selection sets.</summary>
    public static bool IsCompositeType(this GraphQLType? type) => type is ObjectType or InterfaceType or UnionType;

    public static bool IsAbstractType(this GraphQLType? type) => type is InterfaceType or UnionType;

    public static bool IsListType(this GraphQLType? type) => type is ListType || (type is NonNullType nn && nn.OfType is ListType);
}
