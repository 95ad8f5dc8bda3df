using Memento.GraphQL.Validation;
using Memento.GraphQL.Validation.Rules;

namespace Memento.Tests.GraphQL.Validation;

/// <summary>OverlappingFieldsCanBeMergedRule: cases after graphql-js's tests; expected errors are graphql-js 16's, word for word.</summary>
public class OverlappingFieldsCanBeMergedRuleTests
{
    private static readonly IReadOnlyList<ValidationRule> Rule = new[] { OverlappingFieldsCanBeMergedRule.Rule };

    public static TheoryData<string, string[]> Cases => new()
    {
        { "fragment uniqueFields on Dog { name nickname }", new string[] { } },
        { "fragment mergeIdenticalFields on Dog { name name }", new string[] { } },
        { "fragment sameAliasesWithDifferentFieldTargets on Dog { fido: name fido: nickname }", new string[] { "Fields \"fido\" conflict because \"name\" and \"nickname\" are different fields. Use different aliases on the fields to fetch both if this was intentional. (1:56, 1:67)" } },
        { "fragment aliasMaskingDirectFieldAccess on Dog { name: nickname name }", new string[] { "Fields \"name\" conflict because \"nickname\" and \"name\" are different fields. Use different aliases on the fields to fetch both if this was intentional. (1:49, 1:64)" } },
        { "fragment conflictingArgs on Dog { doesKnowCommand(dogCommand: SIT) doesKnowCommand(dogCommand: HEEL) }", new string[] { "Fields \"doesKnowCommand\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional. (1:35, 1:68)" } },
        { "fragment conflictingArgs on Dog { doesKnowCommand doesKnowCommand(dogCommand: HEEL) }", new string[] { "Fields \"doesKnowCommand\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional. (1:35, 1:51)" } },
        // argument order does not matter
        { "fragment sameArgs on Dog { isAtLocation(x: 0, y: 1) isAtLocation(y: 1, x: 0) }", new string[] { } },
        { "{ ...A ...B } fragment A on QueryRoot { x: dog { name } } fragment B on QueryRoot { x: cat { name } }", new string[] { "Fields \"x\" conflict because \"dog\" and \"cat\" are different fields. Use different aliases on the fields to fetch both if this was intentional. (1:41, 1:85)" } },
        // conflicts in sub-selections are reported on the parents
        { "{ dog { x: name } dog { x: barks } }", new string[] { "Fields \"dog\" conflict because subfields \"x\" conflict because \"name\" and \"barks\" are different fields. Use different aliases on the fields to fetch both if this was intentional. (1:3, 1:9, 1:19, 1:25)" } },
        // different object types never conflict by name
        { "{ catOrDog { ... on Cat { meowsVolume } ... on Dog { meowsVolume: barkVolume } } }", new string[] { } },
        // but their types must still agree
        { "{ catOrDog { ... on Cat { x: meows } ... on Dog { x: barkVolume } } }", new string[] { "Fields \"x\" conflict because they return conflicting types \"Boolean\" and \"Int\". Use different aliases on the fields to fetch both if this was intentional. (1:27, 1:51)" } },
        { "{ dog { name } ...F } fragment F on QueryRoot { dog { name: nickname } }", new string[] { "Fields \"dog\" conflict because subfields \"name\" conflict because \"name\" and \"nickname\" are different fields. Use different aliases on the fields to fetch both if this was intentional. (1:3, 1:9, 1:49, 1:55)" } },
        { "{ f1 { ...A ...B } } fragment A on Dog { x: name } fragment B on Dog { x: barks }", new string[] { "Fields \"x\" conflict because \"name\" and \"barks\" are different fields. Use different aliases on the fields to fetch both if this was intentional. (1:42, 1:72)" } },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_what_graphql_js_reports(string query, string[] expected) =>
        ValidationHarness.ExpectErrors(query, Rule, expected);
}
