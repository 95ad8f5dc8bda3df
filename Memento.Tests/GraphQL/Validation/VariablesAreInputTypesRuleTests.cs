using Memento.GraphQL.Validation;
using Memento.GraphQL.Validation.Rules;

namespace Memento.Tests.GraphQL.Validation;

/// <summary>VariablesAreInputTypesRule: cases after graphql-js's tests; expected errors are graphql-js 16's, word for word.</summary>
public class VariablesAreInputTypesRuleTests
{
    private static readonly IReadOnlyList<ValidationRule> Rule = new[] { VariablesAreInputTypesRule.Rule };

    public static TheoryData<string, string[]> Cases => new()
    {
        { "query Foo($a: String, $b: [Boolean!]!, $c: ComplexInput) { field(a: $a, b: $b, c: $c) }", new string[] { } },
        { "query Foo($a: Dog, $b: [[CatOrDog!]]!, $c: Pet) { field(a: $a, b: $b, c: $c) }", new string[] { "Variable \"$a\" cannot be non-input type \"Dog\". (1:15)", "Variable \"$b\" cannot be non-input type \"[[CatOrDog!]]!\". (1:24)", "Variable \"$c\" cannot be non-input type \"Pet\". (1:44)" } },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_what_graphql_js_reports(string query, string[] expected) =>
        ValidationHarness.ExpectErrors(query, Rule, expected);
}
