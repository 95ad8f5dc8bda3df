using System.Collections;
using System.Globalization;
using System.Text.Json;
using Memento.GraphQL.Language.Ast;
using Memento.GraphQL.Types;
using ListType = Memento.GraphQL.Types.ListType;
using NonNullType = Memento.GraphQL.Types.NonNullType;

namespace Memento.GraphQL.Utilities;

/// <summary>
/// Turns an internal value back into a literal of the given type (graphql-js astFromValue): used to print default
/// values in SDL and introspection. Returns null when the value has no literal (e.g. null for a non-null type).
/// </summary>
public static class AstFromValue
{
    public static ValueNode? Convert(object? value, GraphQLType type)
    {
        if (type is NonNullType nonNull)
        {
            var inner = Convert(value, nonNull.OfType);
            return inner is NullValueNode ? null : inner;
        }

        if (value is null || value is JsonElement { ValueKind: JsonValueKind.Null })
        {
            return new NullValueNode();
        }

        if (type is ListType list)
        {
            if (value is IEnumerable items and not string and not IDictionary && value is not JsonElement { ValueKind: not JsonValueKind.Array })
            {
                var nodes = new List<ValueNode>();
                foreach (var item in value is JsonElement je ? je.EnumerateArray().Cast<object?>() : items.Cast<object?>())
                {
                    if (Convert(item, list.OfType) is { } node)
                    {
                        nodes.Add(node);
                    }
                }

                return new ListValueNode { Values = nodes };
            }

            return Convert(value, list.OfType);
        }

        if (type is InputObjectType input)
        {
            var fields = new List<ObjectFieldNode>();
            foreach (var field in input.Fields)
            {
                if (!TryGetField(value, field.Name, out var fieldValue))
                {
                    continue;
                }

                if (Convert(fieldValue, field.Type) is { } node)
                {
                    fields.Add(new ObjectFieldNode { Name = new NameNode(field.Name), Value = node });
                }
            }

            return new ObjectValueNode { Fields = fields };
        }

        object? serialized = type switch
        {
            EnumType e => e.Serialize(value),
            ScalarType s => s.Serialize(value),
            _ => throw new InvalidOperationException("Unexpected input type: " + type),
        };
        switch (serialized)
        {
            case null:
                return null;
            case bool b:
                return new BooleanValueNode(b);
            case int or long or short or byte or uint or ulong:
                return new IntValueNode(System.Convert.ToString(serialized, CultureInfo.InvariantCulture)!);
            case double or float or decimal:
                var number = Types.Scalars.Inspect.Number(System.Convert.ToDouble(serialized, CultureInfo.InvariantCulture));
                return IsIntegerString(number) ? new IntValueNode(number) : new FloatValueNode(number);
            case string s:
                if (type is EnumType)
                {
                    return new EnumValueNode(s);
                }

                if (ReferenceEquals(type, ScalarType.ID) && IsIntegerString(s))
                {
                    return new IntValueNode(s);
                }

                return new StringValueNode(s);
            default:
                // JSON-like scalars: print structured values as untyped literals.
                return Untyped(serialized);
        }
    }

    private static ValueNode Untyped(object? value)
    {
        switch (value)
        {
            case null:
                return new NullValueNode();
            case bool b:
                return new BooleanValueNode(b);
            case string s:
                return new StringValueNode(s);
            case int or long:
                return new IntValueNode(System.Convert.ToString(value, CultureInfo.InvariantCulture)!);
            case double d:
                var text = Types.Scalars.Inspect.Number(d);
                return IsIntegerString(text) ? new IntValueNode(text) : new FloatValueNode(text);
            case JsonElement je:
                return je.ValueKind switch
                {
                    JsonValueKind.Object => new ObjectValueNode
                    {
                        Fields = je.EnumerateObject().Select(p => new ObjectFieldNode { Name = new NameNode(p.Name), Value = Untyped(p.Value) }).ToList(),
                    },
                    JsonValueKind.Array => new ListValueNode { Values = je.EnumerateArray().Select(i => Untyped(i)).ToList() },
                    JsonValueKind.String => new StringValueNode(je.GetString()!),
                    JsonValueKind.Number => Untyped(je.GetDouble()),
                    JsonValueKind.True => new BooleanValueNode(true),
                    JsonValueKind.False => new BooleanValueNode(false),
                    _ => new NullValueNode(),
                };
            case IDictionary<string, object?> dict:
                return new ObjectValueNode
                {
                    Fields = dict.Select(p => new ObjectFieldNode { Name = new NameNode(p.Key), Value = Untyped(p.Value) }).ToList(),
                };
            case IEnumerable list:
                return new ListValueNode { Values = list.Cast<object?>().Select(Untyped).ToList() };
            default:
                return new StringValueNode(System.Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);
        }
    }

    private static bool TryGetField(object value, string name, out object? fieldValue)
    {
        switch (value)
        {
            case IDictionary<string, object?> dict:
                return dict.TryGetValue(name, out fieldValue);
            case IReadOnlyDictionary<string, object?> rod:
                return rod.TryGetValue(name, out fieldValue);
            case JsonElement { ValueKind: JsonValueKind.Object } je when je.TryGetProperty(name, out var prop):
                fieldValue = prop;
                return true;
            default:
                fieldValue = value is JsonElement ? null : DefaultFieldResolver.GetMember(value, name);
                return fieldValue is not null;
        }
    }

    private static bool IsIntegerString(string s)
    {
        var i = s.StartsWith('-') ? 1 : 0;
        if (i >= s.Length)
        {
            return false;
        }

        if (s[i] == '0')
        {
            return s.Length == i + 1;
        }

        for (; i < s.Length; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }
        }

        return true;
    }
}
