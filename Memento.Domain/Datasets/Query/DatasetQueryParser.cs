using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Memento.Domain.Datasets.Search;

namespace Memento.Domain.Datasets.Query;

/// <summary>
/// Parses the dataset document's YAML query (root keys want, exclude, include_obsolete; each rule a mapping with one
/// key) into a <see cref="DatasetQuery"/>, or throws a <see cref="DatasetQueryException"/> pointing at the fault.
/// Names (object types, licences, natures) are only checked for shape here; the compiler looks them up.
/// </summary>
public static partial class DatasetQueryParser
{
    private const string RootKeys = "want, exclude and include_obsolete";

    public static DatasetQuery Parse(string? text)
    {
        text ??= "";
        // Measured before parsing: a 10 MB query is refused without being read.
        if (text.Length > DatasetQueryLimits.MaxBytes || Encoding.UTF8.GetByteCount(text) > DatasetQueryLimits.MaxBytes)
            throw new DatasetQueryException(
                $"The query is too long (at most {DatasetQueryLimits.MaxBytes} bytes).", null, null);
        var root = YamlTreeReader.Read(text);
        if (root is null || root is YamlScalar { IsNull: true }) return DatasetQuery.Empty;
        if (root is not YamlMap map)
            throw new DatasetQueryException($"The query must be a mapping with the keys {RootKeys}.", root.Line, root.Column);

        var state = new State();
        List<DatasetRule> want = [], exclude = [];
        var includeObsolete = false;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Entries)
        {
            if (!seen.Add(key.Value))
                throw new DatasetQueryException($"'{key.Value}' is given twice.", key.Line, key.Column);
            switch (key.Value)
            {
                case "want": want = ReadRules("want", value, state); break;
                case "exclude": exclude = ReadRules("exclude", value, state); break;
                case "include_obsolete":
                    includeObsolete = value is YamlScalar { Plain: true } flag && flag.Value is "true" or "True" or "TRUE"
                        ? true
                        : value is YamlScalar { Plain: true, Value: "false" or "False" or "FALSE" } || value is YamlScalar { IsNull: true }
                            ? false
                            : throw new DatasetQueryException("'include_obsolete' expects true or false.", value.Line, value.Column);
                    break;
                default:
                    throw new DatasetQueryException($"Unknown key '{key.Value}': a query accepts {RootKeys}.",
                        key.Line, key.Column);
            }
        }
        return new DatasetQuery(want, exclude, includeObsolete);
    }

    private sealed class State
    {
        public int Rules;
        public int Items;
    }

    private static List<DatasetRule> ReadRules(string section, YamlNode node, State state)
    {
        if (node is YamlScalar { IsNull: true }) return [];
        var expected = $"'{section}' expects a list of rules, each a mapping with one key (like '- has: [cell]').";
        if (node is not YamlList list) throw new DatasetQueryException(expected, node.Line, node.Column);
        var rules = new List<DatasetRule>(list.Items.Count);
        foreach (var item in list.Items)
        {
            if (item is not YamlMap rule) throw new DatasetQueryException(expected, item.Line, item.Column);
            if (rule.Entries.Count != 1)
                throw new DatasetQueryException(rule.Entries.Count == 0
                        ? "A rule needs exactly one key; this one is empty."
                        : $"A rule has exactly one key; this one has {rule.Entries.Count} ({string.Join(", ", rule.Entries.Select(e => e.Key.Value))}). Write each as its own list item.",
                    rule.Line, rule.Column);
            var (key, value) = rule.Entries[0];
            if (!DatasetRules.ByName.TryGetValue(key.Value, out var definition))
                throw new DatasetQueryException(
                    $"Unknown rule '{key.Value}': the accepted rules are {DatasetRules.AcceptedNames}.", key.Line, key.Column);
            if (++state.Rules > DatasetQueryLimits.MaxRules)
                throw new DatasetQueryException($"The query has too many rules (at most {DatasetQueryLimits.MaxRules}).",
                    key.Line, key.Column);
            rules.Add(ReadRule(definition, key, value, state));
        }
        return rules;
    }

    private static DatasetRule ReadRule(DatasetRules.Definition definition, YamlScalar key, YamlNode value, State state)
    {
        DatasetQueryException Wrong() =>
            new($"'{definition.Name}' expects {definition.Expects}.", value.Line, value.Column);
        var rule = new DatasetRule(definition.Kind, key.Line, key.Column);
        switch (definition.Shape)
        {
            case DatasetRules.ValueShape.Names:
                return rule with { Items = ListOf(value, state, Wrong).Select(s => new QueryItem(s.Value, s.Line, s.Column)).ToList() };
            case DatasetRules.ValueShape.Ids:
                return rule with
                {
                    Ids = ListOf(value, state, Wrong).Select(s => WholeNumber(s, long.MinValue, long.MaxValue)
                        ?? throw new DatasetQueryException($"'{definition.Name}' expects {definition.Expects}.", s.Line, s.Column)).ToList(),
                };
            case DatasetRules.ValueShape.Text:
                if (value is not YamlScalar text || text.IsNull) throw Wrong();
                return rule with { Text = text.Value };
            case DatasetRules.ValueShape.Pixels:
            case DatasetRules.ValueShape.Count:
                return rule with { Number = WholeNumber(value, 0, int.MaxValue) ?? throw Wrong() };
            case DatasetRules.ValueShape.Timestamp:
                // The range DateTimeOffset can hold (years 1 to 9999).
                return rule with { Number = WholeNumber(value, -62135596800, 253402300799) ?? throw Wrong() };
            case DatasetRules.ValueShape.Stars:
                if (value is not YamlScalar { Plain: true } stars || !Decimal().IsMatch(stars.Value)
                    || !double.TryParse(stars.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
                    || n < 1 || n > 5)
                    throw Wrong();
                return rule with { Stars = n };
            default:
                throw new InvalidOperationException(definition.Shape.ToString());
        }
    }

    private static List<YamlScalar> ListOf(YamlNode value, State state, Func<DatasetQueryException> wrong)
    {
        if (value is not YamlList list) throw wrong();
        var items = new List<YamlScalar>(list.Items.Count);
        foreach (var item in list.Items)
        {
            if (item is not YamlScalar scalar || scalar.IsNull) throw wrong();
            if (++state.Items > DatasetQueryLimits.MaxListItems)
                throw new DatasetQueryException(
                    $"The query has too many list items (at most {DatasetQueryLimits.MaxListItems} in all).",
                    item.Line, item.Column);
            items.Add(scalar);
        }
        return items;
    }

    /// <summary>A plain (unquoted) whole number within the bounds, or null.</summary>
    private static long? WholeNumber(YamlNode node, long min, long max) =>
        node is YamlScalar { Plain: true } scalar && Integer().IsMatch(scalar.Value)
        && long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
        && n >= min && n <= max
            ? n
            : null;

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$")]
    private static partial Regex Decimal();
}
