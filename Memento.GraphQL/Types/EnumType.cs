namespace Memento.GraphQL.Types;

/// <summary>One value of an enum: its GraphQL name and the .NET value resolvers see.</summary>
public sealed class EnumValueDefinition
{
    public EnumValueDefinition(string name, object? value = null, string? description = null)
    {
        Name = name;
        Value = value ?? name;
        Description = description;
    }

    public string Name { get; }

    /// <summary>The internal value (defaults to the name).</summary>
    public object? Value { get; }

    public string? Description { get; set; }

    public string? DeprecationReason { get; set; }

    public bool IsDeprecated => DeprecationReason is not null;

    public object? AstNode { get; set; }
}

/// <summary>An enum: a leaf type whose values are a fixed set of names.</summary>
public sealed class EnumType : NamedType
{
    private readonly List<EnumValueDefinition> _values = new();
    private readonly Dictionary<string, EnumValueDefinition> _byName = new(StringComparer.Ordinal);
    private Dictionary<object, EnumValueDefinition>? _byValue;

    public EnumType(string name, string? description = null)
        : base(name, description)
    {
    }

    /// <summary>An enum whose internal values are the members of a .NET enum, named like GraphQL constants.</summary>
    public static EnumType FromEnum<TEnum>(string? name = null, string? description = null)
        where TEnum : struct, Enum
    {
        var type = new EnumType(name ?? typeof(TEnum).Name, description);
        foreach (var value in Enum.GetValues<TEnum>())
        {
            type.AddValue(new EnumValueDefinition(ToConstantCase(value.ToString()), value));
        }

        return type;
    }

    public override bool IsInputType => true;

    public override bool IsOutputType => true;

    public IReadOnlyList<EnumValueDefinition> Values => _values;

    public object? AstNode { get; set; }

    public EnumType AddValue(EnumValueDefinition value)
    {
        _values.Add(value);
        _byName[value.Name] = value;
        _byValue = null;
        return this;
    }

    public EnumType AddValue(string name, object? value = null, string? description = null) =>
        AddValue(new EnumValueDefinition(name, value, description));

    public EnumValueDefinition? GetValue(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Output coercion: the name of the enum value whose internal value equals the given value.</summary>
    public string Serialize(object? value)
    {
        if (value is not null)
        {
            _byValue ??= BuildByValue();
            if (_byValue.TryGetValue(value, out var def))
            {
                return def.Name;
            }

            // A string equal to a value name also serializes: JSON root values carry names, not .NET enums.
            if (value is string s && _byName.TryGetValue(s, out def))
            {
                return def.Name;
            }

            if (value is System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.String } je &&
                _byName.TryGetValue(je.GetString()!, out def))
            {
                return def.Name;
            }
        }

        throw new GraphQLTypeException($"Enum \"{Name}\" cannot represent value: {Scalars.Inspect.Value(value)}");
    }

    /// <summary>Input coercion from a variable value (a name string).</summary>
    public object? ParseValue(object? input)
    {
        var name = input switch
        {
            string s => s,
            System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.String } je => je.GetString(),
            _ => null,
        };
        if (name is null)
        {
            var valueStr = Scalars.Inspect.Value(input);
            throw new GraphQLTypeException($"Enum \"{Name}\" cannot represent non-string value: {valueStr}." + DidYouMeanFor(valueStr));
        }

        if (_byName.TryGetValue(name, out var def))
        {
            return def.Value;
        }

        throw new GraphQLTypeException($"Value \"{name}\" does not exist in \"{Name}\" enum." + DidYouMeanFor(name));
    }

    /// <summary>Input coercion of a literal: an enum value name.</summary>
    public object? ParseLiteral(Language.Ast.ValueNode node)
    {
        if (node is not Language.Ast.EnumValueNode e)
        {
            var valueStr = Utilities.ValuePrinter.Print(node);
            throw new GraphQLTypeException($"Enum \"{Name}\" cannot represent non-enum value: {valueStr}." + DidYouMeanFor(valueStr));
        }

        if (_byName.TryGetValue(e.Value, out var def))
        {
            return def.Value;
        }

        throw new GraphQLTypeException($"Value \"{e.Value}\" does not exist in \"{Name}\" enum." + DidYouMeanFor(e.Value));
    }

    internal string DidYouMeanFor(string input)
    {
        var names = new List<string>(_values.Count);
        foreach (var v in _values)
        {
            names.Add(v.Name);
        }

        return Utilities.Suggestions.DidYouMean("the enum value", Utilities.Suggestions.SuggestionList(input, names));
    }

    private Dictionary<object, EnumValueDefinition> BuildByValue()
    {
        var map = new Dictionary<object, EnumValueDefinition>();
        foreach (var v in _values)
        {
            if (v.Value is not null)
            {
                map.TryAdd(v.Value, v);
            }
        }

        return map;
    }

    private static string ToConstantCase(string name)
    {
        var sb = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && char.IsUpper(c) && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
            {
                sb.Append('_');
            }

            sb.Append(char.ToUpperInvariant(c));
        }

        return sb.ToString();
    }
}
