using Memento.GraphQL.Validation;
using Memento.GraphQL.Validation.Rules;

namespace Memento.Tests.GraphQL.Validation;

/// <summary>ValuesOfCorrectTypeRule: cases after graphql-js's tests; expected errors are graphql-js 16's, word for word.</summary>
public class ValuesOfCorrectTypeRuleTests
{
    private static readonly IReadOnlyList<ValidationRule> Rule = new[] { ValuesOfCorrectTypeRule.Rule };

    public static TheoryData<string, string[]> Cases => new()
    {
        { "{ complicatedArgs { intArgField(intArg: 2) } }", new string[] { } },
        { "{ complicatedArgs { stringArgField(stringArg: 1) } }", new string[] { "String cannot represent a non string value: 1 (1:47)" } },
        { "{ complicatedArgs { intArgField(intArg: \"3\") } }", new string[] { "Int cannot represent non-integer value: \"3\" (1:41)" } },
        // out of 32-bit range
        { "{ complicatedArgs { intArgField(intArg: 829384293849283498239482938) } }", new string[] { "Int cannot represent non 32-bit signed integer value: 829384293849283498239482938 (1:41)" } },
        { "{ complicatedArgs { floatArgField(floatArg: true) } }", new string[] { "Float cannot represent non numeric value: true (1:45)" } },
        { "{ complicatedArgs { idArgField(idArg: 1.0) } }", new string[] { "ID cannot represent a non-string and non-integer value: 1.0 (1:39)" } },
        { "{ complicatedArgs { booleanArgField(booleanArg: \"true\") } }", new string[] { "Boolean cannot represent a non boolean value: \"true\" (1:49)" } },
        // enum values are not strings
        { "{ dog { doesKnowCommand(dogCommand: \"SIT\") } }", new string[] { "Enum \"DogCommand\" cannot represent non-enum value: \"SIT\". Did you mean the enum value \"SIT\"? (1:37)" } },
        // a case-only difference is suggested
        { "{ dog { doesKnowCommand(dogCommand: sit) } }", new string[] { "Value \"sit\" does not exist in \"DogCommand\" enum. Did you mean the enum value \"SIT\"? (1:37)" } },
        { "{ complicatedArgs { enumArgField(enumArg: BRWN) } }", new string[] { "Value \"BRWN\" does not exist in \"FurColor\" enum. Did you mean the enum value \"BROWN\"? (1:43)" } },
        // each bad item is located
        { "{ complicatedArgs { stringListArgField(stringListArg: [\"one\", 2]) } }", new string[] { "String cannot represent a non string value: 2 (1:63)" } },
        // a single value is coerced to a list
        { "{ complicatedArgs { stringListArgField(stringListArg: \"one\") } }", new string[] { } },
        { "{ complicatedArgs { nonNullIntArgField(nonNullIntArg: null) } }", new string[] { "Expected value of type \"Int!\", found null. (1:55)" } },
        // a required input field is missing
        { "{ complicatedArgs { complexArgField(complexArg: { intField: 4 }) } }", new string[] { "Field \"ComplexInput.requiredField\" of required type \"Boolean!\" was not provided. (1:49)" } },
        { "{ complicatedArgs { complexArgField(complexArg: { requiredField: true, invalidField: \"value\" }) } }", new string[] { "Field \"invalidField\" is not defined by type \"ComplexInput\". Did you mean \"intField\"? (1:72)" } },
        // unknown input fields get suggestions
        { "{ complicatedArgs { complexArgField(complexArg: { requiredField: true, strinField: \"value\" }) } }", new string[] { "Field \"strinField\" is not defined by type \"ComplexInput\". Did you mean \"stringField\", \"intField\", or \"stringListField\"? (1:72)" } },
        { "{ complicatedArgs { complexArgField(complexArg: \"x\") } }", new string[] { "Expected value of type \"ComplexInput\", found \"x\". (1:49)" } },
        { "{ complicatedArgs { oneOfArgField(oneOfArg: { stringField: \"abc\" }) } }", new string[] { } },
        { "{ complicatedArgs { oneOfArgField(oneOfArg: { stringField: \"abc\", intField: 123 }) } }", new string[] { "OneOf Input Object \"OneOfInput\" must specify exactly one key. (1:45)" } },
        { "{ complicatedArgs { oneOfArgField(oneOfArg: { stringField: null }) } }", new string[] { "Field \"OneOfInput.stringField\" must be non-null. (1:45)" } },
        // variable defaults are checked too
        { "query ($x: Int = \"str\", $y: [String] = [1]) { __typename }", new string[] { "Int cannot represent non-integer value: \"str\" (1:18)", "String cannot represent a non string value: 1 (1:41)" } },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_what_graphql_js_reports(string query, string[] expected) =>
        ValidationHarness.ExpectErrors(query, Rule, expected);
}
