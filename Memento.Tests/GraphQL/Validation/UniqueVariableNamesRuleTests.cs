using Memento.GraphQL.Validation;
using Memento.GraphQL.Validation.Rules;

namespace Memento.Tests.GraphQL.Validation;

/// <summary>UniqueVariableNamesRule: cases after graphql-js's tests; expected errors are graphql-js 16's, word for word.</summary>
public class UniqueVariableNamesRuleTests
{
    private static readonly IReadOnlyList<ValidationRule> Rule = new[] { UniqueVariableNamesRule.Rule };

    public static TheoryData<string, string[]> Cases => new()
    {
        { "query A($x: Int, $y: String) { __typename } query B($x: String, $y: Int) { __typename }", new string[] { } },
        { "query A($x: Int, $x: Int, $x: String) { __typename } query B($x: String, $x: Int) { __typename }", new string[] { "There can be only one variable named \"$x\". (1:10, 1:19, 1:28)", "There can be only one variable named \"$x\". (1:63, 1:75)" } },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_what_graphql_js_reports(string query, string[] expected) =>
        ValidationHarness.ExpectErrors(query, Rule, expected);
}
