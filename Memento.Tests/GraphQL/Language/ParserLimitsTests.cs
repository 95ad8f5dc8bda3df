// Parser limits: hostile documents end in a clean syntax error, never a stack overflow (cf. HotChocolate
// CVE-2026-40324, where 40 KB of nested brackets crashed the process).
namespace Memento.Tests.GraphQL.Language;

using Memento.GraphQL.Errors;
using Memento.GraphQL.Language;

public class ParserLimitsTests
{
    public static TheoryData<string, string> NestedDocuments => new()
    {
        { "selection sets", string.Concat(Enumerable.Repeat("{a", 20_000)) },
        { "list values", "{ a(x: " + new string('[', 40_000) },
        { "object values", "{ a(x: " + string.Concat(Enumerable.Repeat("{a:", 14_000)) },
        { "list types", "query ($v: " + new string('[', 40_000) },
        { "inline fragments", "{" + string.Concat(Enumerable.Repeat("...{", 10_000)) },
        { "mixed values", "{ a(x: " + string.Concat(Enumerable.Repeat("[{b:", 10_000)) },
    };

    [Theory]
    [MemberData(nameof(NestedDocuments))]
    public void Deeply_nested_input_is_a_syntax_error_even_on_a_small_stack(string shape, string text)
    {
        Assert.True(text.Length >= 40_000, shape);
        Exception? thrown = null;
        // 256 KB is a quarter of the default thread stack; the parser must stay within it at its maximum depth.
        var thread = new Thread(() =>
        {
            try
            {
                Parser.Parse(text);
            }
            catch (Exception e)
            {
                thrown = e;
            }
        }, maxStackSize: 256 * 1024);
        thread.Start();
        Assert.True(thread.Join(TimeSpan.FromSeconds(10)), "parser hung");
        var error = Assert.IsType<GraphQLSyntaxError>(thrown);
        Assert.Equal("Syntax Error: Document nesting is deeper than 128 levels. Parsing aborted.", error.Message);
    }

    [Fact]
    public void Nesting_up_to_the_limit_parses_and_one_more_level_fails()
    {
        var options = new ParserOptions { MaxDepth = 10 };
        Parser.Parse(string.Concat(Enumerable.Repeat("{a", 10)) + new string('}', 10), options);
        SyntaxAssert.Fails(string.Concat(Enumerable.Repeat("{a", 11)) + new string('}', 11),
            "Syntax Error: Document nesting is deeper than 10 levels. Parsing aborted.", 1, 21, options);
        // Values and types count toward the same depth as the selection set they sit in.
        SyntaxAssert.Fails("{ a(x: [[[[[[[[[[1]]]]]]]]]]) }",
            "Syntax Error: Document nesting is deeper than 10 levels. Parsing aborted.", 1, 17, options);
        Parser.Parse("query ($a: [[[[[[[[[Int]]]]]]]]]) { a }", options);
    }

    [Fact]
    public void Token_limit_counts_tokens_not_characters()
    {
        var options = new ParserOptions { MaxTokens = 5 };
        Parser.Parse("{ a b c } # a long comment does not count, nor do commas ,,,,,,", options);
        SyntaxAssert.Fails("{ a b c d }", "Syntax Error: Document contains more than 5 tokens. Parsing aborted.", 1, 11, options);
    }

    [Fact]
    public void Length_limit_rejects_the_document_before_parsing()
    {
        var options = new ParserOptions { MaxDocumentChars = 10 };
        Parser.Parse("{ a b c }", options);
        SyntaxAssert.Fails("{ abcdefgh }", "Syntax Error: Document is longer than 10 characters. Parsing aborted.", 1, 1, options);
    }

    [Fact]
    public void Byte_limit_counts_utf8_bytes()
    {
        Parser.Parse("{ a(b: \"é\") }", new ParserOptions { MaxDocumentBytes = 15 }); // é is 2 bytes: 15 in all
        SyntaxAssert.Fails("{ a(b: \"éé\") }", "Syntax Error: Document is longer than 15 UTF-8 bytes. Parsing aborted.", 1, 1,
            new ParserOptions { MaxDocumentBytes = 15 });
    }

    [Fact]
    public void Limits_are_validated_when_set()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParserOptions { MaxDepth = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParserOptions { MaxTokens = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParserOptions { MaxDocumentChars = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParserOptions { MaxDocumentBytes = 0 });
        var defaults = new ParserOptions();
        Assert.Equal((128, 50_000, 1_000_000, false), (defaults.MaxDepth, defaults.MaxTokens, defaults.MaxDocumentChars, defaults.NoLocation));
    }
}
