using Memento.GraphQL.Language;
using Memento.GraphQL.Types;

namespace Memento.Tests.GraphQL.Types;

/// <summary>The scalars our product adds: DateTime, Long, JSON and Upload.</summary>
public class ExtraScalarsTests
{
    [Theory]
    [InlineData("2024-03-01T10:15:30Z", "2024-03-01T10:15:30Z")]
    [InlineData("2024-03-01T10:15:30.5+02:00", "2024-03-01T10:15:30.5+02:00")]
    public void DateTime_round_trips_instants_with_offsets(string input, string serialized) =>
        Assert.Equal(serialized, ScalarType.DateTime.Serialize(ScalarType.DateTime.ParseValue(input)));

    [Theory]
    // a local time is ambiguous across a team's time zones: refused
    [InlineData("2024-03-01T10:15:30")]
    [InlineData("2024-03-01")]
    [InlineData("yesterday")]
    public void DateTime_refuses_values_without_an_offset(string input)
    {
        var error = Assert.Throws<GraphQLTypeException>(() => ScalarType.DateTime.ParseValue(input));
        Assert.Equal($"DateTime cannot represent an invalid date-time-string \"{input}\".", error.Message);
    }

    [Fact]
    public void DateTime_serializes_utc_datetimes_with_z() =>
        Assert.Equal("2024-01-02T03:04:05Z", ScalarType.DateTime.Serialize(new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc)));

    [Fact]
    public void Long_holds_values_beyond_int()
    {
        Assert.Equal(9_000_000_000L, ScalarType.Long.ParseLiteral(Parser.ParseValue("9000000000"), null));
        Assert.Equal(9_000_000_000L, ScalarType.Long.Serialize(9_000_000_000L));
        Assert.Throws<GraphQLTypeException>(() => ScalarType.Long.ParseLiteral(Parser.ParseValue("99999999999999999999"), null));
        Assert.Throws<GraphQLTypeException>(() => ScalarType.Long.ParseValue(1.5));
    }

    [Fact]
    public void Json_accepts_any_literal_and_reads_variables_inside()
    {
        var value = ScalarType.Json.ParseLiteral(Parser.ParseValue("{ a: [1, \"x\", true, null], b: $v }"), new Dictionary<string, object?> { ["v"] = 2.5 });
        var dict = Assert.IsType<Dictionary<string, object?>>(value);
        Assert.Equal(new object?[] { 1, "x", true, null }, (List<object?>)dict["a"]!);
        Assert.Equal(2.5, dict["b"]);
    }

    [Fact]
    public void Upload_accepts_only_files_from_variables()
    {
        var file = new FakeFile();
        Assert.Same(file, ScalarType.Upload.ParseValue(file));
        Assert.Throws<GraphQLTypeException>(() => ScalarType.Upload.ParseValue("file.png"));
        Assert.Throws<GraphQLTypeException>(() => ScalarType.Upload.ParseLiteral(Parser.ParseValue("\"file.png\""), null));
        Assert.Throws<GraphQLTypeException>(() => ScalarType.Upload.Serialize(file));
    }

    private sealed class FakeFile : IUploadedFile
    {
        public string FileName => "a.tif";
        public string ContentType => "image/tiff";
        public long Length => 0;
        public Stream OpenReadStream() => Stream.Null;
        public bool TryMoveTo(string destination) => false;
    }
}
