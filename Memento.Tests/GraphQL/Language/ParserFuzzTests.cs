// Fuzzing the lexer, parser and printer with random and mutated input (deterministic seeds, fixed budgets):
// the only exception allowed out of the parser is GraphQLSyntaxError, nothing hangs, and whatever parses prints
// to text that parses back to the same print.
namespace Memento.Tests.GraphQL.Language;

using System.Diagnostics;
using System.Text;
using Memento.GraphQL.Errors;
using Memento.GraphQL.Language;

public class ParserFuzzTests
{
    internal static readonly string[] Seeds =
    [
        "query Q($id: ID! = \"1\", $n: [Int!] = [1, 2]) @op { node(id: $id) { id ... on Dog { name(surname: true) @include(if: $b) } ...F } }",
        "fragment F on Dog @d { alias: barkVolume nested { a b c } }",
        "mutation { doThing(input: {a: 1, b: [1.5e3, -0, \"s\\u00e9\\n\"], c: ENUM, d: null, e: {f: $v}}) { ok } }",
        "subscription S { events { __typename } }",
        "\"\"\"\n  Block\n    description\n\"\"\"\ntype Dog implements Pet & Node @key(f: \"id\") { name(a: Int = 1 @d): String! @deprecated }",
        "schema { query: Q mutation: M } scalar Date union U = | A | B enum E { A B } input I { a: Int = 1 }",
        "directive @tag(name: String!) repeatable on FIELD_DEFINITION | OBJECT extend type T implements I @d { f: Int }",
        "extend schema @d { subscription: S } extend union U = C extend enum E { C } extend input I { b: Int } extend scalar S @d",
        "\"op doc\" query($v: Int # comment\n) { a(b: \"\"\"x\\\"\"\"y\"\"\") , c }",
    ];

    private const string Alphabet = "{}()[]!$&:=@|.\"\\#,\n\r\t _aZ09-+eE.uonqtfrFN\u00e9\uFEFF\uD83D\uDE00";

    [Fact]
    public void Random_text_only_ever_raises_syntax_errors()
    {
        var random = new Random(20261122);
        RunWithinBudget(() =>
        {
            for (int i = 0; i < 20_000; i++)
            {
                int length = random.Next(0, 60);
                var sb = new StringBuilder(length);
                for (int j = 0; j < length; j++)
                {
                    // Mostly characters that matter to the lexer, sometimes any UTF-16 unit (lone surrogates too).
                    sb.Append(random.Next(4) == 0 ? (char)random.Next(0, 0x10000) : Alphabet[random.Next(Alphabet.Length)]);
                }
                Check(sb.ToString());
            }
        });
    }

    [Fact]
    public void Mutated_documents_only_ever_raise_syntax_errors_and_round_trip_when_valid()
    {
        var random = new Random(4242);
        int parsed = 0;
        RunWithinBudget(() =>
        {
            for (int i = 0; i < 20_000; i++)
            {
                var text = Seeds[random.Next(Seeds.Length)];
                int mutations = random.Next(1, 4);
                for (int m = 0; m < mutations; m++) text = Mutate(text, random);
                if (Check(text)) parsed++;
            }
        });
        // The mutations must leave enough documents valid for the round-trip half to mean something.
        Assert.True(parsed > 1_000, $"only {parsed} mutated documents parsed");
    }

    internal static string Mutate(string text, Random random)
    {
        if (text.Length == 0) return Alphabet[random.Next(Alphabet.Length)].ToString();
        int at = random.Next(text.Length);
        int span = Math.Min(random.Next(1, 8), text.Length - at);
        return random.Next(6) switch
        {
            0 => text.Remove(at, span),                                        // delete a few characters
            1 => text.Insert(at, text.Substring(at, span)),                    // duplicate a few
            2 => text.Insert(at, Alphabet[random.Next(Alphabet.Length)].ToString()), // insert one
            3 => text.Remove(at, 1).Insert(at, Alphabet[random.Next(Alphabet.Length)].ToString()), // replace one
            4 => Swap(text, at, random.Next(text.Length)),                     // swap two characters
            _ => text.Substring(0, at),                                        // truncate
        };
    }

    private static string Swap(string text, int a, int b)
    {
        var chars = text.ToCharArray();
        (chars[a], chars[b]) = (chars[b], chars[a]);
        return new string(chars);
    }

    /// <summary>Parses; true when it parsed (then the print must be stable), false on a syntax error.</summary>
    private static bool Check(string text)
    {
        try
        {
            var document = Parser.Parse(text);
            var printed = Printer.Print(document);
            var reprinted = Printer.Print(Parser.Parse(printed));
            Assert.True(printed == reprinted, $"print is not stable for {Escape(text)}:\n{printed}\n---\n{reprinted}");
            return true;
        }
        catch (GraphQLSyntaxError error)
        {
            Assert.InRange(error.Position, 0, text.Length);
            return false;
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            Assert.Fail($"{e.GetType().Name} for input {Escape(text)}: {e}");
            return false;
        }
    }

    private static string Escape(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    private static void RunWithinBudget(Action action)
    {
        var stopwatch = Stopwatch.StartNew();
        var task = Task.Run(action);
        Assert.True(task.Wait(TimeSpan.FromSeconds(20)), "fuzzing did not finish: the parser may hang");
        task.GetAwaiter().GetResult();
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(20));
    }
}
