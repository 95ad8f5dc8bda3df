namespace Memento.GraphQL.Types;

/// <summary>An argument of a field or directive, or a field of an input object.</summary>
public abstract class InputValueDefinition
{
    private object? _defaultValue;

    private protected InputValueDefinition(string name, GraphQLType type, string? description)
    {
        if (!type.IsInputType)
        {
            throw new ArgumentException($"The type of \"{name}\" must be an input type but got: {type}.", nameof(type));
        }

        Name = name;
        Type = type;
        Description = description;
    }

    public string Name { get; }

    public string? Description { get; set; }

    public GraphQLType Type { get; set; }

    /// <summary>The default as an internal (already coerced) value; see <see cref="HasDefaultValue"/>.</summary>
    public object? DefaultValue
    {
        get => _defaultValue;
        set
        {
            _defaultValue = value;
            HasDefaultValue = true;
        }
    }

    /// <summary>Distinguishes "no default" from a default of null.</summary>
    public bool HasDefaultValue { get; private set; }

    public string? DeprecationReason { get; set; }

    public bool IsDeprecated => DeprecationReason is not null;

    /// <summary>Required means non-null without a default.</summary>
    public bool IsRequired => Type is NonNullType && !HasDefaultValue;

    /// <summary>Definition node when built from SDL.</summary>
    public object? AstNode { get; set; }

    /// <summary>The default value as written in SDL, when built from SDL (a Language.Ast ValueNode).</summary>
    public object? DefaultValueLiteral { get; set; }
}

/// <summary>An argument of a field or directive.</summary>
public sealed class ArgumentDefinition : InputValueDefinition
{
    public ArgumentDefinition(string name, GraphQLType type, string? description = null)
        : base(name, type, description)
    {
    }
}

/// <summary>A field of an input object type.</summary>
public sealed class InputFieldDefinition : InputValueDefinition
{
    public InputFieldDefinition(string name, GraphQLType type, string? description = null)
        : base(name, type, description)
    {
    }
}
