using Memento.GraphQL.Errors;
using Memento.GraphQL.Language.Ast;
using Memento.GraphQL.Types;
using Memento.GraphQL.Utilities;

namespace Memento.GraphQL.Execution;

/// <summary>Spec 6.4.1 CoerceArgumentValues: literal and variable arguments to internal values, defaults applied.</summary>
internal static class ArgumentCoercion
{
    public static readonly IReadOnlyDictionary<string, object?> Empty = new Dictionary<string, object?>();

    /// <summary>Whether the arguments of <paramref name="node"/> mention any variable (else they can be cached).</summary>
    public static bool UsesVariables(FieldNode node)
    {
        foreach (var argument in node.Arguments)
        {
            if (UsesVariables(argument.Value)) return true;
        }
        return false;
    }

    private static bool UsesVariables(ValueNode value) => value switch
    {
        VariableNode => true,
        ListValueNode list => list.Values.Any(UsesVariables),
        ObjectValueNode obj => obj.Fields.Any(f => UsesVariables(f.Value)),
        _ => false,
    };

    /// <summary>The coerced arguments; throws a located <see cref="GraphQLError"/> for a missing or invalid one.</summary>
    public static IReadOnlyDictionary<string, object?> Coerce(
        FieldDefinition definition, FieldNode node, IReadOnlyDictionary<string, object?> variables)
    {
        var definitions = definition.Arguments;
        if (definitions.Count == 0) return Empty;
        var coerced = new Dictionary<string, object?>(definitions.Count, StringComparer.Ordinal);
        foreach (var argument in definitions)
        {
            ArgumentNode? argumentNode = null;
            foreach (var candidate in node.Arguments)
            {
                if (candidate.Name.Value == argument.Name)
                {
                    argumentNode = candidate;
                    break;
                }
            }
            var hasValue = argumentNode is not null;
            object? value = null;
            if (argumentNode?.Value is VariableNode variable)
            {
                hasValue = variables.TryGetValue(variable.Name.Value, out value);
            }
            if (!hasValue && argument.HasDefaultValue)
            {
                coerced[argument.Name] = argument.DefaultValue;
                continue;
            }
            if (argument.Type is NonNullType && (!hasValue || (argumentNode!.Value is VariableNode && value is null) || argumentNode!.Value is NullValueNode))
            {
                var message = !hasValue && argumentNode?.Value is VariableNode v
                    ? ErrorMessages.ArgumentVariableRequired(argument.Name, argument.Type.ToString(), v.Name.Value)
                    : hasValue ? ErrorMessages.ArgumentNonNull(argument.Name, argument.Type.ToString())
                    : ErrorMessages.ArgumentRequired(argument.Name, argument.Type.ToString());
                throw new GraphQLError(message, (Node?)argumentNode ?? node);
            }
            if (!hasValue) continue;
            if (argumentNode!.Value is VariableNode)
            {
                coerced[argument.Name] = value;
                continue;
            }
            if (!ValueFromAst.TryCoerce(argumentNode.Value, argument.Type, variables, out value))
            {
                throw new GraphQLError(ErrorMessages.ArgumentInvalid(argument.Name, ValuePrinter.Print(argumentNode.Value)), argumentNode.Value);
            }
            coerced[argument.Name] = value;
        }
        return coerced;
    }
}
