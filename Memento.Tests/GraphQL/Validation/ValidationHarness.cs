using Memento.GraphQL.Errors;
using Memento.GraphQL.Language;
using Memento.GraphQL.Types;
using Memento.GraphQL.Utilities;
using Memento.GraphQL.Validation;

namespace Memento.Tests.GraphQL.Validation;

/// <summary>
/// The shared validation test schema and assertions, after graphql-js's validation/__tests__/harness.ts: one
/// schema of pets, humans and argument-heavy fields; whole errors (message and locations) are compared.
/// </summary>
public static class ValidationHarness
{
    /// <summary>Conformance/TestSchema.graphql: one file, so the harness and the graphql-js runs cannot drift.</summary>
    public static readonly string TestSchemaSdl = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestSchema.graphql"));

    public static readonly GraphQLSchema TestSchema = SchemaBuilder.BuildSchema(TestSchemaSdl);

    /// <summary>Each error as "message (line:column, ...)", the form the tables use.</summary>
    public static string[] Describe(IReadOnlyList<GraphQLError> errors)
    {
        var result = new string[errors.Count];
        for (var i = 0; i < errors.Count; i++)
        {
            var e = errors[i];
            var locations = e.Locations is { Count: > 0 } l ? " (" + string.Join(", ", l.Select(x => $"{x.Line}:{x.Column}")) + ")" : string.Empty;
            result[i] = e.Message + locations;
        }

        return result;
    }

    public static IReadOnlyList<GraphQLError> Validate(string query, IReadOnlyList<ValidationRule>? rules = null, GraphQLSchema? schema = null, ValidationOptions? options = null) =>
        DocumentValidator.Validate(schema ?? TestSchema, Parser.Parse(query), rules, options);

    public static void ExpectValid(string query, IReadOnlyList<ValidationRule>? rules = null, GraphQLSchema? schema = null) =>
        Assert.Empty(Describe(Validate(query, rules, schema)));

    public static void ExpectErrors(string query, IReadOnlyList<ValidationRule>? rules, params string[] expected) =>
        Assert.Equal(expected, Describe(Validate(query, rules)));

    public static void ExpectErrorsWithSchema(GraphQLSchema schema, string query, IReadOnlyList<ValidationRule>? rules, params string[] expected) =>
        Assert.Equal(expected, Describe(Validate(query, rules, schema)));
}
