namespace Memento.GraphQL.Types;

/// <summary>Base of object and interface types: named fields in definition order, plus implemented interfaces.</summary>
public abstract class FieldsContainer : NamedType
{
    private readonly List<FieldDefinition> _fields = new();
    private readonly Dictionary<string, FieldDefinition> _byName = new(StringComparer.Ordinal);
    private readonly List<InterfaceType> _interfaces = new();

    private protected FieldsContainer(string name, string? description)
        : base(name, description)
    {
    }

    public override bool IsInputType => false;

    public override bool IsOutputType => true;

    /// <summary>Fields in definition order (the order introspection and the printer report).</summary>
    public IReadOnlyList<FieldDefinition> Fields => _fields;

    public IReadOnlyList<InterfaceType> Interfaces => _interfaces;

    /// <summary>Definition and extension nodes when built from SDL.</summary>
    public object? AstNode { get; set; }

    public FieldDefinition? GetField(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Adds a field; a later field with the same name replaces the earlier one in place.</summary>
    public FieldDefinition AddField(FieldDefinition field)
    {
        if (_byName.TryGetValue(field.Name, out var existing))
        {
            _fields[_fields.IndexOf(existing)] = field;
        }
        else
        {
            _fields.Add(field);
        }

        _byName[field.Name] = field;
        return field;
    }

    /// <summary>Shorthand for <see cref="AddField(FieldDefinition)"/>.</summary>
    public FieldDefinition AddField(string name, GraphQLType type, FieldResolver? resolve = null, string? description = null) =>
        AddField(new FieldDefinition(name, type, resolve, description));

    public void AddInterface(InterfaceType type)
    {
        if (!_interfaces.Contains(type))
        {
            _interfaces.Add(type);
        }
    }

    public bool Implements(InterfaceType type) => _interfaces.Contains(type);
}
