using Memento.GraphQL.Validation;
using Memento.GraphQL.Validation.Rules;

namespace Memento.Tests.GraphQL.Validation;

/// <summary>KnownArgumentNamesRule: cases after graphql-js's tests; expected errors are graphql-js 16's, word for word.</summary>
public class KnownArgumentNamesRuleTests
{
    private static readonly IReadOnlyList<ValidationRule> Rule = new[] { KnownArgumentNamesRule.Rule };

    public static TheoryData<string, string[]> Cases => new()
    {
        { "fragment argOnRequiredArg on Dog { doesKnowCommand(dogCommand: SIT) }", new string[] { } },
        { "{ dog @skip(unless: true) }", new string[] { "Unknown argument \"unless\" on directive \"@skip\". (1:13)" } },
        // no suggestion when the directive has no arguments
        { "{ dog @onField(if: true) }", new string[] { "Unknown argument \"if\" on directive \"@onField\". (1:16)" } },
        { "fragment invalidArgName on Dog { doesKnowCommand(dogCommand: SIT, unknown: true) }", new string[] { "Unknown argument \"unknown\" on field \"Dog.doesKnowCommand\". (1:67)" } },
        // case changes count as one edit
        { "fragment invalidArgName on Dog { doesKnowCommand(DogCommand: true) }", new string[] { "Unknown argument \"DogCommand\" on field \"Dog.doesKnowCommand\". Did you mean \"dogCommand\"? (1:50)" } },
        { "fragment oneGoodArgOneInvalidArg on Dog { doesKnowCommand(whoKnows: 1, dogCommand: SIT, unknown: true) }", new string[] { "Unknown argument \"whoKnows\" on field \"Dog.doesKnowCommand\". (1:59)", "Unknown argument \"unknown\" on field \"Dog.doesKnowCommand\". (1:89)" } },
        // directive arguments are never checked against the field
        { "{ dog { doesKnowCommand @skip(iff: true) } }", new string[] { "Unknown argument \"iff\" on directive \"@skip\". Did you mean \"if\"? (1:31)" } },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_what_graphql_js_reports(string query, string[] expected) =>
        ValidationHarness.ExpectErrors(query, Rule, expected);
}
