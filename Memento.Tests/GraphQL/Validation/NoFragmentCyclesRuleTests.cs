using Memento.GraphQL.Validation;
using Memento.GraphQL.Validation.Rules;

namespace Memento.Tests.GraphQL.Validation;

/// <summary>NoFragmentCyclesRule: cases after graphql-js's tests; expected errors are graphql-js 16's, word for word.</summary>
public class NoFragmentCyclesRuleTests
{
    private static readonly IReadOnlyList<ValidationRule> Rule = new[] { NoFragmentCyclesRule.Rule };

    public static TheoryData<string, string[]> Cases => new()
    {
        { "fragment fragA on Dog { ...fragB } fragment fragB on Dog { name }", new string[] { } },
        // a spread inside a sub-selection is still a cycle
        { "fragment fragA on Human { relatives { ...fragA } }", new string[] { "Cannot spread fragment \"fragA\" within itself. (1:39)" } },
        // reported once, with the path
        { "fragment fragA on Dog { ...fragB } fragment fragB on Dog { ...fragC } fragment fragC on Dog { ...fragA }", new string[] { "Cannot spread fragment \"fragA\" within itself via \"fragB\", \"fragC\". (1:25, 1:60, 1:95)" } },
        { "fragment fragA on Dog { ...fragB ...fragC } fragment fragB on Dog { ...fragA } fragment fragC on Dog { ...fragA }", new string[] { "Cannot spread fragment \"fragA\" within itself via \"fragB\". (1:25, 1:69)", "Cannot spread fragment \"fragA\" within itself via \"fragC\". (1:34, 1:104)" } },
        { "fragment fragA on Dog { ...fragA }", new string[] { "Cannot spread fragment \"fragA\" within itself. (1:25)" } },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_what_graphql_js_reports(string query, string[] expected) =>
        ValidationHarness.ExpectErrors(query, Rule, expected);
}
