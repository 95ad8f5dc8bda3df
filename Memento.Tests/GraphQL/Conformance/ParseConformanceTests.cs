// Differential test, parsing half: for every corpus document our parser must agree with graphql-js on the verdict,
// the whole syntax error (message, line, column), and, when it parses, on print(parse(document)).
namespace Memento.Tests.GraphQL.Conformance;

using Memento.GraphQL.Errors;
using Memento.GraphQL.Language;
using Xunit.Abstractions;

public class ParseConformanceTests(ITestOutputHelper output)
{
    [Fact]
    public void The_corpus_is_large_and_mixed()
    {
        var reference = GraphQLJsReference.Instance;
        output.WriteLine($"graphql-js {reference.Version}: {reference.Corpus.Count} documents, " +
            $"{reference.Verdicts.Values.Count(v => v.SyntaxError is not null)} syntax errors, " +
            $"{reference.Verdicts.Values.Count(v => v.ValidationErrors is { Count: 0 })} valid, " +
            $"{reference.Verdicts.Values.Count(v => v.ValidationErrors is { Count: > 0 })} invalid");
        Assert.True(reference.Corpus.Count >= 300, $"corpus has {reference.Corpus.Count} documents");
        Assert.Equal(reference.Corpus.Count, reference.Corpus.Select(d => d.Id).Distinct().Count());
        var verdicts = reference.Verdicts.Values;
        // Enough of each verdict that every half of the comparison is exercised.
        Assert.True(verdicts.Count(v => v.SyntaxError is not null) >= 100, "too few syntax errors");
        Assert.True(verdicts.Count(v => v.ValidationErrors is { Count: 0 }) >= 60, "too few valid documents");
        Assert.True(verdicts.Count(v => v.ValidationErrors is { Count: > 0 }) >= 100, "too few validation failures");
        Assert.StartsWith("16.", reference.Version);
    }

    [Fact]
    public void Parser_agrees_with_graphql_js_on_every_document()
    {
        var reference = GraphQLJsReference.Instance;
        var mismatches = new List<string>();
        foreach (var document in reference.Corpus)
        {
            var expected = reference.Verdicts[document.Id];
            string? ourPrint = null;
            GraphQLSyntaxError? ourError = null;
            try
            {
                ourPrint = Printer.Print(Parser.Parse(document.Text));
            }
            catch (GraphQLSyntaxError e)
            {
                ourError = e;
            }

            if (expected.SyntaxError is { } theirs)
            {
                var theirLocation = theirs.Locations[0];
                if (ourError is null)
                    mismatches.Add($"{document.Id}: graphql-js says {theirs.Message} ({theirLocation.Line}:{theirLocation.Column}); we parsed it");
                else if (ourError.Message != theirs.Message || ourError.Location != new SourceLocation(theirLocation.Line, theirLocation.Column))
                    mismatches.Add($"{document.Id}: graphql-js says {theirs.Message} ({theirLocation.Line}:{theirLocation.Column}); we say {ourError}");
            }
            else if (ourError is not null)
            {
                mismatches.Add($"{document.Id}: graphql-js parses it; we say {ourError}");
            }
            else if (ourPrint != expected.Printed)
            {
                mismatches.Add($"{document.Id}: prints differ\n--- graphql-js\n{expected.Printed}\n--- ours\n{ourPrint}");
            }
        }
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {reference.Corpus.Count} documents disagree:\n" + string.Join("\n", mismatches));
    }
}
