using Memento.GraphQL.Validation;
using Memento.GraphQL.Validation.Rules;

namespace Memento.Tests.GraphQL.Validation;

/// <summary>ScalarLeafsRule: cases after graphql-js's tests; expected errors are graphql-js 16's, word for word.</summary>
public class ScalarLeafsRuleTests
{
    private static readonly IReadOnlyList<ValidationRule> Rule = new[] { ScalarLeafsRule.Rule };

    public static TheoryData<string, string[]> Cases => new()
    {
        { "fragment scalarSelection on Dog { barks }", new string[] { } },
        { "query directQueryOnObjectWithoutSubFields { human }", new string[] { "Field \"human\" of type \"Human\" must have a selection of subfields. Did you mean \"human { ... }\"? (1:45)" } },
        // list types print with brackets
        { "{ human { pets } }", new string[] { "Field \"pets\" of type \"[Pet]\" must have a selection of subfields. Did you mean \"pets { ... }\"? (1:11)" } },
        { "fragment scalarSelectionsNotAllowedOnBoolean on Dog { barks { sinceWhen } }", new string[] { "Field \"barks\" must not have a selection since type \"Boolean\" has no subfields. (1:61)" } },
        { "fragment scalarSelectionsNotAllowedOnEnum on Cat { furColor { inHexDec } }", new string[] { "Field \"furColor\" must not have a selection since type \"FurColor\" has no subfields. (1:61)" } },
        { "fragment scalarSelectionsNotAllowedWithArgs on Dog { doesKnowCommand(dogCommand: SIT) { sinceWhen } }", new string[] { "Field \"doesKnowCommand\" must not have a selection since type \"Boolean\" has no subfields. (1:87)" } },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_what_graphql_js_reports(string query, string[] expected) =>
        ValidationHarness.ExpectErrors(query, Rule, expected);
}
