using Memento.GraphQL.Validation;
using Memento.GraphQL.Validation.Rules;

namespace Memento.Tests.GraphQL.Validation;

/// <summary>UniqueDirectivesPerLocationRule: cases after graphql-js's tests; expected errors are graphql-js 16's, word for word.</summary>
public class UniqueDirectivesPerLocationRuleTests
{
    private static readonly IReadOnlyList<ValidationRule> Rule = new[] { UniqueDirectivesPerLocationRule.Rule };

    public static TheoryData<string, string[]> Cases => new()
    {
        // repeatable directives may repeat
        { "fragment Test on Type { field @onField @repeatable @repeatable }", new string[] { } },
        { "fragment Test on Type { field @onField @onField }", new string[] { "The directive \"@onField\" can only be used once at this location. (1:31, 1:40)" } },
        // each repetition is reported against the first
        { "fragment Test on Type { field @onField @onField @onField }", new string[] { "The directive \"@onField\" can only be used once at this location. (1:31, 1:40)", "The directive \"@onField\" can only be used once at this location. (1:31, 1:49)" } },
        { "fragment Test on Type @onFragmentDefinition @onFragmentDefinition { field @onField @onField }", new string[] { "The directive \"@onFragmentDefinition\" can only be used once at this location. (1:23, 1:45)", "The directive \"@onField\" can only be used once at this location. (1:75, 1:84)" } },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_what_graphql_js_reports(string query, string[] expected) =>
        ValidationHarness.ExpectErrors(query, Rule, expected);
}
