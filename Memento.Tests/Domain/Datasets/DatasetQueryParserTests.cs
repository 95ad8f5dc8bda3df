using System.Diagnostics;
using Memento.Domain.Datasets.Query;
using Memento.Domain.Datasets.Search;

namespace Memento.Tests.Domain.Datasets;

/// <summary>Bad and hostile queries: each is refused with its message and the line and column of the fault.</summary>
public sealed class DatasetQueryParserTests
{
    private const string Rules = "has, has_object, nature, licence, author, title, description, origin_url, above_width, above_height, below_width, below_height, before_date, after_date, in_gallery, above_rating, below_rating, above_rating_count, below_rating_count, above_region_count, below_region_count, copied_from";

    public static TheoryData<string, string, int?, int?> BadQueries => new()
    {
        { "want: [has: [cat]", "The query is not valid YAML: While parsing a flow sequence, did not find expected ',' or ']'.", 2, 1 },
        { "want:\n  - has: [cat]\n - nature: [photo]", "The query is not valid YAML: While parsing a block mapping, did not find expected key.", 3, 2 },
        { "- has: [cat]", "The query must be a mapping with the keys want, exclude and include_obsolete.", 1, 1 },
        { "wanted: []", "Unknown key 'wanted': a query accepts want, exclude and include_obsolete.", 1, 1 },
        { "want: []\nwant: []", "'want' is given twice.", 2, 1 },
        { "want: {has: [cat]}", "'want' expects a list of rules, each a mapping with one key (like '- has: [cell]').", 1, 7 },
        { "want:\n  - has", "'want' expects a list of rules, each a mapping with one key (like '- has: [cell]').", 2, 5 },
        { "want:\n  - has: [cat]\n    nature: [photo]", "A rule has exactly one key; this one has 2 (has, nature). Write each as its own list item.", 2, 5 },
        { "want: [{}]", "A rule needs exactly one key; this one is empty.", 1, 8 },
        { "exclude:\n  - hass: [cat]", $"Unknown rule 'hass': the accepted rules are {Rules}.", 2, 5 },
        { "want:\n  - above_width: wide", "'above_width' expects a whole number of pixels.", 2, 18 },
        { "want: [above_width: '800']", "'above_width' expects a whole number of pixels.", 1, 21 },
        { "want: [above_width: 80.5]", "'above_width' expects a whole number of pixels.", 1, 21 },
        { "want: [below_height: -1]", "'below_height' expects a whole number of pixels.", 1, 22 },
        { "want: [has: cat]", "'has' expects a list of object type ids.", 1, 13 },
        { "want: [has: [[cat]]]", "'has' expects a list of object type ids.", 1, 13 },
        { "want: [has: [cat, ~]]", "'has' expects a list of object type ids.", 1, 13 },
        { "want: [title: [a, b]]", "'title' expects a text to search for.", 1, 15 },
        { "want: [before_date: yesterday]", "'before_date' expects a Unix timestamp in whole seconds.", 1, 21 },
        { "want: [in_gallery: [one]]", "'in_gallery' expects a list of gallery ids.", 1, 21 },
        { "want: [copied_from: 3]", "'copied_from' expects a list of picture ids.", 1, 21 },
        { "want: [above_rating: 6]", "'above_rating' expects a number of stars from 1 to 5.", 1, 22 },
        { "want: [below_rating: 0.5]", "'below_rating' expects a number of stars from 1 to 5.", 1, 22 },
        { "want: [above_rating_count: many]", "'above_rating_count' expects a whole number of ratings.", 1, 28 },
        { "want: [below_region_count: -2]", "'below_region_count' expects a whole number of regions.", 1, 28 },
        { "include_obsolete: yes", "'include_obsolete' expects true or false.", 1, 19 },
        { "want: [has: &cats [cat]]", "YAML anchors (&name) are not allowed in a query.", 1, 13 },
        { "want: [has: [cat], has_object: *cats]", "YAML aliases (*name) are not allowed in a query.", 1, 32 },
        { "want: [above_width: !!int 800]", "YAML tags (!name) are not allowed in a query.", 1, 21 },
        { "want: []\n---\nexclude: []", "The query must be one YAML document; remove the second one.", 2, 1 },
        { "want: [[[[[[x]]]]]]", "The query is nested too deeply (at most 6 levels).", 1, 12 },
        { "? [a]\n: 1", "Keys of a query are plain names, not lists or mappings.", 1, 3 },
        { $"want: [title: {new string('a', 1001)}]", "A value is too long (at most 1000 characters).", 1, 15 },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public void A_bad_query_is_refused_with_its_message_and_position(string yaml, string message, int? line, int? column)
    {
        var error = Assert.Throws<DatasetQueryException>(() => DatasetQueryParser.Parse(yaml));
        Assert.Equal((message, line, column), (error.Message, error.Line, error.Column));
    }

    [Fact]
    public void More_than_100_rules_are_refused_at_the_101st()
    {
        var yaml = "want:\n" + string.Concat(Enumerable.Repeat("  - above_width: 1\n", 101));
        var error = Assert.Throws<DatasetQueryException>(() => DatasetQueryParser.Parse(yaml));
        Assert.Equal(("The query has too many rules (at most 100).", 102, 5), (error.Message, error.Line, error.Column));
        Assert.Equal(100, DatasetQueryParser.Parse("want:\n" + string.Concat(Enumerable.Repeat("  - above_width: 1\n", 100))).Want.Count);
    }

    [Fact]
    public void More_than_1000_list_items_in_all_are_refused_at_the_1001st()
    {
        var list = string.Join(", ", Enumerable.Range(0, 500).Select(n => $"t{n}"));
        var yaml = $"want:\n  - has: [{list}]\n  - has_object: [{list}]\nexclude:\n  - nature: [x, y]";
        var error = Assert.Throws<DatasetQueryException>(() => DatasetQueryParser.Parse(yaml));
        Assert.Equal(("The query has too many list items (at most 1000 in all).", 5, 14), (error.Message, error.Line, error.Column));
    }

    [Fact]
    public void An_alias_bomb_fails_fast_without_expanding()
    {
        // Billion laughs: each line would multiply the one before by ten.
        var yaml = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
            + string.Concat(Enumerable.Range(0, 9).Select(n => $"{(char)('b' + n)}: &{(char)('b' + n)} [{string.Join(",", Enumerable.Repeat($"*{(char)('a' + n)}", 9))}]\n"));
        var clock = Stopwatch.StartNew();
        var error = Assert.Throws<DatasetQueryException>(() => DatasetQueryParser.Parse(yaml));
        Assert.Equal(("YAML anchors (&name) are not allowed in a query.", 1, 4), (error.Message, error.Line, error.Column));
        Assert.True(clock.ElapsedMilliseconds < 500, $"took {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void A_10_MB_query_fails_fast_before_parsing()
    {
        var yaml = "want:\n" + new string(' ', 10_000_000) + "- has: [cat]";
        var clock = Stopwatch.StartNew();
        var error = Assert.Throws<DatasetQueryException>(() => DatasetQueryParser.Parse(yaml));
        Assert.Equal(("The query is too long (at most 65536 bytes).", null, null), (error.Message, error.Line, error.Column));
        Assert.True(clock.ElapsedMilliseconds < 100, $"took {clock.ElapsedMilliseconds} ms");
        // Measured in UTF-8: 30,000 three-byte characters are over the limit though only 30,000 characters long.
        Assert.Throws<DatasetQueryException>(() => DatasetQueryParser.Parse($"want: [title: {new string('€', 30_000)}]"));
    }

    [Fact]
    public void Deep_nesting_fails_fast()
    {
        var yaml = new string('[', 30_000) + new string(']', 30_000);
        var clock = Stopwatch.StartNew();
        var error = Assert.Throws<DatasetQueryException>(() => DatasetQueryParser.Parse(yaml));
        Assert.Equal(("The query is nested too deeply (at most 6 levels).", 1, 7), (error.Message, error.Line, error.Column));
        Assert.True(clock.ElapsedMilliseconds < 500, $"took {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void The_documents_example_parses_into_its_rules()
    {
        var query = DatasetQueryParser.Parse(DocumentExample.Query);
        Assert.Equal(
            [(RuleKind.HasObject, 4), (RuleKind.HasObject, 5), (RuleKind.HasObject, 8), (RuleKind.Nature, 14), (RuleKind.Licence, 16)],
            query.Want.Select(r => (r.Kind, r.Line)));
        Assert.Equal(["Cat (Felis catus)"], query.Want[0].Items.Select(i => i.Text));
        Assert.Equal(15, query.Want[4].Items.Count);
        Assert.Equal(
            [(RuleKind.HasObject, "", 0L), (RuleKind.BeforeDate, "", 1546300800L), (RuleKind.BelowWidth, "", 800L), (RuleKind.BelowHeight, "", 600L)],
            query.Exclude.Select(r => (r.Kind, r.Text, r.Number)));
        Assert.False(query.IncludeObsolete);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n# nothing but a comment\n")]
    [InlineData("---\n")]
    [InlineData("want:\nexclude:\n")]
    public void An_empty_query_filters_nothing(string yaml) =>
        Assert.Equal((0, 0, false), (DatasetQueryParser.Parse(yaml).Want.Count, DatasetQueryParser.Parse(yaml).Exclude.Count,
            DatasetQueryParser.Parse(yaml).IncludeObsolete));

    [Fact]
    public void Values_keep_their_exact_text_and_numbers()
    {
        var query = DatasetQueryParser.Parse("""
            want:
              - title: "  Spaced 100% "
              - above_rating: 3.5
              - after_date: 1546300800
              - in_gallery: [1, 22]
              - has: [123, "Cat (Felis catus)"]
            include_obsolete: True
            """);
        Assert.Equal("  Spaced 100% ", query.Want[0].Text);
        Assert.Equal(3.5, query.Want[1].Stars);
        Assert.Equal(1546300800, query.Want[2].Number);
        Assert.Equal([1L, 22L], query.Want[3].Ids);
        Assert.Equal([("123", 6, 11), ("Cat (Felis catus)", 6, 16)], query.Want[4].Items.Select(i => (i.Text, i.Line, i.Column)));
        Assert.True(query.IncludeObsolete);
    }
}
