using Memento.GraphQL.Validation;
using Memento.GraphQL.Validation.Rules;

namespace Memento.Tests.GraphQL.Validation;

/// <summary>UniqueInputFieldNamesRule: cases after graphql-js's tests; expected errors are graphql-js 16's, word for word.</summary>
public class UniqueInputFieldNamesRuleTests
{
    private static readonly IReadOnlyList<ValidationRule> Rule = new[] { UniqueInputFieldNamesRule.Rule };

    public static TheoryData<string, string[]> Cases => new()
    {
        { "{ field(arg: { f1: \"value\", f2: \"value\" }) }", new string[] { } },
        { "{ field(arg: { f1: \"value\", f1: \"value\" }) }", new string[] { "There can be only one input field named \"f1\". (1:16, 1:29)" } },
        // nested duplicates are reported first
        { "{ field(arg: { f1: {f2: \"value\", f2: \"value\" }, f1: \"value\" }) }", new string[] { "There can be only one input field named \"f2\". (1:21, 1:34)", "There can be only one input field named \"f1\". (1:16, 1:49)" } },
        { "{ field(arg: { f1: \"value\", f1: \"value\", f1: \"value\" }) }", new string[] { "There can be only one input field named \"f1\". (1:16, 1:29)", "There can be only one input field named \"f1\". (1:16, 1:42)" } },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_what_graphql_js_reports(string query, string[] expected) =>
        ValidationHarness.ExpectErrors(query, Rule, expected);
}
