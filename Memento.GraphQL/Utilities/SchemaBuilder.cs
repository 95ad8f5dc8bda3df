using Memento.GraphQL.Errors;
using Memento.GraphQL.Language;
using Memento.GraphQL.Language.Ast;
using Memento.GraphQL.Types;

namespace Memento.GraphQL.Utilities;

/// <summary>
/// Builds a schema from SDL, like graphql-js buildSchema: type definitions and extensions, descriptions, custom
/// scalars (values passed through), directives, @deprecated, @specifiedBy and @oneOf. Fields have no resolvers, so
/// the executor's default resolver reads them from the root value and the objects below it (JSON, dictionaries or
/// .NET objects) — buildSchema plus rootValue.
/// </summary>
public static partial class SchemaBuilder
{
    /// <summary>Parses SDL and builds the schema; throws <see cref="GraphQLError"/> when the SDL is not valid.</summary>
    /// <param name="sdl">The schema definition language text.</param>
    /// <param name="rootValue">Optional root value used when a request supplies none.</param>
    public static GraphQLSchema BuildSchema(string sdl, object? rootValue = null)
    {
        var schema = BuildAstSchema(Parser.Parse(sdl, ParserOptions.Trusted()));
        schema.RootValue = rootValue;
        return schema;
    }

    /// <summary>Builds the schema from a parsed SDL document.</summary>
    public static GraphQLSchema BuildAstSchema(DocumentNode document) => new Builder(document).Build();
}
