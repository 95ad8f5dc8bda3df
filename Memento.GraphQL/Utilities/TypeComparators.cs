using Memento.GraphQL.Language.Ast;
using Memento.GraphQL.Types;
using ListType = Memento.GraphQL.Types.ListType;
using NonNullType = Memento.GraphQL.Types.NonNullType;

namespace Memento.GraphQL.Utilities;

/// <summary>Type relations used by validation (graphql-js typeComparators.ts and typeFromAST).</summary>
public static class TypeComparators
{
    /// <summary>Same type, wrappers included.</summary>
    public static bool IsEqualType(GraphQLType a, GraphQLType b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        return (a, b) switch
        {
            (NonNullType x, NonNullType y) => IsEqualType(x.OfType, y.OfType),
            (ListType x, ListType y) => IsEqualType(x.OfType, y.OfType),
            _ => false,
        };
    }

    /// <summary>Whether a value of maybeSubType can be used where superType is expected.</summary>
    public static bool IsTypeSubTypeOf(GraphQLSchema schema, GraphQLType maybeSubType, GraphQLType superType)
    {
        if (ReferenceEquals(maybeSubType, superType))
        {
            return true;
        }

        if (superType is NonNullType superNonNull)
        {
            return maybeSubType is NonNullType subNonNull && IsTypeSubTypeOf(schema, subNonNull.OfType, superNonNull.OfType);
        }

        if (maybeSubType is NonNullType nn)
        {
            return IsTypeSubTypeOf(schema, nn.OfType, superType);
        }

        if (superType is ListType superList)
        {
            return maybeSubType is ListType subList && IsTypeSubTypeOf(schema, subList.OfType, superList.OfType);
        }

        if (maybeSubType is ListType)
        {
            return false;
        }

        return superType.IsAbstractType() && maybeSubType is ObjectType or InterfaceType &&
               schema.IsSubType((NamedType)superType, (NamedType)maybeSubType);
    }

    /// <summary>Whether two composite types can both describe some object.</summary>
    public static bool DoTypesOverlap(GraphQLSchema schema, NamedType a, NamedType b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a.IsAbstractType())
        {
            if (b.IsAbstractType())
            {
                foreach (var type in schema.GetPossibleTypes(a))
                {
                    if (schema.IsSubType(b, type))
                    {
                        return true;
                    }
                }

                return false;
            }

            return schema.IsSubType(a, b);
        }

        return b.IsAbstractType() && schema.IsSubType(b, a);
    }

    /// <summary>The schema type a type reference names, or null when the named type is unknown.</summary>
    public static GraphQLType? TypeFromAst(GraphQLSchema schema, TypeNode node) => node switch
    {
        ListTypeNode l => TypeFromAst(schema, l.Type) is { } inner ? new ListType(inner) : null,
        NonNullTypeNode n => TypeFromAst(schema, n.Type) is { } inner && inner is not NonNullType ? new NonNullType(inner) : null,
        NamedTypeNode named => schema.GetType(named.Name.Value),
        _ => null,
    };
}
