// Differential test, validation half: for every corpus document graphql-js parses, our validator must reach the
// same verdict (valid or not) and report errors at the same set of locations, against the same SDL.
namespace Memento.Tests.GraphQL.Conformance;

using Memento.GraphQL.Errors;
using Memento.GraphQL.Language;
using Memento.GraphQL.Language.Ast;

public class ValidationConformanceTests
{
    [Fact]
    public void Validator_agrees_with_graphql_js_on_verdicts_and_error_locations()
    {
        var reference = GraphQLJsReference.Instance;
        var validate = ValidationApi.Create(reference.Sdl);
        var mismatches = new List<string>();
        int compared = 0;
        foreach (var document in reference.Corpus)
        {
            var expected = reference.Verdicts[document.Id];
            if (expected.ValidationErrors is not { } theirs) continue; // a syntax error: the parsing half covers it
            compared++;
            var ours = validate(Parser.Parse(document.Text));
            var theirLocations = theirs.SelectMany(e => e.Locations).Select(l => $"{l.Line}:{l.Column}").Order().ToList();
            var ourLocations = ours.SelectMany(e => e.Locations ?? []).Select(l => $"{l.Line}:{l.Column}").Order().ToList();
            if ((theirs.Count == 0) != (ours.Count == 0) || !theirLocations.SequenceEqual(ourLocations))
            {
                mismatches.Add($"{document.Id}:\n  graphql-js: {Describe(theirs.Select(e => $"{e.Message} ({string.Join(", ", e.Locations.Select(l => $"{l.Line}:{l.Column}"))})"))}" +
                               $"\n  ours:       {Describe(ours.Select(e => e.ToString()))}\n  document:   {document.Text}");
            }
        }
        Assert.True(compared >= 250, $"only {compared} documents reached validation");
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {compared} documents disagree:\n" + string.Join("\n", mismatches));
    }

    [Fact]
    public void Validator_messages_match_graphql_js()
    {
        var reference = GraphQLJsReference.Instance;
        var validate = ValidationApi.Create(reference.Sdl);
        var mismatches = new List<string>();
        foreach (var document in reference.Corpus)
        {
            if (reference.Verdicts[document.Id].ValidationErrors is not { } theirs) continue;
            var ours = validate(Parser.Parse(document.Text));
            var theirMessages = theirs.Select(e => e.Message).Order(StringComparer.Ordinal).ToList();
            var ourMessages = ours.Select(e => e.Message).Order(StringComparer.Ordinal).ToList();
            if (!theirMessages.SequenceEqual(ourMessages))
                mismatches.Add($"{document.Id}:\n  graphql-js: {Describe(theirMessages)}\n  ours:       {Describe(ourMessages)}");
        }
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} documents have different messages:\n" + string.Join("\n", mismatches));
    }

    private static string Describe(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? "valid" : string.Join(" | ", list);
    }
}
