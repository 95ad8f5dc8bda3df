using Memento.GraphQL.Validation;
using Memento.GraphQL.Validation.Rules;

namespace Memento.Tests.GraphQL.Validation;

/// <summary>LoneAnonymousOperationRule: cases after graphql-js's tests; expected errors are graphql-js 16's, word for word.</summary>
public class LoneAnonymousOperationRuleTests
{
    private static readonly IReadOnlyList<ValidationRule> Rule = new[] { LoneAnonymousOperationRule.Rule };

    public static TheoryData<string, string[]> Cases => new()
    {
        { "{ dog { name } }", new string[] { } },
        { "{ dog { name } } { cat { name } }", new string[] { "This anonymous operation must be the only defined operation. (1:1)", "This anonymous operation must be the only defined operation. (1:18)" } },
        { "{ dog { name } } mutation Foo { dog { name } }", new string[] { "This anonymous operation must be the only defined operation. (1:1)" } },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_what_graphql_js_reports(string query, string[] expected) =>
        ValidationHarness.ExpectErrors(query, Rule, expected);
}
