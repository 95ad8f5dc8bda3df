using Memento.GraphQL.Validation;
using Memento.GraphQL.Validation.Rules;

namespace Memento.Tests.GraphQL.Validation;

/// <summary>NoUndefinedVariablesRule: cases after graphql-js's tests; expected errors are graphql-js 16's, word for word.</summary>
public class NoUndefinedVariablesRuleTests
{
    private static readonly IReadOnlyList<ValidationRule> Rule = new[] { NoUndefinedVariablesRule.Rule };

    public static TheoryData<string, string[]> Cases => new()
    {
        { "query Foo($a: String) { field(a: $a) }", new string[] { } },
        { "query Foo($a: String) { field(a: $a, b: $b) }", new string[] { "Variable \"$b\" is not defined by operation \"Foo\". (1:41, 1:1)" } },
        // anonymous operations have the shorter message
        { "{ field(a: $a) }", new string[] { "Variable \"$a\" is not defined. (1:12, 1:1)" } },
        // each operation reports the fragment's variable
        { "query Foo { ...FragA } query Bar { ...FragA } fragment FragA on Type { field(a: $a) }", new string[] { "Variable \"$a\" is not defined by operation \"Foo\". (1:81, 1:1)", "Variable \"$a\" is not defined by operation \"Bar\". (1:81, 1:24)" } },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_what_graphql_js_reports(string query, string[] expected) =>
        ValidationHarness.ExpectErrors(query, Rule, expected);
}
