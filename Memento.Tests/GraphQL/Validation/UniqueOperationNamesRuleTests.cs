using Memento.GraphQL.Validation;
using Memento.GraphQL.Validation.Rules;

namespace Memento.Tests.GraphQL.Validation;

/// <summary>UniqueOperationNamesRule: cases after graphql-js's tests; expected errors are graphql-js 16's, word for word.</summary>
public class UniqueOperationNamesRuleTests
{
    private static readonly IReadOnlyList<ValidationRule> Rule = new[] { UniqueOperationNamesRule.Rule };

    public static TheoryData<string, string[]> Cases => new()
    {
        { "query Foo { dog { name } } query Bar { dog { name } }", new string[] { } },
        { "query Foo { dog { name } } query Foo { dog { name } }", new string[] { "There can be only one operation named \"Foo\". (1:7, 1:34)" } },
        // names are unique across operation types
        { "query Foo { dog { name } } mutation Foo { dog { name } }", new string[] { "There can be only one operation named \"Foo\". (1:7, 1:37)" } },
        // a fragment may share an operation's name
        { "query Foo { dog { name } } fragment Foo on Dog { name }", new string[] { } },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_what_graphql_js_reports(string query, string[] expected) =>
        ValidationHarness.ExpectErrors(query, Rule, expected);
}
