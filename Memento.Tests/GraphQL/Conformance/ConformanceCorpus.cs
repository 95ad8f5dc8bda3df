// The differential-test corpus: hand-written documents (corpus/*.graphql, one per "#~ id" header) covering every
// grammar production and validation rule, plus documents generated deterministically from them by token-level
// mutations (delete, duplicate, swap, rename, replace), plus a few that a text file cannot hold (lone surrogates,
// CRLF, control characters).
namespace Memento.Tests.GraphQL.Conformance;

using Memento.GraphQL.Errors;
using Memento.GraphQL.Language;

public sealed record CorpusDocument(string Id, string Text);

public static class ConformanceCorpus
{
    public const int MutantCount = 450;

    private static readonly string[] NamePool =
    [
        "dog", "cat", "pet", "name", "nickname", "barks", "meows", "mother", "father", "human", "relatives",
        "Dog", "Cat", "Pet", "CatOrDog", "Human", "ComplexInput", "FurColor", "DogCommand", "Int", "String",
        "complicatedArgs", "intArgField", "intArg", "requiredField", "__typename", "on", "query", "fragment",
        "unknown", "SIT", "BROWN", "true", "null", "include", "skip", "onField", "repeatable", "x", "y",
    ];

    private static readonly string[] TokenPool =
    [
        "{", "}", "(", ")", "[", "]", ":", "=", "!", "$", "@", "|", "&", "...", "1", "-1", "1.5", "\"s\"",
        "\"\"\"b\"\"\"", "$a", "query", "on", "fragment", "null",
    ];

    public static IReadOnlyList<CorpusDocument> Load(string repositoryRoot)
    {
        var documents = new List<CorpusDocument>();
        var folder = Path.Combine(repositoryRoot, "Memento.Tests", "GraphQL", "Conformance", "corpus");
        foreach (var file in Directory.GetFiles(folder, "*.graphql").Order(StringComparer.Ordinal))
        {
            documents.AddRange(Split(File.ReadAllText(file)));
        }
        documents.AddRange(Special());
        documents.AddRange(Mutants(documents, MutantCount, seed: 300));
        return documents;
    }

