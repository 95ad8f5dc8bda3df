// Input values. https://spec.graphql.org/October2021/#sec-Input-Values
namespace Memento.GraphQL.Language.Ast;

/// <summary>Any input value literal (const or not: the parser enforces const-ness where the grammar asks).</summary>
public abstract class ValueNode : Node
{
}

/// <summary><c>$name</c>. https://spec.graphql.org/October2021/#Variable</summary>
public sealed class VariableNode : ValueNode
{
    public override NodeKind Kind => NodeKind.Variable;

    public required NameNode Name { get; init; }

    internal override void CollectChildren(List<Node> children) => children.Add(Name);
}

/// <summary>An integer literal; the raw text is kept because the schema decides its range.</summary>
public sealed class IntValueNode : ValueNode
{
    public IntValueNode(string value) => Value = value;

    public override NodeKind Kind => NodeKind.IntValue;

    /// <summary>The literal exactly as written, e.g. "-12".</summary>
    public string Value { get; }

    internal override void CollectChildren(List<Node> children) { }
}

/// <summary>A float literal; the raw text is kept so that no precision is lost before coercion.</summary>
public sealed class FloatValueNode : ValueNode
{
    public FloatValueNode(string value) => Value = value;

    public override NodeKind Kind => NodeKind.FloatValue;

    /// <summary>The literal exactly as written, e.g. "1.5e3".</summary>
    public string Value { get; }

    internal override void CollectChildren(List<Node> children) { }
}

/// <summary>A string literal (quoted or block). https://spec.graphql.org/October2021/#StringValue</summary>
public sealed class StringValueNode : ValueNode
{
    public StringValueNode(string value, bool block = false)
    {
        Value = value;
        Block = block;
    }

    public override NodeKind Kind => NodeKind.StringValue;

    /// <summary>The value with escapes resolved (and, for block strings, the indentation removed).</summary>
    public string Value { get; }

    /// <summary>True for a <c>"""block string"""</c>; the printer keeps the form.</summary>
    public bool Block { get; }

    internal override void CollectChildren(List<Node> children) { }
}

/// <summary><c>true</c> or <c>false</c>.</summary>
public sealed class BooleanValueNode : ValueNode
{
    public BooleanValueNode(bool value) => Value = value;

    public override NodeKind Kind => NodeKind.BooleanValue;

    public bool Value { get; }

    internal override void CollectChildren(List<Node> children) { }
}

/// <summary><c>null</c>.</summary>
public sealed class NullValueNode : ValueNode
{
    public override NodeKind Kind => NodeKind.NullValue;

    internal override void CollectChildren(List<Node> children) { }
}

/// <summary>An enum literal: a name other than true, false or null.</summary>
public sealed class EnumValueNode : ValueNode
{
    public EnumValueNode(string value) => Value = value;

    public override NodeKind Kind => NodeKind.EnumValue;

    public string Value { get; }

    internal override void CollectChildren(List<Node> children) { }
}

/// <summary><c>[values]</c>. https://spec.graphql.org/October2021/#ListValue</summary>
public sealed class ListValueNode : ValueNode
{
    public override NodeKind Kind => NodeKind.ListValue;

    public required IReadOnlyList<ValueNode> Values { get; init; }

    internal override void CollectChildren(List<Node> children) => AddAll(children, Values);
}

/// <summary><c>{fields}</c>. https://spec.graphql.org/October2021/#ObjectValue</summary>
public sealed class ObjectValueNode : ValueNode
{
    public override NodeKind Kind => NodeKind.ObjectValue;

    public required IReadOnlyList<ObjectFieldNode> Fields { get; init; }

    internal override void CollectChildren(List<Node> children) => AddAll(children, Fields);
}

/// <summary><c>name: value</c> inside an object literal.</summary>
public sealed class ObjectFieldNode : Node
{
    public override NodeKind Kind => NodeKind.ObjectField;

    public required NameNode Name { get; init; }

    public required ValueNode Value { get; init; }

    internal override void CollectChildren(List<Node> children)
    {
        children.Add(Name);
        children.Add(Value);
    }
}
