using Memento.GraphQL.Validation;
using Memento.GraphQL.Validation.Rules;

namespace Memento.Tests.GraphQL.Validation;

/// <summary>UniqueArgumentNamesRule: cases after graphql-js's tests; expected errors are graphql-js 16's, word for word.</summary>
public class UniqueArgumentNamesRuleTests
{
    private static readonly IReadOnlyList<ValidationRule> Rule = new[] { UniqueArgumentNamesRule.Rule };

    public static TheoryData<string, string[]> Cases => new()
    {
        { "{ field(arg1: \"value\", arg2: \"value\") }", new string[] { } },
        // one error with every occurrence
        { "{ field(arg1: \"value\", arg1: \"value\", arg1: \"value\") }", new string[] { "There can be only one argument named \"arg1\". (1:9, 1:24, 1:39)" } },
        { "{ field @directive(arg1: \"value\", arg1: \"value\") }", new string[] { "There can be only one argument named \"arg1\". (1:20, 1:35)" } },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_what_graphql_js_reports(string query, string[] expected) =>
        ValidationHarness.ExpectErrors(query, Rule, expected);
}
