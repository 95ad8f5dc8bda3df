using Memento.GraphQL.Errors;
using Memento.GraphQL.Validation;

namespace Memento.Tests.GraphQL.Validation;

/// <summary>All specified rules together: the same errors, in the same order, as graphql-js validate().</summary>
public class DocumentValidatorTests
{
    public static TheoryData<string, string[]> Cases => new()
    {
        // errors from many rules come in document order, rules in spec order at each node
        { "query Q($unused: Int, $v: Strin) { dog { nam barks { x } ...F @skip } ... on Cat { meows } cat { furColor(x: 1) } } fragment F on Dog { ...G } fragment G on Dog { ...F } fragment Unused on Cat { meows }", new string[] { "Unknown type \"Strin\". Did you mean \"String\"? (1:27)", "Cannot query field \"nam\" on type \"Dog\". Did you mean \"name\"? (1:42)", "Field \"barks\" must not have a selection since type \"Boolean\" has no subfields. (1:52)", "Directive \"@skip\" argument \"if\" of type \"Boolean!\" is required, but it was not provided. (1:63)", "Fragment cannot be spread here as objects of type \"QueryRoot\" can never be of type \"Cat\". (1:71)", "Unknown argument \"x\" on field \"Cat.furColor\". (1:107)", "Variable \"$unused\" is never used in operation \"Q\". (1:9)", "Variable \"$v\" is never used in operation \"Q\". (1:23)", "Cannot spread fragment \"F\" within itself via \"G\". (1:137, 1:164)", "Fragment \"Unused\" is never used. (1:171)" } },
        // a typical valid query
        { "query Q($id: ID, $withCat: Boolean = true) { human(id: $id) { name pets { name ... on Dog { barkVolume } } } cat @include(if: $withCat) { ...CatFields } } fragment CatFields on Cat { meows furColor }", new string[] { } },
        // introspection is valid
        { "{ __schema { queryType { name } types { name kind fields(includeDeprecated: true) { name args { name defaultValue } } } } __type(name: \"Dog\") { name } }", new string[] { } },
        // unknown types and variables
        { "query ($a: Unknown, $b: [Boolean!]) { complicatedArgs { booleanArgField(booleanArg: $c) stringListNonNullArgField(stringListNonNullArg: $b) } }", new string[] { "Unknown type \"Unknown\". (1:12)", "Variable \"$c\" is not defined. (1:85, 1:1)", "Variable \"$a\" is never used. (1:8)", "Variable \"$b\" of type \"[Boolean!]\" used in position expecting type \"[String!]\". (1:21, 1:137)" } },
        // duplicate names everywhere
        { "query A { dog { name } } query A { dog { a: name a: nickname } } fragment F on Dog { name } fragment F on Dog { name }", new string[] { "There can be only one operation named \"A\". (1:7, 1:32)", "Fields \"a\" conflict because \"name\" and \"nickname\" are different fields. Use different aliases on the fields to fetch both if this was intentional. (1:42, 1:50)", "There can be only one fragment named \"F\". (1:75, 1:102)", "Fragment \"F\" is never used. (1:66)", "Fragment \"F\" is never used. (1:93)" } },
        // values, required arguments and input objects
        { "{ complicatedArgs { multipleReqs(req1: \"one\") complexArgField(complexArg: { requiredField: true, requiredField: false, intField: 1.5 }) enumArgField(enumArg: brown) } }", new string[] { "Int cannot represent non-integer value: \"one\" (1:40)", "Field \"multipleReqs\" argument \"req2\" of type \"Int!\" is required, but it was not provided. (1:21)", "There can be only one input field named \"requiredField\". (1:77, 1:98)", "Int cannot represent non-integer value: 1.5 (1:130)", "Value \"brown\" does not exist in \"FurColor\" enum. Did you mean the enum value \"BROWN\"? (1:159)" } },
        // subscriptions
        { "subscription S { importantEmails notImportantEmails } subscription { __typename }", new string[] { "Subscription \"S\" must select only one top level field. (1:34)", "This anonymous operation must be the only defined operation. (1:55)", "Anonymous Subscription must not select an introspection top level field. (1:70)" } },
        // directives
        { "query @onField { dog @include(if: true) @include(if: false) @nope { name @onQuery } }", new string[] { "Directive \"@onField\" may not be used on QUERY. (1:7)", "The directive \"@include\" can only be used once at this location. (1:22, 1:41)", "Unknown directive \"@nope\". (1:61)", "Directive \"@onQuery\" may not be used on FIELD. (1:74)" } },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_the_errors_of_graphql_js_in_its_order(string query, string[] expected) =>
        ValidationHarness.ExpectErrors(query, null, expected);

    [Fact]
    public void Stops_after_the_error_limit_with_graphql_js_message()
    {
        var query = "{ " + string.Join(" ", Enumerable.Range(0, 150).Select(i => $"unknown{i}")) + " }";
        var errors = ValidationHarness.Validate(query, null, null, new ValidationOptions { MaxErrors = 100 });
        Assert.Equal(101, errors.Count);
        Assert.Equal(ErrorMessages.TooManyValidationErrors, errors[^1].Message);
        Assert.Null(errors[^1].Locations);
    }

    [Fact]
    public void A_big_flat_selection_of_repeated_fields_validates_quickly()
    {
        // graphql-js compares each pair and aborts here ("Validation aborted."); identical simple leaves are settled at once.
        var query = "{ dog { " + string.Join(" ", Enumerable.Repeat("name", 20_000)) + " } }";
        var watch = System.Diagnostics.Stopwatch.StartNew();
        ValidationHarness.ExpectValid(query);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }
}
