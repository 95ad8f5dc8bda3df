// Type references. https://spec.graphql.org/October2021/#sec-Type-References
namespace Memento.GraphQL.Language.Ast;

/// <summary>A named, list or non-null type reference.</summary>
public abstract class TypeNode : Node
{
}

/// <summary><c>Name</c>.</summary>
public sealed class NamedTypeNode : TypeNode
{
    public override NodeKind Kind => NodeKind.NamedType;

    public required NameNode Name { get; init; }

    internal override void CollectChildren(List<Node> children) => children.Add(Name);
}

/// <summary><c>[Type]</c>.</summary>
public sealed class ListTypeNode : TypeNode
{
    public override NodeKind Kind => NodeKind.ListType;

    public required TypeNode Type { get; init; }

    internal override void CollectChildren(List<Node> children) => children.Add(Type);
}

/// <summary><c>Type!</c>; the inner type is never itself non-null.</summary>
public sealed class NonNullTypeNode : TypeNode
{
    public override NodeKind Kind => NodeKind.NonNullType;

    /// <summary>A <see cref="NamedTypeNode"/> or a <see cref="ListTypeNode"/>.</summary>
    public required TypeNode Type { get; init; }

    internal override void CollectChildren(List<Node> children) => children.Add(Type);
}
