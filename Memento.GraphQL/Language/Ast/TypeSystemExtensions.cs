// Schema and type extensions. https://spec.graphql.org/October2021/#sec-Type-Extensions
namespace Memento.GraphQL.Language.Ast;

/// <summary>An <c>extend ...</c> definition.</summary>
public abstract class TypeSystemExtensionNode : DefinitionNode
{
}

/// <summary><c>extend schema @dirs { query: Q }</c>. https://spec.graphql.org/October2021/#SchemaExtension</summary>
public sealed class SchemaExtensionNode : TypeSystemExtensionNode, IHasDirectives
{
    public override NodeKind Kind => NodeKind.SchemaExtension;

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    public IReadOnlyList<OperationTypeDefinitionNode> OperationTypes { get; init; } = [];

    internal override void CollectChildren(List<Node> children)
    {
        AddAll(children, Directives);
        AddAll(children, OperationTypes);
    }
}

/// <summary>An extension of a named type.</summary>
public abstract class TypeExtensionNode : TypeSystemExtensionNode, IHasDirectives
{
    public required NameNode Name { get; init; }

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}

public sealed class ScalarTypeExtensionNode : TypeExtensionNode
{
    public override NodeKind Kind => NodeKind.ScalarTypeExtension;

    internal override void CollectChildren(List<Node> children)
    {
        children.Add(Name);
        AddAll(children, Directives);
    }
}

public sealed class ObjectTypeExtensionNode : TypeExtensionNode
{
    public override NodeKind Kind => NodeKind.ObjectTypeExtension;

    public IReadOnlyList<NamedTypeNode> Interfaces { get; init; } = [];

    public IReadOnlyList<FieldDefinitionNode> Fields { get; init; } = [];

    internal override void CollectChildren(List<Node> children)
    {
        children.Add(Name);
        AddAll(children, Interfaces);
        AddAll(children, Directives);
        AddAll(children, Fields);
    }
}

public sealed class InterfaceTypeExtensionNode : TypeExtensionNode
{
    public override NodeKind Kind => NodeKind.InterfaceTypeExtension;

    public IReadOnlyList<NamedTypeNode> Interfaces { get; init; } = [];

    public IReadOnlyList<FieldDefinitionNode> Fields { get; init; } = [];

    internal override void CollectChildren(List<Node> children)
    {
        children.Add(Name);
        AddAll(children, Interfaces);
        AddAll(children, Directives);
        AddAll(children, Fields);
    }
}

public sealed class UnionTypeExtensionNode : TypeExtensionNode
{
    public override NodeKind Kind => NodeKind.UnionTypeExtension;

    public IReadOnlyList<NamedTypeNode> Types { get; init; } = [];

    internal override void CollectChildren(List<Node> children)
    {
        children.Add(Name);
        AddAll(children, Directives);
        AddAll(children, Types);
    }
}

public sealed class EnumTypeExtensionNode : TypeExtensionNode
{
    public override NodeKind Kind => NodeKind.EnumTypeExtension;

    public IReadOnlyList<EnumValueDefinitionNode> Values { get; init; } = [];

    internal override void CollectChildren(List<Node> children)
    {
        children.Add(Name);
        AddAll(children, Directives);
        AddAll(children, Values);
    }
}

public sealed class InputObjectTypeExtensionNode : TypeExtensionNode
{
    public override NodeKind Kind => NodeKind.InputObjectTypeExtension;

    public IReadOnlyList<InputValueDefinitionNode> Fields { get; init; } = [];

    internal override void CollectChildren(List<Node> children)
    {
        children.Add(Name);
        AddAll(children, Directives);
        AddAll(children, Fields);
    }
}
