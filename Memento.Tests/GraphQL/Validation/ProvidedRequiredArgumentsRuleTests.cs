using Memento.GraphQL.Validation;
using Memento.GraphQL.Validation.Rules;

namespace Memento.Tests.GraphQL.Validation;

/// <summary>ProvidedRequiredArgumentsRule: cases after graphql-js's tests; expected errors are graphql-js 16's, word for word.</summary>
public class ProvidedRequiredArgumentsRuleTests
{
    private static readonly IReadOnlyList<ValidationRule> Rule = new[] { ProvidedRequiredArgumentsRule.Rule };

    public static TheoryData<string, string[]> Cases => new()
    {
        { "{ complicatedArgs { multipleReqs(req1: 1, req2: 2) } }", new string[] { } },
        { "{ complicatedArgs { multipleReqs(req2: 2) } }", new string[] { "Field \"multipleReqs\" argument \"req1\" of type \"Int!\" is required, but it was not provided. (1:21)" } },
        { "{ complicatedArgs { multipleReqs } }", new string[] { "Field \"multipleReqs\" argument \"req1\" of type \"Int!\" is required, but it was not provided. (1:21)", "Field \"multipleReqs\" argument \"req2\" of type \"Int!\" is required, but it was not provided. (1:21)" } },
        // non-null with a default is optional
        { "{ complicatedArgs { nonNullFieldWithDefault multipleOpts } }", new string[] { } },
        { "{ dog @include { name @skip } }", new string[] { "Directive \"@include\" argument \"if\" of type \"Boolean!\" is required, but it was not provided. (1:7)", "Directive \"@skip\" argument \"if\" of type \"Boolean!\" is required, but it was not provided. (1:23)" } },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_what_graphql_js_reports(string query, string[] expected) =>
        ValidationHarness.ExpectErrors(query, Rule, expected);
}
