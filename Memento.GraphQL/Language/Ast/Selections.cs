// Selection sets, fields, arguments and fragments. https://spec.graphql.org/October2021/#sec-Selection-Sets
namespace Memento.GraphQL.Language.Ast;

/// <summary><c>{ selections }</c>. https://spec.graphql.org/October2021/#SelectionSet</summary>
public sealed class SelectionSetNode : Node
{
    public override NodeKind Kind => NodeKind.SelectionSet;

    public required IReadOnlyList<SelectionNode> Selections { get; init; }

    internal override void CollectChildren(List<Node> children) => AddAll(children, Selections);
}

/// <summary>A field, fragment spread or inline fragment.</summary>
public abstract class SelectionNode : Node, IHasDirectives
{
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}

/// <summary><c>alias: name(args) @dirs { ... }</c>. https://spec.graphql.org/October2021/#Field</summary>
public sealed class FieldNode : SelectionNode
{
    public override NodeKind Kind => NodeKind.Field;

    public NameNode? Alias { get; init; }

    public required NameNode Name { get; init; }

    public IReadOnlyList<ArgumentNode> Arguments { get; init; } = [];

    /// <summary>Null for a leaf field.</summary>
    public SelectionSetNode? SelectionSet { get; init; }

    /// <summary>The key of this field in the response: the alias if any, else the name.</summary>
    public string ResponseName => (Alias ?? Name).Value;

    internal override void CollectChildren(List<Node> children)
    {
        Add(children, Alias);
        children.Add(Name);
        AddAll(children, Arguments);
        AddAll(children, Directives);
        Add(children, SelectionSet);
    }
}

/// <summary><c>name: value</c>. https://spec.graphql.org/October2021/#Argument</summary>
public sealed class ArgumentNode : Node
{
    public override NodeKind Kind => NodeKind.Argument;

    public required NameNode Name { get; init; }

    public required ValueNode Value { get; init; }

    internal override void CollectChildren(List<Node> children)
    {
        children.Add(Name);
        children.Add(Value);
    }
}

/// <summary><c>...Name @dirs</c>. https://spec.graphql.org/October2021/#FragmentSpread</summary>
public sealed class FragmentSpreadNode : SelectionNode
{
    public override NodeKind Kind => NodeKind.FragmentSpread;

    public required NameNode Name { get; init; }

    internal override void CollectChildren(List<Node> children)
    {
        children.Add(Name);
        AddAll(children, Directives);
    }
}

/// <summary><c>... on Type @dirs { ... }</c>. https://spec.graphql.org/October2021/#InlineFragment</summary>
public sealed class InlineFragmentNode : SelectionNode
{
    public override NodeKind Kind => NodeKind.InlineFragment;

    /// <summary>Null when the fragment has no type condition.</summary>
    public NamedTypeNode? TypeCondition { get; init; }

    public required SelectionSetNode SelectionSet { get; init; }

    internal override void CollectChildren(List<Node> children)
    {
        Add(children, TypeCondition);
        AddAll(children, Directives);
        children.Add(SelectionSet);
    }
}

/// <summary><c>@name(args)</c>. https://spec.graphql.org/October2021/#Directive</summary>
public sealed class DirectiveNode : Node
{
    public override NodeKind Kind => NodeKind.Directive;

    public required NameNode Name { get; init; }

    public IReadOnlyList<ArgumentNode> Arguments { get; init; } = [];

    internal override void CollectChildren(List<Node> children)
    {
        children.Add(Name);
        AddAll(children, Arguments);
    }
}
