using Memento.GraphQL.Validation;
using Memento.GraphQL.Validation.Rules;

namespace Memento.Tests.GraphQL.Validation;

/// <summary>KnownDirectivesRule: cases after graphql-js's tests; expected errors are graphql-js 16's, word for word.</summary>
public class KnownDirectivesRuleTests
{
    private static readonly IReadOnlyList<ValidationRule> Rule = new[] { KnownDirectivesRule.Rule };

    public static TheoryData<string, string[]> Cases => new()
    {
        { "query Foo($var: Boolean) @onQuery { name @include(if: $var) ...Frag @include(if: true) skippedField @skip(if: true) ...SkippedFrag @skip(if: true) ... @skip(if: true) { skippedField } } mutation Bar @onMutation { someField }", new string[] { } },
        { "{ dog @unknown(directive: \"value\") { name } }", new string[] { "Unknown directive \"@unknown\". (1:7)" } },
        { "{ dog @onQuery { name @onQuery } }", new string[] { "Directive \"@onQuery\" may not be used on FIELD. (1:7)", "Directive \"@onQuery\" may not be used on FIELD. (1:23)" } },
        { "query Foo($var: Boolean @onField) @onMutation { __typename @onQuery }", new string[] { "Directive \"@onField\" may not be used on VARIABLE_DEFINITION. (1:25)", "Directive \"@onMutation\" may not be used on QUERY. (1:35)", "Directive \"@onQuery\" may not be used on FIELD. (1:60)" } },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_what_graphql_js_reports(string query, string[] expected) =>
        ValidationHarness.ExpectErrors(query, Rule, expected);
}
