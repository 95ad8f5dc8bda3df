// The validation entry points the differential test drives: the same SDL as graphql-js's buildSchema, then
// DocumentValidator with the specified rules (graphql-js validate()).
namespace Memento.Tests.GraphQL.Conformance;

using Memento.GraphQL.Errors;
using Memento.GraphQL.Language.Ast;
using Memento.GraphQL.Utilities;
using Memento.GraphQL.Validation;

internal static class ValidationApi
{
    public static Func<DocumentNode, IReadOnlyList<GraphQLError>> Create(string sdl)
    {
        var schema = SchemaBuilder.BuildSchema(sdl);
        return document => DocumentValidator.Validate(schema, document);
    }
}
