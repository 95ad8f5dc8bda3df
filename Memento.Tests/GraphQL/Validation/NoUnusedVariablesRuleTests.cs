using Memento.GraphQL.Validation;
using Memento.GraphQL.Validation.Rules;

namespace Memento.Tests.GraphQL.Validation;

/// <summary>NoUnusedVariablesRule: cases after graphql-js's tests; expected errors are graphql-js 16's, word for word.</summary>
public class NoUnusedVariablesRuleTests
{
    private static readonly IReadOnlyList<ValidationRule> Rule = new[] { NoUnusedVariablesRule.Rule };

    public static TheoryData<string, string[]> Cases => new()
    {
        { "query ($a: String, $b: String) { field(a: $a, b: $b) }", new string[] { } },
        { "query ($a: String, $b: String, $c: String) { field(a: $a, b: $b) }", new string[] { "Variable \"$c\" is never used. (1:32)" } },
        // usages inside fragments count
        { "query Foo($a: String, $b: String) { ...FragA } fragment FragA on Type { field(a: $a) }", new string[] { "Variable \"$b\" is never used in operation \"Foo\". (1:23)" } },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_what_graphql_js_reports(string query, string[] expected) =>
        ValidationHarness.ExpectErrors(query, Rule, expected);
}
