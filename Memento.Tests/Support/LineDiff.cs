using System.Text;

namespace Memento.Tests.Support;

/// <summary>A small line diff (longest common subsequence) for readable assertion failures.</summary>
public static class LineDiff
{
    private const int Context = 2;

    /// <summary>
    /// Lines only in <paramref name="expected"/> start with "- ", only in <paramref name="actual"/> with "+ ",
    /// with two lines of context around each change and line numbers of the expected text.
    /// </summary>
    public static string Format(string expected, string actual)
    {
        var a = Split(expected);
        var b = Split(actual);
        var ops = Diff(a, b);
        var changed = ops.Select((op, i) => (op, i)).Where(x => x.op.Kind != ' ').Select(x => x.i).ToList();
        if (changed.Count == 0) return "(no line differences; whitespace at the end of lines or of the text differs)";

        var show = new bool[ops.Count];
        foreach (var i in changed)
            for (var j = Math.Max(0, i - Context); j <= Math.Min(ops.Count - 1, i + Context); j++) show[j] = true;

        var text = new StringBuilder("--- expected\n+++ actual\n");
        var skipped = false;
        for (var i = 0; i < ops.Count; i++)
        {
            if (!show[i]) { skipped = true; continue; }
            if (skipped) { text.Append("  ...\n"); skipped = false; }
            var (kind, line, number) = ops[i];
            text.Append(kind).Append(' ').Append(kind == '+' ? "    " : $"{number,4}").Append(' ').Append(line).Append('\n');
        }
        if (skipped) text.Append("  ...\n");
        return text.ToString();
    }

    private static string[] Split(string text) => text.ReplaceLineEndings("\n").Split('\n');

    private static List<(char Kind, string Line, int Number)> Diff(string[] a, string[] b)
    {
        // Trim the common head and tail first: snapshots usually differ in a few lines, keeping the table small.
        var head = 0;
        while (head < a.Length && head < b.Length && a[head] == b[head]) head++;
        var tail = 0;
        while (tail < a.Length - head && tail < b.Length - head && a[^(tail + 1)] == b[^(tail + 1)]) tail++;

        int n = a.Length - head - tail, m = b.Length - head - tail;
        var lcs = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
            for (var j = m - 1; j >= 0; j--)
                lcs[i, j] = a[head + i] == b[head + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);

        var ops = new List<(char, string, int)>();
        for (var k = 0; k < head; k++) ops.Add((' ', a[k], k + 1));
        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && a[head + x] == b[head + y]) { ops.Add((' ', a[head + x], head + x + 1)); x++; y++; }
            // Removals before additions, as unified diffs show them.
            else if (x < n && (y == m || lcs[x + 1, y] >= lcs[x, y + 1])) { ops.Add(('-', a[head + x], head + x + 1)); x++; }
            else { ops.Add(('+', b[head + y], 0)); y++; }
        }
        for (var k = a.Length - tail; k < a.Length; k++) ops.Add((' ', a[k], k + 1));
        return ops;
    }
}
