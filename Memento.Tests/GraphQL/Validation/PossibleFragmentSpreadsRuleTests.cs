using Memento.GraphQL.Validation;
using Memento.GraphQL.Validation.Rules;

namespace Memento.Tests.GraphQL.Validation;

/// <summary>PossibleFragmentSpreadsRule: cases after graphql-js's tests; expected errors are graphql-js 16's, word for word.</summary>
public class PossibleFragmentSpreadsRuleTests
{
    private static readonly IReadOnlyList<ValidationRule> Rule = new[] { PossibleFragmentSpreadsRule.Rule };

    public static TheoryData<string, string[]> Cases => new()
    {
        { "fragment objectWithinObject on Dog { ...dogFragment } fragment dogFragment on Dog { barkVolume }", new string[] { } },
        { "fragment invalidObjectWithinObject on Cat { ...dogFragment } fragment dogFragment on Dog { barkVolume }", new string[] { "Fragment \"dogFragment\" cannot be spread here as objects of type \"Cat\" can never be of type \"Dog\". (1:45)" } },
        { "fragment invalidObjectWithinObjectAnon on Cat { ... on Dog { barkVolume } }", new string[] { "Fragment cannot be spread here as objects of type \"Cat\" can never be of type \"Dog\". (1:49)" } },
        { "fragment invalidUnionWithinObject on Human { ...catOrDogFragment } fragment catOrDogFragment on CatOrDog { __typename }", new string[] { "Fragment \"catOrDogFragment\" cannot be spread here as objects of type \"Human\" can never be of type \"CatOrDog\". (1:46)" } },
        { "fragment interfaceWithinUnion on CatOrDog { ...petFragment } fragment petFragment on Pet { name }", new string[] { } },
        { "fragment invalidInterfaceWithinInterface on Pet { ...intelligentFragment } fragment intelligentFragment on Human { name }", new string[] { "Fragment \"intelligentFragment\" cannot be spread here as objects of type \"Pet\" can never be of type \"Human\". (1:51)" } },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_what_graphql_js_reports(string query, string[] expected) =>
        ValidationHarness.ExpectErrors(query, Rule, expected);
}
