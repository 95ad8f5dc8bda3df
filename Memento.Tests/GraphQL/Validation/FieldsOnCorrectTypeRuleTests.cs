using Memento.GraphQL.Validation;
using Memento.GraphQL.Validation.Rules;

namespace Memento.Tests.GraphQL.Validation;

/// <summary>FieldsOnCorrectTypeRule: cases after graphql-js's tests; expected errors are graphql-js 16's, word for word.</summary>
public class FieldsOnCorrectTypeRuleTests
{
    private static readonly IReadOnlyList<ValidationRule> Rule = new[] { FieldsOnCorrectTypeRule.Rule };

    public static TheoryData<string, string[]> Cases => new()
    {
        { "fragment objectFieldSelection on Dog { __typename name }", new string[] { } },
        // similar names are suggested
        { "fragment fieldNotDefined on Dog { meowVolume }", new string[] { "Cannot query field \"meowVolume\" on type \"Dog\". Did you mean \"barkVolume\"? (1:35)" } },
        // only the outer unknown field is reported
        { "fragment deepFieldNotDefined on Dog { unknown_field { deeper_unknown_field } }", new string[] { "Cannot query field \"unknown_field\" on type \"Dog\". (1:39)" } },
        { "fragment notDefinedOnInterface on Pet { tailLength }", new string[] { "Cannot query field \"tailLength\" on type \"Pet\". (1:41)" } },
        // implementing types are suggested before field names
        { "fragment definedOnImplementorsButNotInterface on Pet { nickname }", new string[] { "Cannot query field \"nickname\" on type \"Pet\". Did you mean to use an inline fragment on \"Cat\" or \"Dog\"? (1:56)" } },
        { "fragment directFieldSelectionOnUnion on CatOrDog { directField }", new string[] { "Cannot query field \"directField\" on type \"CatOrDog\". (1:52)" } },
        // interfaces shared by more members come first
        { "fragment definedOnImplementorsQueriedOnUnion on CatOrDog { name }", new string[] { "Cannot query field \"name\" on type \"CatOrDog\". Did you mean to use an inline fragment on \"Pet\", \"Canine\", \"Cat\", or \"Dog\"? (1:60)" } },
        { "fragment typeNameOnUnion on CatOrDog { __typename }", new string[] { } },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_what_graphql_js_reports(string query, string[] expected) =>
        ValidationHarness.ExpectErrors(query, Rule, expected);
}
