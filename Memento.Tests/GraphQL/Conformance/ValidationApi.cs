// The validation entry points this test needs, bound by name until the gql-validation branch is merged:
// Memento.GraphQL.Utilities.SchemaBuilder.BuildSchema(string) and
// Memento.GraphQL.Validation.DocumentValidator.Validate(GraphQLSchema, DocumentNode).
namespace Memento.Tests.GraphQL.Conformance;

using System.Reflection;
using Memento.GraphQL.Errors;
using Memento.GraphQL.Language;
using Memento.GraphQL.Language.Ast;

internal static class ValidationApi
{
    public static Func<DocumentNode, IReadOnlyList<GraphQLError>> Create(string sdl)
    {
        var assembly = typeof(Parser).Assembly;
        var builder = assembly.GetType("Memento.GraphQL.Utilities.SchemaBuilder")?.GetMethod("BuildSchema", [typeof(string)]);
        var validator = assembly.GetType("Memento.GraphQL.Validation.DocumentValidator")?.GetMethods()
            .FirstOrDefault(m => m.Name == "Validate" && m.IsStatic && m.GetParameters().Length == 2);
        if (builder is null || validator is null)
        {
            throw new InvalidOperationException(
                "The validation engine is missing: SchemaBuilder.BuildSchema(string) and DocumentValidator.Validate(schema, document) " +
                "come with the gql-validation branch.");
        }
        object schema;
        try
        {
            schema = builder.Invoke(null, [sdl])!;
        }
        catch (TargetInvocationException e)
        {
            throw e.InnerException!;
        }
        return document =>
        {
            try
            {
                return (IReadOnlyList<GraphQLError>)validator.Invoke(null, [schema, document])!;
            }
            catch (TargetInvocationException e)
            {
                throw e.InnerException!;
            }
        };
    }
}
