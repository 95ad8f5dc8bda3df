using Memento.GraphQL.Validation;
using Memento.GraphQL.Validation.Rules;

namespace Memento.Tests.GraphQL.Validation;

/// <summary>MaxIntrospectionDepthRule: cases after graphql-js's tests; expected errors are graphql-js 16's, word for word.</summary>
public class MaxIntrospectionDepthRuleTests
{
    private static readonly IReadOnlyList<ValidationRule> Rule = new[] { MaxIntrospectionDepthRule.Rule };

    public static TheoryData<string, string[]> Cases => new()
    {
        { "{ __schema { types { fields { type { fields { name } } } } } }", new string[] { } },
        { "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }", new string[] { "Maximum introspection depth exceeded (1:3)" } },
        // depth through fragments
        { "{ __type(name: \"Dog\") { ...F } } fragment F on __Type { fields { type { interfaces { possibleTypes { name } } } } }", new string[] { "Maximum introspection depth exceeded (1:3)" } },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_what_graphql_js_reports(string query, string[] expected) =>
        ValidationHarness.ExpectErrors(query, Rule, expected);
}
