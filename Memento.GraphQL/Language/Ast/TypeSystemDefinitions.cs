// Type system definitions (SDL). https://spec.graphql.org/October2021/#sec-Type-System
namespace Memento.GraphQL.Language.Ast;

/// <summary>A schema, type or directive definition.</summary>
public abstract class TypeSystemDefinitionNode : DefinitionNode
{
}

/// <summary><c>schema { query: Query }</c>. https://spec.graphql.org/October2021/#SchemaDefinition</summary>
public sealed class SchemaDefinitionNode : TypeSystemDefinitionNode, IHasDirectives
{
    public override NodeKind Kind => NodeKind.SchemaDefinition;

    /// <summary>Schema descriptions are from the working draft.</summary>
    public StringValueNode? Description { get; init; }

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    public required IReadOnlyList<OperationTypeDefinitionNode> OperationTypes { get; init; }

    internal override void CollectChildren(List<Node> children)
    {
        Add(children, Description);
        AddAll(children, Directives);
        AddAll(children, OperationTypes);
    }
}

/// <summary><c>query: Query</c> inside a schema definition or extension.</summary>
public sealed class OperationTypeDefinitionNode : Node
{
    public override NodeKind Kind => NodeKind.OperationTypeDefinition;

    public required OperationType Operation { get; init; }

    public required NamedTypeNode Type { get; init; }

    internal override void CollectChildren(List<Node> children) => children.Add(Type);
}

/// <summary>A named type definition: scalar, object, interface, union, enum or input object.</summary>
public abstract class TypeDefinitionNode : TypeSystemDefinitionNode, IHasDirectives
{
    public StringValueNode? Description { get; init; }

    public required NameNode Name { get; init; }

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}

/// <summary>https://spec.graphql.org/October2021/#ScalarTypeDefinition</summary>
public sealed class ScalarTypeDefinitionNode : TypeDefinitionNode
{
    public override NodeKind Kind => NodeKind.ScalarTypeDefinition;

    internal override void CollectChildren(List<Node> children)
    {
        Add(children, Description);
        children.Add(Name);
        AddAll(children, Directives);
    }
}

/// <summary>https://spec.graphql.org/October2021/#ObjectTypeDefinition</summary>
public sealed class ObjectTypeDefinitionNode : TypeDefinitionNode
{
    public override NodeKind Kind => NodeKind.ObjectTypeDefinition;

    public IReadOnlyList<NamedTypeNode> Interfaces { get; init; } = [];

    public IReadOnlyList<FieldDefinitionNode> Fields { get; init; } = [];

    internal override void CollectChildren(List<Node> children)
    {
        Add(children, Description);
        children.Add(Name);
        AddAll(children, Interfaces);
        AddAll(children, Directives);
        AddAll(children, Fields);
    }
}

/// <summary>A field of an object or interface type. https://spec.graphql.org/October2021/#FieldDefinition</summary>
public sealed class FieldDefinitionNode : Node, IHasDirectives
{
    public override NodeKind Kind => NodeKind.FieldDefinition;

    public StringValueNode? Description { get; init; }

    public required NameNode Name { get; init; }

    public IReadOnlyList<InputValueDefinitionNode> Arguments { get; init; } = [];

    public required TypeNode Type { get; init; }

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    internal override void CollectChildren(List<Node> children)
    {
        Add(children, Description);
        children.Add(Name);
        AddAll(children, Arguments);
        children.Add(Type);
        AddAll(children, Directives);
    }
}

/// <summary>An argument or input field definition. https://spec.graphql.org/October2021/#InputValueDefinition</summary>
public sealed class InputValueDefinitionNode : Node, IHasDirectives
{
    public override NodeKind Kind => NodeKind.InputValueDefinition;

    public StringValueNode? Description { get; init; }

    public required NameNode Name { get; init; }

    public required TypeNode Type { get; init; }

