using Memento.Domain.Datasets.Search;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Memento.Domain.Datasets.Query;

/// <summary>A YAML node as the query parser sees it: a scalar, a list or a mapping, with where it starts.</summary>
internal abstract record YamlNode(int Line, int Column);

internal sealed record YamlScalar(string Value, bool Plain, int Line, int Column) : YamlNode(Line, Column)
{
    /// <summary>YAML 1.2 core schema's null: an empty plain scalar, ~ or null.</summary>
    public bool IsNull => Plain && Value is "" or "~" or "null" or "Null" or "NULL";
}

internal sealed record YamlList(IReadOnlyList<YamlNode> Items, int Line, int Column) : YamlNode(Line, Column);

internal sealed record YamlMap(IReadOnlyList<(YamlScalar Key, YamlNode Value)> Entries, int Line, int Column)
    : YamlNode(Line, Column);

/// <summary>
/// Reads YamlDotNet's event stream into a <see cref="YamlNode"/> tree, within the <see cref="DatasetQueryLimits"/>.
/// The low-level event stream is used (not the representation model) so anchors and aliases are refused before
/// anything is expanded, and every node keeps its position.
/// </summary>
internal sealed class YamlTreeReader
{
    private readonly IParser _parser;
    private int _nodes;

    private YamlTreeReader(IParser parser) => _parser = parser;

    /// <summary>The document's root, or null for an empty stream (only comments, or nothing).</summary>
    public static YamlNode? Read(string text)
    {
        try
        {
            var reader = new YamlTreeReader(new Parser(new StringReader(text)));
            return reader.ReadStream();
        }
        catch (YamlException e)
        {
            var message = e.Message.Replace("\r", "").Split('\n')[0];
            throw new DatasetQueryException($"The query is not valid YAML: {message}", Line(e.Start), Column(e.Start));
        }
    }

    private YamlNode? ReadStream()
    {
        _parser.Consume<StreamStart>();
        if (_parser.TryConsume<StreamEnd>(out _)) return null;
        _parser.Consume<DocumentStart>();
        var root = ReadNode(1);
        _parser.Consume<DocumentEnd>();
        if (_parser.Accept<DocumentStart>(out var second))
            throw new DatasetQueryException("The query must be one YAML document; remove the second one.",
                Line(second.Start), Column(second.Start));
        _parser.Consume<StreamEnd>();
        return root;
    }

    private YamlNode ReadNode(int depth)
    {
        var current = _parser.Current ?? throw new DatasetQueryException("The query ended unexpectedly.", null, null);
        int line = Line(current.Start), column = Column(current.Start);
        if (current is AnchorAlias)
            throw new DatasetQueryException("YAML aliases (*name) are not allowed in a query.", line, column);
        if (current is NodeEvent node)
        {
            if (!node.Anchor.IsEmpty)
                throw new DatasetQueryException("YAML anchors (&name) are not allowed in a query.", line, column);
            if (!node.Tag.IsEmpty && !node.Tag.IsNonSpecific)
                throw new DatasetQueryException("YAML tags (!name) are not allowed in a query.", line, column);
        }
        if (depth > DatasetQueryLimits.MaxDepth)
            throw new DatasetQueryException(
                $"The query is nested too deeply (at most {DatasetQueryLimits.MaxDepth} levels).", line, column);
        if (++_nodes > DatasetQueryLimits.MaxNodes)
            throw new DatasetQueryException(
                $"The query has too many values (at most {DatasetQueryLimits.MaxNodes}).", line, column);

        switch (current)
        {
            case Scalar scalar:
                _parser.MoveNext();
                if (scalar.Value.Length > DatasetQueryLimits.MaxStringLength)
                    throw new DatasetQueryException(
                        $"A value is too long (at most {DatasetQueryLimits.MaxStringLength} characters).", line, column);
                return new YamlScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, line, column);
            case SequenceStart:
            {
                _parser.MoveNext();
                var items = new List<YamlNode>();
                while (!_parser.TryConsume<SequenceEnd>(out _)) items.Add(ReadNode(depth + 1));
                return new YamlList(items, line, column);
            }
            case MappingStart:
            {
                _parser.MoveNext();
                var entries = new List<(YamlScalar, YamlNode)>();
                while (!_parser.TryConsume<MappingEnd>(out _))
                {
                    var key = ReadNode(depth + 1);
                    if (key is not YamlScalar scalarKey)
                        throw new DatasetQueryException("Keys of a query are plain names, not lists or mappings.",
                            key.Line, key.Column);
                    entries.Add((scalarKey, ReadNode(depth + 1)));
                }
                return new YamlMap(entries, line, column);
            }
            default:
                throw new DatasetQueryException("The query has an unexpected YAML element.", line, column);
        }
    }

    private static int Line(Mark mark) => (int)Math.Max(1, mark.Line);
    private static int Column(Mark mark) => (int)Math.Max(1, mark.Column);
}
