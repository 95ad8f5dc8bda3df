// The AST, shaped like graphql-js language/ast.ts so validation rules port directly.
// https://spec.graphql.org/October2021/#sec-Language
namespace Memento.GraphQL.Language.Ast;

/// <summary>The kind of an AST node (graphql-js <c>Kind</c>).</summary>
public enum NodeKind
{
    Name,
    Document,
    OperationDefinition,
    VariableDefinition,
    SelectionSet,
    Field,
    Argument,
    FragmentSpread,
    InlineFragment,
    FragmentDefinition,
    Variable,
    IntValue,
    FloatValue,
    StringValue,
    BooleanValue,
    NullValue,
    EnumValue,
    ListValue,
    ObjectValue,
    ObjectField,
    Directive,
    NamedType,
    ListType,
    NonNullType,
    SchemaDefinition,
    OperationTypeDefinition,
    ScalarTypeDefinition,
    ObjectTypeDefinition,
    FieldDefinition,
    InputValueDefinition,
    InterfaceTypeDefinition,
    UnionTypeDefinition,
    EnumTypeDefinition,
    EnumValueDefinition,
    InputObjectTypeDefinition,
    DirectiveDefinition,
    SchemaExtension,
    ScalarTypeExtension,
    ObjectTypeExtension,
    InterfaceTypeExtension,
    UnionTypeExtension,
    EnumTypeExtension,
    InputObjectTypeExtension,
}

/// <summary>The common base of every AST node. Nodes are immutable once built.</summary>
public abstract class Node
{
    /// <summary>The node's kind; lets a visitor dispatch with a switch.</summary>
    public abstract NodeKind Kind { get; }

    // The location is stored unpacked: a Nullable<Location> field would take 32 bytes per node, these take 16.
    private Source? _source;
    private int _start;
    private int _end;

    /// <summary>Where the node came from; null when parsed with <c>NoLocation</c> or built by hand.</summary>
    public Location? Location
    {
        get => _source is null ? null : new Location(_start, _end, _source);
        init
        {
            _source = value?.Source;
            _start = value?.Start ?? 0;
            _end = value?.End ?? 0;
        }
    }

    /// <summary>Appends the child nodes in graphql-js visitor-key order (used by <see cref="AstWalker"/>).</summary>
    internal abstract void CollectChildren(List<Node> children);

    /// <summary>The node printed as GraphQL text (see <see cref="Printer"/>).</summary>
    public override string ToString() => Printer.Print(this);

    private protected static void Add(List<Node> children, Node? node)
    {
        if (node is not null) children.Add(node);
    }

    private protected static void AddAll<T>(List<Node> children, IReadOnlyList<T> nodes) where T : Node
    {
        for (int i = 0; i < nodes.Count; i++) children.Add(nodes[i]);
    }
}

/// <summary>A node that may carry directives (lets directive rules treat every location alike).</summary>
public interface IHasDirectives
{
    IReadOnlyList<DirectiveNode> Directives { get; }
}

/// <summary>A GraphQL name. https://spec.graphql.org/October2021/#Name</summary>
public sealed class NameNode : Node
{
    public NameNode(string value) => Value = value;

    public override NodeKind Kind => NodeKind.Name;

    public string Value { get; }

    internal override void CollectChildren(List<Node> children) { }
}

/// <summary>A whole document. https://spec.graphql.org/October2021/#sec-Document</summary>
public sealed class DocumentNode : Node
{
    public override NodeKind Kind => NodeKind.Document;

    public required IReadOnlyList<DefinitionNode> Definitions { get; init; }

    internal override void CollectChildren(List<Node> children) => AddAll(children, Definitions);
}

/// <summary>Any top-level definition of a document.</summary>
public abstract class DefinitionNode : Node
{
}

/// <summary>An operation or a fragment definition. https://spec.graphql.org/October2021/#ExecutableDefinition</summary>
public abstract class ExecutableDefinitionNode : DefinitionNode, IHasDirectives
{
    /// <summary>A description (working draft: descriptions on operations and fragments); null if none.</summary>
    public StringValueNode? Description { get; init; }

    /// <summary>The name; null only for an anonymous operation.</summary>
    public abstract NameNode? Name { get; init; }

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    public required SelectionSetNode SelectionSet { get; init; }
}
