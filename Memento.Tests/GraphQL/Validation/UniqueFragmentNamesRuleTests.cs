using Memento.GraphQL.Validation;
using Memento.GraphQL.Validation.Rules;

namespace Memento.Tests.GraphQL.Validation;

/// <summary>UniqueFragmentNamesRule: cases after graphql-js's tests; expected errors are graphql-js 16's, word for word.</summary>
public class UniqueFragmentNamesRuleTests
{
    private static readonly IReadOnlyList<ValidationRule> Rule = new[] { UniqueFragmentNamesRule.Rule };

    public static TheoryData<string, string[]> Cases => new()
    {
        { "{ dog { ...fragA } } fragment fragA on Dog { name }", new string[] { } },
        { "{ dog { ...fragA } } fragment fragA on Dog { name } fragment fragA on Dog { barks }", new string[] { "There can be only one fragment named \"fragA\". (1:31, 1:62)" } },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_what_graphql_js_reports(string query, string[] expected) =>
        ValidationHarness.ExpectErrors(query, Rule, expected);
}
