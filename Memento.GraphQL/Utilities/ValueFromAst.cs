using System.Globalization;
using System.Text.Json;
using Memento.GraphQL.Language.Ast;
using Memento.GraphQL.Types;

namespace Memento.GraphQL.Utilities;

/// <summary>
/// Turns literals into internal values (graphql-js valueFromAST and valueFromASTUntyped). A literal that does not
/// fit the type yields false rather than an error: validation has already reported it with a better message.
/// </summary>
public static class ValueFromAst
{
    /// <summary>Coerces a literal to the type; variables are read from <paramref name="variables"/> (coerced values).</summary>
    public static bool TryCoerce(ValueNode? node, GraphQLType type, IReadOnlyDictionary<string, object?>? variables, out object? value)
    {
        Execution.StackGuard.Ensure();
        value = null;
        if (node is null)
        {
            return false;
        }

        if (node is VariableNode variable)
        {
            if (variables is null || !variables.TryGetValue(variable.Name.Value, out value))
            {
                return false;
            }

            // Note: a null variable value for a non-null type is refused here; the executor reports it.
            return value is not null || type is not NonNullType;
        }

        if (type is NonNullType nonNull)
        {
            return node is not NullValueNode && TryCoerce(node, nonNull.OfType, variables, out value);
        }

        if (node is NullValueNode)
        {
            return true;
        }

        switch (type)
        {
            case ListType list:
                if (node is ListValueNode listNode)
                {
                    var items = new List<object?>(listNode.Values.Count);
                    foreach (var itemNode in listNode.Values)
                    {
                        if (IsMissingVariable(itemNode, variables))
                        {
                            // A missing variable inside a list becomes null unless the item type is non-null.
                            if (list.OfType is NonNullType)
                            {
                                return false;
                            }

                            items.Add(null);
                        }
                        else if (TryCoerce(itemNode, list.OfType, variables, out var item))
                        {
                            items.Add(item);
                        }
                        else
                        {
                            return false;
                        }
                    }

                    value = items;
                    return true;
                }

                if (TryCoerce(node, list.OfType, variables, out var single))
                {
                    value = new List<object?> { single };
                    return true;
                }

                return false;
            case InputObjectType input:
                return TryCoerceObject(node, input, variables, out value);
            case EnumType enumType:
                if (node is EnumValueNode e && enumType.GetValue(e.Value) is { } def)
                {
                    value = def.Value;
                    return true;
                }

                return false;
            case ScalarType scalar:
                try
                {
                    value = scalar.ParseLiteral(node, variables);
                    return true;
                }
                catch (GraphQLTypeException)
                {
                    return false;
                }
                catch (FormatException)
                {
                    return false;
                }
                catch (OverflowException)
                {
                    return false;
                }

            default:
                return false;
        }
    }

    private static bool TryCoerceObject(ValueNode node, InputObjectType type, IReadOnlyDictionary<string, object?>? variables, out object? value)
    {
        value = null;
        if (node is not ObjectValueNode obj)
        {
            return false;
        }

        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in type.Fields)
        {
            ObjectFieldNode? fieldNode = null;
            foreach (var f in obj.Fields)
            {
                if (f.Name.Value == field.Name)
                {
                    fieldNode = f;
                    break;
                }
            }

            if (fieldNode is null || IsMissingVariable(fieldNode.Value, variables))
            {
                if (field.HasDefaultValue)
                {
                    result[field.Name] = field.DefaultValue;
                }
                else if (field.Type is NonNullType)
                {
                    return false;
                }

                continue;
            }

            if (!TryCoerce(fieldNode.Value, field.Type, variables, out var fieldValue))
            {
                return false;
            }

            result[field.Name] = fieldValue;
        }

        if (type.IsOneOf)
        {
            if (result.Count != 1)
            {
                return false;
            }

            foreach (var v in result.Values)
            {
                if (v is null)
                {
                    return false;
                }
            }
        }

        value = result;
        return true;
    }

    private static bool IsMissingVariable(ValueNode node, IReadOnlyDictionary<string, object?>? variables) =>
        node is VariableNode v && (variables is null || !variables.ContainsKey(v.Name.Value));

    /// <summary>A literal as a plain value: numbers, strings, booleans, null, lists and string-keyed dictionaries.</summary>
    public static object? Untyped(ValueNode node, IReadOnlyDictionary<string, object?>? variables = null)
    {
        switch (node)
        {
            case NullValueNode:
                return null;
            case IntValueNode i:
                // Boxed separately: a ternary would widen every branch to double.
                if (int.TryParse(i.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var small))
                {
                    return small;
                }

                if (long.TryParse(i.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var big))
                {
                    return big;
                }

                return double.Parse(i.Value, CultureInfo.InvariantCulture);
            case FloatValueNode f:
                return double.Parse(f.Value, CultureInfo.InvariantCulture);
            case StringValueNode s:
                return s.Value;
            case EnumValueNode e:
                return e.Value;
            case BooleanValueNode b:
                return b.Value;
            case ListValueNode l:
                var list = new List<object?>(l.Values.Count);
                foreach (var item in l.Values)
                {
                    list.Add(Untyped(item, variables));
                }

                return list;
            case ObjectValueNode o:
                var dict = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var field in o.Fields)
                {
                    dict[field.Name.Value] = Untyped(field.Value, variables);
                }

                return dict;
            case VariableNode v:
                return variables is not null && variables.TryGetValue(v.Name.Value, out var value) ? Plain(value) : null;
            default:
                return null;
        }
    }

    // Variables may hold raw JSON; JSON-like scalars want plain values.
    private static object? Plain(object? value) => value is JsonElement je ? je.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => je.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => je,
    } : value;
}
