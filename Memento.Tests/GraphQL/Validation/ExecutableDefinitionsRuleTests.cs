using Memento.GraphQL.Validation;
using Memento.GraphQL.Validation.Rules;

namespace Memento.Tests.GraphQL.Validation;

/// <summary>ExecutableDefinitionsRule: cases after graphql-js's tests; expected errors are graphql-js 16's, word for word.</summary>
public class ExecutableDefinitionsRuleTests
{
    private static readonly IReadOnlyList<ValidationRule> Rule = new[] { ExecutableDefinitionsRule.Rule };

    public static TheoryData<string, string[]> Cases => new()
    {
        // only operations
        { "query Foo { dog { name } }", new string[] { } },
        // type definitions and extensions are not executable
        { "query Foo { dog { name } } type Cow { name: String } extend type Dog { color: String }", new string[] { "The \"Cow\" definition is not executable. (1:28)", "The \"Dog\" definition is not executable. (1:54)" } },
        // schema definitions are reported as 'schema'
        { "schema { query: Query } type Query { test: String } extend schema @directive", new string[] { "The schema definition is not executable. (1:1)", "The \"Query\" definition is not executable. (1:25)", "The schema definition is not executable. (1:53)" } },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_what_graphql_js_reports(string query, string[] expected) =>
        ValidationHarness.ExpectErrors(query, Rule, expected);
}
