using System.Text.Json;
using Memento.Domain.Authorization;

namespace Memento.Tests.Schema.Api.RoleMatrix;

/// <summary>
/// Issue 4's role matrix: every caller (anonymous, a share link, each role code at its scope, an outsider, sysadm)
/// against every Query and Mutation field of the served schema. Each cell runs on its own copy of the world and is
/// its own test case. Allowed: the operation succeeds. Refused: FORBIDDEN (UNAUTHENTICATED for callers who are not
/// signed in), nothing of the world's private objects in the response, and not a single row changed.
/// </summary>
public sealed class RoleMatrixTests
{
    private static readonly Dictionary<string, MatrixEntry> Rows =
        QueryEntries.All.Concat(MutationEntries.All).Concat(SubscriptionEntries.All).ToDictionary(e => e.Name);

    public static TheoryData<string, string> Cells()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in Rows.Keys)
            foreach (var caller in MatrixWorld.Callers) data.Add(row, caller);
        return data;
    }

    [Fact]
    public async Task Every_query_and_mutation_field_of_the_served_schema_has_a_row()
    {
        await using var @case = await MatrixCase.CreateAsync();
        var schema = await @case.RunAsync("anonymous",
            "{ __schema { queryType { fields { name } } mutationType { fields { name } } subscriptionType { fields { name } } } }", null);
        var served = new[] { "queryType", "mutationType", "subscriptionType" }
            .SelectMany(type => schema.GetProperty("data").GetProperty("__schema").GetProperty(type)
                .GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()!))
            .ToHashSet();
        var covered = Rows.Values.Select(r => r.Field).ToHashSet();
        Assert.True(!served.Except(covered).Any(),
            "Fields without a role-matrix row (add them to QueryEntries, MutationEntries or SubscriptionEntries): " + string.Join(", ", served.Except(covered).Order()));
        Assert.True(!covered.Except(served).Any(),
            "Rows for fields the schema no longer serves: " + string.Join(", ", covered.Except(served)));
        // A row's operation must call the field it claims to cover.
        Assert.All(Rows.Values, r => Assert.Matches(@"\{\s*" + r.Field + @"\b", r.Operation));
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Each_caller_gets_exactly_its_rights(string row, string caller)
    {
        var entry = Rows[row];
        await using var @case = await MatrixCase.CreateAsync();
        var before = await @case.FingerprintAsync();
        var response = await @case.RunAsync(caller, entry.Operation, entry.Variables(@case, caller));
        var text = response.GetRawText();
        var after = await @case.FingerprintAsync();

        foreach (var marker in entry.Unseen(caller))
            Assert.False(text.Contains(marker, StringComparison.Ordinal),
                $"{caller} must not see anything marked {marker}, got: {text}");
        if (!entry.IsMutation)
            Assert.True(before.Differences(after) == "", $"A query changed the database: {before.Differences(after)}");

        if (entry.Allowed.Contains(caller))
        {
            Assert.False(response.TryGetProperty("errors", out _), $"{caller} is allowed {row}, got: {text}");
            if (entry.IsMutation)
                Assert.True(entry.WritesAs(caller) == (before.Differences(after) != ""),
                    entry.WritesAs(caller) ? $"{row} by {caller} changed nothing" : $"{row} by {caller} changed {before.Differences(after)}");
            return;
        }
        Assert.DoesNotContain(MatrixWorld.Private, text, StringComparison.Ordinal);
        Assert.True(Field(response, entry.Field) is null or { ValueKind: JsonValueKind.Null },
            $"A refused {row} returned data: {text}");
        if (entry.Hidden.Contains(caller))
            Assert.False(response.TryGetProperty("errors", out _), $"{row} answers null for {caller}, got: {text}");
        else
        {
            Assert.True(response.TryGetProperty("errors", out var errors), $"{caller} must be refused {row}, got: {text}");
            var code = errors[0].GetProperty("extensions").GetProperty("code").GetString();
            string[] expected = entry.NotFound.Contains(caller) ? [ErrorCodes.NotFound] : ExpectedCodes(caller);
            Assert.True(expected.Contains(code),
                $"{caller} refused {row} with {code}, expected {string.Join(" or ", expected)}: {text}");
        }
        Assert.True(before.Differences(after) == "", $"The refused {row} changed {before.Differences(after)}");
    }

    /// <summary>
    /// Signed-in users are told FORBIDDEN; anonymous callers are told to sign in. A share link's holder is not signed
    /// in either: what needs an account (writes, tokens, users) says UNAUTHENTICATED, reads of anything beyond the
    /// link say FORBIDDEN, and both refuse.
    /// </summary>
    private static string[] ExpectedCodes(string caller) => caller switch
    {
        "anonymous" => [ErrorCodes.Unauthenticated],
        "share" or "image link" or "revoked link" => [ErrorCodes.Unauthenticated, ErrorCodes.Forbidden],
        _ => [ErrorCodes.Forbidden],
    };

    private static JsonElement? Field(JsonElement response, string field) =>
        response.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
            && data.TryGetProperty(field, out var value) ? value : null;
}
