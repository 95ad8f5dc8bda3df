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
    public const string TestSchemaSdl = """
        interface Mammal {
          mother: Mammal
          father: Mammal
        }

        interface Pet {
          name(surname: Boolean): String
        }

        interface Canine implements Mammal {
          name(surname: Boolean): String
          mother: Canine
          father: Canine
        }

        enum DogCommand {
          SIT
          HEEL
          DOWN
        }

        type Dog implements Pet & Mammal & Canine {
          name(surname: Boolean): String
          nickname: String
          barkVolume: Int
          barks: Boolean
          doesKnowCommand(dogCommand: DogCommand): Boolean
          isHouseTrained(atOtherHomes: Boolean = true): Boolean
          isAtLocation(x: Int, y: Int): Boolean
          mother: Dog
          father: Dog
        }

        type Cat implements Pet {
          name(surname: Boolean): String
          nickname: String
          meows: Boolean
          meowsVolume: Int
          furColor: FurColor
        }

        union CatOrDog = Cat | Dog

        type Human {
          name(surname: Boolean): String
          pets: [Pet]
          relatives: [Human]!
        }

        enum FurColor {
          BROWN
          BLACK
          TAN
          SPOTTED
          NO_FUR
          UNKNOWN
        }

        input ComplexInput {
          requiredField: Boolean!
          nonNullField: Boolean! = false
          intField: Int
          stringField: String
          booleanField: Boolean
          stringListField: [String]
        }

        input OneOfInput @oneOf {
          stringField: String
          intField: Int
        }

        type ComplicatedArgs {
          intArgField(intArg: Int): String
          nonNullIntArgField(nonNullIntArg: Int!): String
          stringArgField(stringArg: String): String
          booleanArgField(booleanArg: Boolean): String
          enumArgField(enumArg: FurColor): String
          floatArgField(floatArg: Float): String
          idArgField(idArg: ID): String
          stringListArgField(stringListArg: [String]): String
          stringListNonNullArgField(stringListNonNullArg: [String!]): String
          complexArgField(complexArg: ComplexInput): String
          oneOfArgField(oneOfArg: OneOfInput): String
          multipleReqs(req1: Int!, req2: Int!): String
          nonNullFieldWithDefault(arg: Int! = 0): String
          multipleOpts(opt1: Int = 0, opt2: Int = 0): String
          multipleOptAndReq(req1: Int!, req2: Int!, opt1: Int = 0, opt2: Int = 0): String
        }

        type QueryRoot {
          human(id: ID): Human
          dog: Dog
          cat: Cat
          pet: Pet
          catOrDog: CatOrDog
          complicatedArgs: ComplicatedArgs
        }

        type SubscriptionRoot {
          importantEmails: [String]
          notImportantEmails: [String]
          moreImportantEmails: [String]
          spamEmails: [String]
          deletedEmails: [String]
          newMessage: String
        }

        schema {
          query: QueryRoot
          subscription: SubscriptionRoot
        }

        directive @onField on FIELD
        directive @onQuery on QUERY
        directive @onMutation on MUTATION
        directive @onFragmentDefinition on FRAGMENT_DEFINITION
        directive @onVariableDefinition on VARIABLE_DEFINITION
        directive @repeatable repeatable on FIELD
        """;

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
