// Operations, variables and fragments. https://spec.graphql.org/October2021/#sec-Language.Operations
namespace Memento.GraphQL.Language.Ast;

/// <summary>query, mutation or subscription.</summary>
public enum OperationType
{
    Query,
    Mutation,
    Subscription,
}

/// <summary>An operation. https://spec.graphql.org/October2021/#OperationDefinition</summary>
public sealed class OperationDefinitionNode : ExecutableDefinitionNode
{
    public override NodeKind Kind => NodeKind.OperationDefinition;

    public required OperationType Operation { get; init; }

    public override NameNode? Name { get; init; }

    public IReadOnlyList<VariableDefinitionNode> VariableDefinitions { get; init; } = [];

    internal override void CollectChildren(List<Node> children)
    {
        Add(children, Description);
        Add(children, Name);
        AddAll(children, VariableDefinitions);
        AddAll(children, Directives);
        children.Add(SelectionSet);
    }
}

/// <summary><c>$name: Type = default @directives</c>. https://spec.graphql.org/October2021/#VariableDefinition</summary>
public sealed class VariableDefinitionNode : Node, IHasDirectives
{
    public override NodeKind Kind => NodeKind.VariableDefinition;

    /// <summary>A description (working draft); null if none.</summary>
    public StringValueNode? Description { get; init; }

    public required VariableNode Variable { get; init; }

    public required TypeNode Type { get; init; }

    /// <summary>A constant value, or null when no default is given.</summary>
    public ValueNode? DefaultValue { get; init; }

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    internal override void CollectChildren(List<Node> children)
    {
        Add(children, Description);
        children.Add(Variable);
        children.Add(Type);
        Add(children, DefaultValue);
        AddAll(children, Directives);
    }
}

/// <summary>A fragment definition. https://spec.graphql.org/October2021/#FragmentDefinition</summary>
public sealed class FragmentDefinitionNode : ExecutableDefinitionNode
{
    public override NodeKind Kind => NodeKind.FragmentDefinition;

    /// <summary>Always set for fragments (the base allows null for anonymous operations).</summary>
    public override required NameNode? Name { get; init; }

    public required NamedTypeNode TypeCondition { get; init; }

    internal override void CollectChildren(List<Node> children)
    {
        Add(children, Description);
        Add(children, Name);
        children.Add(TypeCondition);
        AddAll(children, Directives);
        children.Add(SelectionSet);
    }
}
