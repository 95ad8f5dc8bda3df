using System.Linq.Expressions;
using System.Reflection;

namespace Memento.Schema.Api.Querying;

/// <summary>
/// The keyset condition "comes after this cursor in this order": (k1 &gt; v1) OR (k1 = v1 AND k2 &gt; v2) OR …
/// Databases answer it from an index, unlike OFFSET, which reads and throws away every skipped row.
/// </summary>
internal static class Keyset
{
    private static readonly MethodInfo CompareStrings = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    // reverse: true for "before", i.e. rows that come after the cursor in the reversed order.
    public static Expression<Func<T, bool>> Beyond<T>(IReadOnlyList<SortKey> keys, object?[] values, bool reverse)
    {
        var row = Expression.Parameter(typeof(T), "x");
        Expression? result = null;
        Expression? equalSoFar = null;
        for (var i = 0; i < keys.Count; i++)
        {
            var member = Expression.Property(row, keys[i].Property);
            var value = Values.Parameter(member.Type, values[i]);
            var greater = keys[i].Descending == reverse;
            var beyond = Compare(member, value, greater);
            var term = equalSoFar is null ? beyond : Expression.AndAlso(equalSoFar, beyond);
            result = result is null ? term : Expression.OrElse(result, term);
            var equal = Expression.Equal(member, value);
            equalSoFar = equalSoFar is null ? equal : Expression.AndAlso(equalSoFar, equal);
        }
        return Expression.Lambda<Func<T, bool>>(result!, row);
    }

    private static Expression Compare(Expression member, Expression value, bool greater)
    {
        if (member.Type == typeof(string))
        {
            // EF Core translates string.Compare(a, b) > 0 to a > b, with the column's collation, as ORDER BY uses.
            var compare = Expression.Call(CompareStrings, member, value);
            var zero = Expression.Constant(0);
            return greater ? Expression.GreaterThan(compare, zero) : Expression.LessThan(compare, zero);
        }
        return greater ? Expression.GreaterThan(member, value) : Expression.LessThan(member, value);
    }
}
