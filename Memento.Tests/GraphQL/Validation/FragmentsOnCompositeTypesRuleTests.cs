using Memento.GraphQL.Validation;
using Memento.GraphQL.Validation.Rules;

namespace Memento.Tests.GraphQL.Validation;

/// <summary>FragmentsOnCompositeTypesRule: cases after graphql-js's tests; expected errors are graphql-js 16's, word for word.</summary>
public class FragmentsOnCompositeTypesRuleTests
{
    private static readonly IReadOnlyList<ValidationRule> Rule = new[] { FragmentsOnCompositeTypesRule.Rule };

    public static TheoryData<string, string[]> Cases => new()
    {
        { "fragment validFragment on Dog { barks }", new string[] { } },
        { "fragment scalarFragment on Boolean { bad }", new string[] { "Fragment \"scalarFragment\" cannot condition on non composite type \"Boolean\". (1:28)" } },
        { "fragment scalarFragment on FurColor { bad }", new string[] { "Fragment \"scalarFragment\" cannot condition on non composite type \"FurColor\". (1:28)" } },
        { "fragment inputFragment on ComplexInput { stringField }", new string[] { "Fragment \"inputFragment\" cannot condition on non composite type \"ComplexInput\". (1:27)" } },
        { "fragment invalidFragment on Pet { ... on String { barks } }", new string[] { "Fragment cannot condition on non composite type \"String\". (1:42)" } },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_what_graphql_js_reports(string query, string[] expected) =>
        ValidationHarness.ExpectErrors(query, Rule, expected);
}
