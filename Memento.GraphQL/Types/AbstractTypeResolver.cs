using System.Text.Json;

namespace Memento.GraphQL.Types;

/// <summary>
/// Finds the concrete object type of a value of an interface or union, like graphql-js: the type's own ResolveType
/// first; otherwise a "__typename" member of the value (JSON or dictionary); otherwise the first possible type whose
/// IsTypeOf accepts it; otherwise the possible type whose .NET class name equals the GraphQL name.
/// </summary>
public static class AbstractTypeResolver
{
    public static ObjectType? Resolve(GraphQLSchema schema, NamedType abstractType, object value, IResolveContext context)
    {
        var resolve = abstractType switch
        {
            InterfaceType i => i.ResolveType,
            UnionType u => u.ResolveType,
            _ => null,
        };
        if (resolve is not null)
        {
            return resolve(value, context);
        }

        var typeName = value switch
        {
            JsonElement { ValueKind: JsonValueKind.Object } je when je.TryGetProperty("__typename", out var tn) &&
                                                                    tn.ValueKind == JsonValueKind.String => tn.GetString(),
            IDictionary<string, object?> dict when dict.TryGetValue("__typename", out var tn) => tn as string,
            IReadOnlyDictionary<string, object?> rod when rod.TryGetValue("__typename", out var tn) => tn as string,
            _ => null,
        };
        if (typeName is not null)
        {
            return schema.GetType(typeName) as ObjectType;
        }

        var possible = schema.GetPossibleTypes(abstractType);
        foreach (var type in possible)
        {
            if (type.IsTypeOf is { } isTypeOf && isTypeOf(value, context))
            {
                return type;
            }
        }

        var clrName = value.GetType().Name;
        foreach (var type in possible)
        {
            if (type.Name == clrName)
            {
                return type;
            }
        }

        return null;
    }
}