    /// <summary>A constant value, or null when no default is given.</summary>
    public ValueNode? DefaultValue { get; init; }

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    internal override void CollectChildren(List<Node> children)
    {
        Add(children, Description);
        children.Add(Name);
        children.Add(Type);
        Add(children, DefaultValue);
        AddAll(children, Directives);
    }
}

/// <summary>https://spec.graphql.org/October2021/#InterfaceTypeDefinition (interfaces may implement interfaces).</summary>
public sealed class InterfaceTypeDefinitionNode : TypeDefinitionNode
{
    public override NodeKind Kind => NodeKind.InterfaceTypeDefinition;

    public IReadOnlyList<NamedTypeNode> Interfaces { get; init; } = [];

    public IReadOnlyList<FieldDefinitionNode> Fields { get; init; } = [];

    internal override void CollectChildren(List<Node> children)
    {
        Add(children, Description);
        children.Add(Name);
        AddAll(children, Interfaces);
        AddAll(children, Directives);
        AddAll(children, Fields);
    }
}

/// <summary>https://spec.graphql.org/October2021/#UnionTypeDefinition</summary>
public sealed class UnionTypeDefinitionNode : TypeDefinitionNode
{
    public override NodeKind Kind => NodeKind.UnionTypeDefinition;

    public IReadOnlyList<NamedTypeNode> Types { get; init; } = [];

    internal override void CollectChildren(List<Node> children)
    {
        Add(children, Description);
        children.Add(Name);
        AddAll(children, Directives);
        AddAll(children, Types);
    }
}

/// <summary>https://spec.graphql.org/October2021/#EnumTypeDefinition</summary>
public sealed class EnumTypeDefinitionNode : TypeDefinitionNode
{
    public override NodeKind Kind => NodeKind.EnumTypeDefinition;

    public IReadOnlyList<EnumValueDefinitionNode> Values { get; init; } = [];

    internal override void CollectChildren(List<Node> children)
    {
        Add(children, Description);
        children.Add(Name);
        AddAll(children, Directives);
        AddAll(children, Values);
    }
}

/// <summary>One value of an enum type. https://spec.graphql.org/October2021/#EnumValueDefinition</summary>
public sealed class EnumValueDefinitionNode : Node, IHasDirectives
{
    public override NodeKind Kind => NodeKind.EnumValueDefinition;

    public StringValueNode? Description { get; init; }

    public required NameNode Name { get; init; }

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    internal override void CollectChildren(List<Node> children)
    {
        Add(children, Description);
        children.Add(Name);
        AddAll(children, Directives);
    }
}

/// <summary>https://spec.graphql.org/October2021/#InputObjectTypeDefinition</summary>
public sealed class InputObjectTypeDefinitionNode : TypeDefinitionNode
{
    public override NodeKind Kind => NodeKind.InputObjectTypeDefinition;

    public IReadOnlyList<InputValueDefinitionNode> Fields { get; init; } = [];

    internal override void CollectChildren(List<Node> children)
    {
        Add(children, Description);
        children.Add(Name);
        AddAll(children, Directives);
        AddAll(children, Fields);
    }
}

/// <summary><c>directive @name(args) repeatable on A | B</c>. https://spec.graphql.org/October2021/#DirectiveDefinition</summary>
public sealed class DirectiveDefinitionNode : TypeSystemDefinitionNode
{
    public override NodeKind Kind => NodeKind.DirectiveDefinition;

    public StringValueNode? Description { get; init; }

    public required NameNode Name { get; init; }

    public IReadOnlyList<InputValueDefinitionNode> Arguments { get; init; } = [];

    public bool Repeatable { get; init; }

    /// <summary>Location names as written, e.g. FIELD, QUERY (the parser checks they are known).</summary>
    public required IReadOnlyList<NameNode> Locations { get; init; }

    internal override void CollectChildren(List<Node> children)
    {
        Add(children, Description);
        children.Add(Name);
        AddAll(children, Arguments);
        AddAll(children, Locations);
    }
}
