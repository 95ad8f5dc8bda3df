namespace Memento.GraphQL.Types;

/// <summary>An input object: a named set of input fields, passed as an argument or variable.</summary>
public sealed class InputObjectType : NamedType
{
    private readonly List<InputFieldDefinition> _fields = new();
    private readonly Dictionary<string, InputFieldDefinition> _byName = new(StringComparer.Ordinal);

    public InputObjectType(string name, string? description = null)
        : base(name, description)
    {
    }

    public override bool IsInputType => true;

    public override bool IsOutputType => false;

    public IReadOnlyList<InputFieldDefinition> Fields => _fields;

    /// <summary>@oneOf: exactly one field must be given, and it must not be null.</summary>
    public bool IsOneOf { get; set; }

    public object? AstNode { get; set; }

    public InputFieldDefinition? GetField(string name) => _byName.GetValueOrDefault(name);

    public InputFieldDefinition AddField(InputFieldDefinition field)
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

    public InputFieldDefinition AddField(string name, GraphQLType type, string? description = null) =>
        AddField(new InputFieldDefinition(name, type, description));
}
