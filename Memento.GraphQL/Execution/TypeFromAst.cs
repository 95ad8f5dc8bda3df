using Memento.GraphQL.Language.Ast;
using Memento.GraphQL.Types;

namespace Memento.GraphQL.Execution;

/// <summary>The schema type a type reference in a document names (graphql-js typeFromAST); null when unknown.</summary>
internal static class TypeFromAst
{
    public static GraphQLType? Resolve(GraphQLSchema schema, TypeNode node) => node switch
    {
        NamedTypeNode named => schema.GetType(named.Name.Value),
        ListTypeNode list => Resolve(schema, list.Type) is { } item ? new ListType(item) : null,
        NonNullTypeNode nonNull => Resolve(schema, nonNull.Type) is { } inner and not NonNullType ? new NonNullType(inner) : null,
        _ => null,
    };

    /// <summary>The type reference as written, e.g. <c>[Int!]!</c>.</summary>
    public static string Print(TypeNode node) => node switch
    {
        NamedTypeNode named => named.Name.Value,
        ListTypeNode list => "[" + Print(list.Type) + "]",
        NonNullTypeNode nonNull => Print(nonNull.Type) + "!",
        _ => "",
    };
}
