using Memento.GraphQL.Validation;
using Memento.GraphQL.Validation.Rules;

namespace Memento.Tests.GraphQL.Validation;

/// <summary>SingleFieldSubscriptionsRule: cases after graphql-js's tests; expected errors are graphql-js 16's, word for word.</summary>
public class SingleFieldSubscriptionsRuleTests
{
    private static readonly IReadOnlyList<ValidationRule> Rule = new[] { SingleFieldSubscriptionsRule.Rule };

    public static TheoryData<string, string[]> Cases => new()
    {
        { "subscription ImportantEmails { importantEmails }", new string[] { } },
        { "subscription ImportantEmails { importantEmails notImportantEmails }", new string[] { "Subscription \"ImportantEmails\" must select only one top level field. (1:48)" } },
        // every extra field is located
        { "subscription { importantEmails notImportantEmails spamEmails }", new string[] { "Anonymous Subscription must select only one top level field. (1:32, 1:51)" } },
        // fields inside fragments count
        { "subscription ImportantEmails { importantEmails ...Frag } fragment Frag on SubscriptionRoot { moreImportantEmails }", new string[] { "Subscription \"ImportantEmails\" must select only one top level field. (1:94)" } },
        { "subscription { __typename }", new string[] { "Anonymous Subscription must not select an introspection top level field. (1:16)" } },
        // a literal @skip removes the field before counting
        { "subscription ImportantEmails { importantEmails @skip(if: true) notImportantEmails }", new string[] { } },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_what_graphql_js_reports(string query, string[] expected) =>
        ValidationHarness.ExpectErrors(query, Rule, expected);
}