    /// <summary>Splits a corpus file on "#~ id" lines; the text between headers is one document.</summary>
    internal static IEnumerable<CorpusDocument> Split(string content)
    {
        string? id = null;
        var text = new System.Text.StringBuilder();
        foreach (var line in content.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.StartsWith("#~ ", StringComparison.Ordinal))
            {
                if (id is not null) yield return new CorpusDocument(id, text.ToString().TrimEnd('\n'));
                id = line[3..].Trim();
                text.Clear();
            }
            else if (id is not null)
            {
                text.Append(line).Append('\n');
            }
        }
        if (id is not null) yield return new CorpusDocument(id, text.ToString().TrimEnd('\n'));
    }

    private static IEnumerable<CorpusDocument> Special()
    {
        yield return new("special.crlf", "query Q {\r\n  dog {\r\n    name\r\n  }\r\n}\r\n");
        yield return new("special.cr-only", "query Q {\r  dog {\r    name ?\r  }\r}");
        yield return new("special.lone-high-surrogate", "{ dog { name \uD800 } }");
        yield return new("special.lone-low-surrogate-in-string", "{ complicatedArgs { stringArgField(stringArg: \"a\uDC00\") } }");
        yield return new("special.lone-surrogate-in-comment", "{ dog { name } } # \uD800 x");
        yield return new("special.surrogate-pair-name", "{ dog { \uD83D\uDE00 } }");
        yield return new("special.surrogate-pair-in-string", "{ complicatedArgs { stringArgField(stringArg: \"\uD83D\uDE00\") } }");
        yield return new("special.nul-in-string", "{ complicatedArgs { stringArgField(stringArg: \"a\u0000b\") } }");
        yield return new("special.nul-outside-string", "{ dog { name \u0000 } }");
        yield return new("special.bom-in-middle", "{ dog {\uFEFF name } }");
        yield return new("special.bell-in-block-string", "{ complicatedArgs { stringArgField(stringArg: \"\"\"a\u0007b\"\"\") } }");
        yield return new("special.tab-indented-block-string", "{ complicatedArgs { stringArgField(stringArg: \"\"\"\n\t\tone\n\t\t  two\n\t\"\"\") } }");
        yield return new("special.crlf-in-block-string", "{ complicatedArgs { stringArgField(stringArg: \"\"\"\r\n  one\r\n  two\r\n\"\"\") } }");
        yield return new("special.error-after-crlf", "{\r\n  dog {\r\n    name(surname: 01)\r\n  }\r\n}");
        yield return new("special.error-after-supplementary", "{ complicatedArgs { stringArgField(stringArg: \"\uD83D\uDE00\uD83D\uDE00\") } ? }");
        yield return new("special.del-char", "{ dog { name \u007F } }");
        yield return new("special.nbsp", "{ dog {\u00A0name } }");
    }

    /// <summary>Token-level mutants of the parseable documents; deterministic for a given seed.</summary>
    internal static IEnumerable<CorpusDocument> Mutants(IReadOnlyList<CorpusDocument> sources, int count, int seed)
    {
        var random = new Random(seed);
        var parseable = new List<(CorpusDocument Doc, List<(int Start, int End)> Tokens)>();
        foreach (var doc in sources)
        {
            var tokens = Tokens(doc.Text);
            if (tokens is { Count: > 2 }) parseable.Add((doc, tokens));
        }

        for (int i = 0; i < count; i++)
        {
            var (doc, tokens) = parseable[random.Next(parseable.Count)];
            var text = doc.Text;
            int t = random.Next(tokens.Count);
            var (start, end) = tokens[t];
            var token = text[start..end];
            string kind;
            string mutated;
            switch (random.Next(9))
            {
                case 0:
                    kind = "delete";
                    mutated = text.Remove(start, end - start);
                    break;
                case 1:
                    kind = "duplicate";
                    mutated = text.Insert(end, " " + token);
                    break;
                case 2:
                {
                    kind = "swap";
                    int u = Math.Min(t + 1 + random.Next(3), tokens.Count - 1);
                    var (s2, e2) = tokens[u];
                    if (u == t) goto case 0;
                    mutated = text[..start] + text[s2..e2] + text[end..s2] + token + text[e2..];
                    break;
                }
                case 3:
                case 4:
                case 5:
                case 6:
                {
                    // Renames are the most interesting for validation: most keep the document parseable.
                    kind = "rename";
                    var names = tokens.Where(k => Lexer.IsNameStart(text[k.Start])).ToList();
                    if (names.Count == 0) goto case 0;
                    (start, end) = names[random.Next(names.Count)];
                    mutated = text[..start] + NamePool[random.Next(NamePool.Length)] + text[end..];
                    break;
                }
                case 7:
                    kind = "replace";
                    mutated = text[..start] + TokenPool[random.Next(TokenPool.Length)] + text[end..];
                    break;
                default:
                {
                    kind = "move";
                    int to = tokens[random.Next(tokens.Count)].Start;
                    var removed = text.Remove(start, end - start);
                    if (to > start) to -= end - start;
                    mutated = removed.Insert(to, token + " ");
                    break;
                }
            }
            yield return new CorpusDocument($"mutant.{i:D3}.{kind}.{doc.Id}", mutated);
        }
    }

    /// <summary>The token spans of a document, or null when it does not lex.</summary>
    private static List<(int Start, int End)>? Tokens(string text)
    {
        var lexer = new Lexer(new Source(text));
        var tokens = new List<(int, int)>();
        try
        {
            lexer.Advance();
            while (lexer.Kind != TokenKind.EndOfFile)
            {
                tokens.Add((lexer.Start, lexer.End));
                lexer.Advance();
            }
        }
        catch (GraphQLSyntaxError)
        {
            return null;
        }
        return tokens;
    }
}
