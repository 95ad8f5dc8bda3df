using Memento.GraphQL.Validation;
using Memento.GraphQL.Validation.Rules;

namespace Memento.Tests.GraphQL.Validation;

/// <summary>NoUnusedFragmentsRule: cases after graphql-js's tests; expected errors are graphql-js 16's, word for word.</summary>
public class NoUnusedFragmentsRuleTests
{
    private static readonly IReadOnlyList<ValidationRule> Rule = new[] { NoUnusedFragmentsRule.Rule };

    public static TheoryData<string, string[]> Cases => new()
    {
        { "{ human(id: 4) { ...HumanFields1 } } fragment HumanFields1 on Human { name ...HumanFields2 } fragment HumanFields2 on Human { name }", new string[] { } },
        { "query Foo { human(id: 4) { ...HumanFields1 } } fragment HumanFields1 on Human { name } fragment Unused1 on Human { name } fragment Unused2 on Human { name }", new string[] { "Fragment \"Unused1\" is never used. (1:88)", "Fragment \"Unused2\" is never used. (1:123)" } },
        // fragments used only by unused fragments are unused
        { "query Foo { human(id: 4) { ...bruh } } fragment Unused1 on Human { ...Unused2 } fragment Unused2 on Human { ...Unused1 }", new string[] { "Fragment \"Unused1\" is never used. (1:40)", "Fragment \"Unused2\" is never used. (1:81)" } },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_what_graphql_js_reports(string query, string[] expected) =>
        ValidationHarness.ExpectErrors(query, Rule, expected);
}
