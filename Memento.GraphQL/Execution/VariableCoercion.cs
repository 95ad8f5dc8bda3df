using System.Collections;
using Memento.GraphQL.Errors;
using Memento.GraphQL.Language.Ast;
using Memento.GraphQL.Types;
using Memento.GraphQL.Types.Scalars;
using Memento.GraphQL.Utilities;

namespace Memento.GraphQL.Execution;

/// <summary>
/// Spec 6.1.2 CoerceVariableValues: raw values (decoded JSON, uploaded files) become internal values of the
/// declared types, defaults applied; every problem becomes a request error naming the variable and the path in it.
/// </summary>
internal static class VariableCoercion
{
    private static readonly IReadOnlyDictionary<string, object?> Empty = new Dictionary<string, object?>();

    public static IReadOnlyDictionary<string, object?> Coerce(
        GraphQLSchema schema, OperationDefinitionNode operation, IReadOnlyDictionary<string, object?>? inputs, List<GraphQLError> errors)
    {
        if (operation.VariableDefinitions.Count == 0) return Empty;
        var coerced = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var definition in operation.VariableDefinitions)
        {
            var name = definition.Variable.Name.Value;
            var type = TypeFromAst.Resolve(schema, definition.Type);
            if (type is null || !type.IsInputType)
            {
                // Validation reports this with a better message; guard for unvalidated documents.
                errors.Add(new GraphQLError(ErrorMessages.VariableNotInputType(name, TypeFromAst.Print(definition.Type)), definition.Type));
                continue;
            }
            object? value = null;
            var hasValue = inputs is not null && inputs.TryGetValue(name, out value);
            if (!hasValue && definition.DefaultValue is not null)
            {
                if (ValueFromAst.TryCoerce(definition.DefaultValue, type, null, out var fallback)) coerced[name] = fallback;
                continue;
            }
            if (type is NonNullType && (!hasValue || value is null))
            {
                errors.Add(new GraphQLError(hasValue ? ErrorMessages.VariableNonNull(name, type.ToString()) : ErrorMessages.VariableRequired(name, type.ToString()), definition));
                continue;
            }
            if (!hasValue) continue;
            if (value is null)
            {
                coerced[name] = null;
                continue;
            }
            var problems = new List<(string Path, string Message)>();
            var result = CoerceInput(value, type, "", problems);
            if (problems.Count == 0)
            {
                coerced[name] = result;
                continue;
            }
            foreach (var (path, message) in problems)
            {
                var at = path.Length == 0 ? "" : $" at \"{name}{path}\"";
                errors.Add(new GraphQLError(ErrorMessages.VariableInvalid(name, Inspect.Value(value) + at + "; " + message), definition));
            }
        }
        return coerced;
    }

    /// <summary>graphql-js coerceInputValue: a raw value to an internal value of <paramref name="type"/>.</summary>
    public static object? CoerceInput(object? value, GraphQLType type, string path, List<(string, string)> problems)
    {
        StackGuard.Ensure();
        if (type is NonNullType nonNull)
        {
            if (value is null)
            {
                problems.Add((path, $"Expected non-nullable type \"{type}\" not to be null."));
                return null;
            }
            return CoerceInput(value, nonNull.OfType, path, problems);
        }
        if (value is null) return null;
        switch (type)
        {
            case ListType list:
                if (value is IEnumerable items and not string and not IDictionary and not IEnumerable<KeyValuePair<string, object?>>)
                {
                    var result = new List<object?>();
                    var i = 0;
                    foreach (var item in items) result.Add(CoerceInput(item, list.OfType, path + "[" + i++ + "]", problems));
                    return result;
                }
                // A single value where a list is expected is a list of one (input coercion of lists, spec 3.11).
                return new List<object?> { CoerceInput(value, list.OfType, path, problems) };
            case InputObjectType input:
                return CoerceObject(value, input, path, problems);
            case EnumType enumType:
                try
                {
                    return enumType.ParseValue(value);
                }
                catch (GraphQLTypeException e)
                {
                    problems.Add((path, e.Message));
                    return null;
                }
            case ScalarType scalar:
                try
                {
                    var parsed = scalar.ParseValue(value);
                    if (parsed is null) problems.Add((path, $"Expected type \"{scalar.Name}\"."));
                    return parsed;
                }
                catch (Exception e) when (e is GraphQLTypeException or FormatException or OverflowException or InvalidCastException)
                {
                    problems.Add((path, e is GraphQLTypeException ? e.Message : $"Expected type \"{scalar.Name}\". {e.Message}"));
                    return null;
                }
            default:
                problems.Add((path, $"Expected type \"{type}\"."));
                return null;
        }
    }

    private static object? CoerceObject(object value, InputObjectType type, string path, List<(string, string)> problems)
    {
        if (value is not IReadOnlyDictionary<string, object?> fields)
        {
            if (value is IDictionary<string, object?> mutable) fields = mutable.AsReadOnly();
            else
            {
                problems.Add((path, $"Expected type \"{type.Name}\" to be an object."));
                return null;
            }
        }
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in type.Fields)
        {
            if (!fields.TryGetValue(field.Name, out var fieldValue))
            {
                if (field.HasDefaultValue) result[field.Name] = field.DefaultValue;
                else if (field.Type is NonNullType)
                    problems.Add((path, $"Field \"{field.Name}\" of required type \"{field.Type}\" was not provided."));
                continue;
            }
            result[field.Name] = CoerceInput(fieldValue, field.Type, path + "." + field.Name, problems);
        }
        foreach (var key in fields.Keys)
        {
            if (type.GetField(key) is null)
            {
                var suggestions = Suggestions.SuggestionList(key, type.Fields.Select(f => f.Name).ToList());
                problems.Add((path, $"Field \"{key}\" is not defined by type \"{type.Name}\"." + Suggestions.DidYouMean(suggestions)));
            }
        }
        if (type.IsOneOf)
        {
            if (fields.Count != 1) problems.Add((path, $"Exactly one key must be specified for OneOf type \"{type.Name}\"."));
            else if (fields.Values.First() is null) problems.Add((path, $"Field \"{fields.Keys.First()}\" must be non-null."));
        }
        return result;
    }
}
