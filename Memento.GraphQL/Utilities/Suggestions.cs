namespace Memento.GraphQL.Utilities;

/// <summary>"Did you mean" hints, computed and worded exactly as graphql-js does (suggestionList + didYouMean).</summary>
internal static class Suggestions
{
    private const int MaxSuggestions = 5;

    /// <summary>graphql-js didYouMean: " Did you mean "a", "b", or "c"?" (empty when there is nothing to suggest).</summary>
    public static string DidYouMean(IReadOnlyList<string> suggestions) => DidYouMean(null, suggestions);

    public static string DidYouMean(string? subMessage, IReadOnlyList<string> suggestions)
    {
        if (suggestions.Count == 0)
        {
            return string.Empty;
        }

        var message = " Did you mean ";
        if (subMessage is not null)
        {
            message += subMessage + " ";
        }

        var count = Math.Min(suggestions.Count, MaxSuggestions);
        var quoted = new string[count];
        for (var i = 0; i < count; i++)
        {
            quoted[i] = "\"" + suggestions[i] + "\"";
        }

        return count switch
        {
            1 => message + quoted[0] + "?",
            2 => message + quoted[0] + " or " + quoted[1] + "?",
            _ => message + string.Join(", ", quoted, 0, count - 1) + ", or " + quoted[count - 1] + "?",
        };
    }

    /// <summary>
    /// graphql-js suggestionList: options within a lexical distance of about 40% of the input's length, closest
    /// first, ties in natural (locale) order.
    /// </summary>
    public static IReadOnlyList<string> SuggestionList(string input, IEnumerable<string> options)
    {
        var found = new List<(string Option, int Distance)>();
        var lexical = new LexicalDistance(input);
        var threshold = (int)Math.Floor(input.Length * 0.4) + 1;
        foreach (var option in options)
        {
            var distance = lexical.Measure(option, threshold);
            if (distance is { } d)
            {
                found.Add((option, d));
            }
        }

        found.Sort((a, b) =>
        {
            var c = a.Distance - b.Distance;
            return c != 0 ? c : NaturalCompare(a.Option, b.Option);
        });
        var result = new string[found.Count];
        for (var i = 0; i < found.Count; i++)
        {
            result[i] = found[i].Option;
        }

        return result;
    }

    /// <summary>graphql-js naturalCompare: digit runs compare by value, other characters by code.</summary>
    internal static int NaturalCompare(string a, string b)
    {
        int ia = 0, ib = 0;
        while (ia < a.Length && ib < b.Length)
        {
            var ca = a[ia];
            var cb = b[ib];
            if (char.IsAsciiDigit(ca) && char.IsAsciiDigit(cb))
            {
                long na = 0, nb = 0;
                do
                {
                    na = na * 10 + (a[ia] - '0');
                    ia++;
                } while (ia < a.Length && char.IsAsciiDigit(a[ia]));

                do
                {
                    nb = nb * 10 + (b[ib] - '0');
                    ib++;
                } while (ib < b.Length && char.IsAsciiDigit(b[ib]));

                if (na != nb)
                {
                    return na < nb ? -1 : 1;
                }
            }
            else
            {
                if (ca != cb)
                {
                    return ca < cb ? -1 : 1;
                }

                ia++;
                ib++;
            }
        }

        return a.Length - b.Length;
    }

    /// <summary>Damerau-Levenshtein (optimal string alignment) distance, case changes costing one, as graphql-js.</summary>
    private sealed class LexicalDistance
    {
        private readonly string _input;
        private readonly string _inputLower;

        public LexicalDistance(string input)
        {
            _input = input;
            _inputLower = input.ToLowerInvariant();
        }

        public int? Measure(string option, int threshold)
        {
            if (_input == option)
            {
                return 0;
            }

            var optionLower = option.ToLowerInvariant();
            if (_inputLower == optionLower)
            {
                return 1;
            }

            var a = optionLower;
            var b = _inputLower;
            if (a.Length < b.Length)
            {
                (a, b) = (b, a);
            }

            var aLength = a.Length;
            var bLength = b.Length;
            if (aLength - bLength > threshold)
            {
                return null;
            }

            var rows = new int[3][];
            for (var r = 0; r < 3; r++)
            {
                rows[r] = new int[bLength + 1];
            }

            for (var j = 0; j <= bLength; j++)
            {
                rows[0][j] = j;
            }

            for (var i = 1; i <= aLength; i++)
            {
                var upRow = rows[(i - 1) % 3];
                var currentRow = rows[i % 3];
                var smallestCell = currentRow[0] = i;
                for (var j = 1; j <= bLength; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    var currentCell = Math.Min(Math.Min(upRow[j] + 1, currentRow[j - 1] + 1), upRow[j - 1] + cost);
                    if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    {
                        var doubleDiagonalCell = rows[(i - 2) % 3][j - 2];
                        currentCell = Math.Min(currentCell, doubleDiagonalCell + 1);
                    }

                    if (currentCell < smallestCell)
                    {
                        smallestCell = currentCell;
                    }

                    currentRow[j] = currentCell;
                }

                if (smallestCell > threshold)
                {
                    return null;
                }
            }

            var distance = rows[aLength % 3][bLength];
            return distance <= threshold ? distance : null;
        }
    }
}
