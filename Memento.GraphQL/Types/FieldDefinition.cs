namespace Memento.GraphQL.Types;

/// <summary>A field of an object or interface type.</summary>
public sealed class FieldDefinition
{
    private readonly List<ArgumentDefinition> _arguments = new();

    public FieldDefinition(string name, GraphQLType type, FieldResolver? resolve = null, string? description = null)
    {
        if (!type.IsOutputType)
        {
            throw new ArgumentException($"The type of field \"{name}\" must be an output type but got: {type}.", nameof(type));
        }

        Name = name;
        Type = type;
        Resolve = resolve;
        Description = description;
    }

    public string Name { get; }

    public string? Description { get; set; }

    public GraphQLType Type { get; set; }

    public IReadOnlyList<ArgumentDefinition> Arguments => _arguments;

    /// <summary>The resolver; when null the executor uses <see cref="DefaultFieldResolver"/>.</summary>
    public FieldResolver? Resolve { get; set; }

    /// <summary>Resolver for subscription root fields: produces the event stream.</summary>
    public FieldResolver? Subscribe { get; set; }

    public string? DeprecationReason { get; set; }

    public bool IsDeprecated => DeprecationReason is not null;

    /// <summary>
    /// Cost of resolving this field once, for the MaxCost rule; null means 1 for composite fields and 0 for leaves.
    /// </summary>
    public int? Cost { get; set; }

    /// <summary>Whether the field returns a list (the cost of its selection is multiplied).</summary>
    public bool IsList => Type.IsListType();

    /// <summary>Anything the host wants to attach, e.g. authorization policies.</summary>
    public IDictionary<string, object?> Metadata => _metadata ??= new Dictionary<string, object?>();

    private Dictionary<string, object?>? _metadata;

    /// <summary>Definition node when built from SDL (a Language.Ast FieldDefinitionNode).</summary>
    public object? AstNode { get; set; }

    public FieldDefinition AddArgument(ArgumentDefinition argument)
    {
        _arguments.Add(argument);
        return this;
    }

    public ArgumentDefinition? GetArgument(string name)
    {
        // Few arguments per field: a scan beats a dictionary here.
        foreach (var a in _arguments)
        {
            if (a.Name == name)
            {
                return a;
            }
        }

        return null;
    }
}
