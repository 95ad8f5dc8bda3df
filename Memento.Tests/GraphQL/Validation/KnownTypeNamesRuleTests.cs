using Memento.GraphQL.Validation;
using Memento.GraphQL.Validation.Rules;

namespace Memento.Tests.GraphQL.Validation;

/// <summary>KnownTypeNamesRule: cases after graphql-js's tests; expected errors are graphql-js 16's, word for word.</summary>
public class KnownTypeNamesRuleTests
{
    private static readonly IReadOnlyList<ValidationRule> Rule = new[] { KnownTypeNamesRule.Rule };

    public static TheoryData<string, string[]> Cases => new()
    {
        { "query Foo($var: String, $required: [Int!]!) { dog { name } }", new string[] { } },
        // suggestions come from the schema's types
        { "query Foo($var: JumbledUpLetters) { human(id: 4) { pets { ... on Badger { name } ...PetFields } } } fragment PetFields on Peat { name }", new string[] { "Unknown type \"JumbledUpLetters\". (1:17)", "Unknown type \"Badger\". (1:66)", "Unknown type \"Peat\". Did you mean \"Pet\" or \"Cat\"? (1:123)" } },
        // wrapped types are unwrapped
        { "query Foo($var: [Strng!]) { dog { name } }", new string[] { "Unknown type \"Strng\". Did you mean \"String\"? (1:18)" } },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_what_graphql_js_reports(string query, string[] expected) =>
        ValidationHarness.ExpectErrors(query, Rule, expected);
}
