using Memento.GraphQL.Validation;
using Memento.GraphQL.Validation.Rules;

namespace Memento.Tests.GraphQL.Validation;

/// <summary>VariablesInAllowedPositionRule: cases after graphql-js's tests; expected errors are graphql-js 16's, word for word.</summary>
public class VariablesInAllowedPositionRuleTests
{
    private static readonly IReadOnlyList<ValidationRule> Rule = new[] { VariablesInAllowedPositionRule.Rule };

    public static TheoryData<string, string[]> Cases => new()
    {
        { "query Query($booleanArg: Boolean) { complicatedArgs { booleanArgField(booleanArg: $booleanArg) } }", new string[] { } },
        { "query Query($intArg: Int) { complicatedArgs { nonNullIntArgField(nonNullIntArg: $intArg) } }", new string[] { "Variable \"$intArg\" of type \"Int\" used in position expecting type \"Int!\". (1:13, 1:81)" } },
        // a nullable variable with a default may fill a non-null slot
        { "query Query($intArg: Int = 1) { complicatedArgs { nonNullIntArgField(nonNullIntArg: $intArg) } }", new string[] { } },
        // so may any variable where the argument has a default
        { "query Query($intVar: Int) { complicatedArgs { nonNullFieldWithDefault(arg: $intVar) } }", new string[] { } },
        { "query Query($stringVar: String) { complicatedArgs { stringListArgField(stringListArg: $stringVar) } }", new string[] { "Variable \"$stringVar\" of type \"String\" used in position expecting type \"[String]\". (1:13, 1:87)" } },
        { "query Query($boolVar: Boolean!) { dog @include(if: $boolVar) { name } }", new string[] { } },
        { "query Query($boolVar: Boolean) { dog @include(if: $boolVar) { name } }", new string[] { "Variable \"$boolVar\" of type \"Boolean\" used in position expecting type \"Boolean!\". (1:13, 1:51)" } },
        // usages in fragments are located in the fragment
        { "query Query($stringVar: String) { ...F } fragment F on QueryRoot { complicatedArgs { intArgField(intArg: $stringVar) } }", new string[] { "Variable \"$stringVar\" of type \"String\" used in position expecting type \"Int\". (1:13, 1:106)" } },
        { "query Query($s: String) { complicatedArgs { oneOfArgField(oneOfArg: { stringField: $s }) } }", new string[] { "Variable \"$s\" is of type \"String\" but must be non-nullable to be used for OneOf Input Object \"OneOfInput\". (1:13, 1:84)" } },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_what_graphql_js_reports(string query, string[] expected) =>
        ValidationHarness.ExpectErrors(query, Rule, expected);
}
