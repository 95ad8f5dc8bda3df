using Memento.GraphQL.Validation;
using Memento.GraphQL.Validation.Rules;

namespace Memento.Tests.GraphQL.Validation;

/// <summary>KnownFragmentNamesRule: cases after graphql-js's tests; expected errors are graphql-js 16's, word for word.</summary>
public class KnownFragmentNamesRuleTests
{
    private static readonly IReadOnlyList<ValidationRule> Rule = new[] { KnownFragmentNamesRule.Rule };

    public static TheoryData<string, string[]> Cases => new()
    {
        { "{ human(id: 4) { ...HumanFields1 ... on Human { ...HumanFields2 } ... { name } } } fragment HumanFields1 on Human { name ...HumanFields3 } fragment HumanFields2 on Human { name } fragment HumanFields3 on Human { name }", new string[] { } },
        { "{ human(id: 4) { ...UnknownFragment1 ... on Human { ...UnknownFragment2 } } } fragment HumanFields on Human { name ...UnknownFragment3 }", new string[] { "Unknown fragment \"UnknownFragment1\". (1:21)", "Unknown fragment \"UnknownFragment2\". (1:56)", "Unknown fragment \"UnknownFragment3\". (1:119)" } },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_what_graphql_js_reports(string query, string[] expected) =>
        ValidationHarness.ExpectErrors(query, Rule, expected);
}
