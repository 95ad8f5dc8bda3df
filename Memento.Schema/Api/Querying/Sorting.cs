using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using Memento.GraphQL.Types;

namespace Memento.Schema.Api.Querying;

/// <summary>Direction of one sort key.</summary>
public enum SortDirection { Ascending, Descending }

/// <summary>One key of an order: the property and its direction.</summary>
public sealed record SortKey(PropertyInfo Property, bool Descending, Func<object, object?> Getter);

/// <summary>The <c>&lt;T&gt;Sort</c> input and its translation to an order that always ends with the unique key.</summary>
internal static class SortTypeBuilder
{
    /// <summary>ASC/DESC, shared by every sort input.</summary>
    public static readonly EnumType SortEnum = new EnumType("SortEnumType", "Sort direction.")
        .AddValue("ASC", SortDirection.Ascending, "Smallest, earliest or alphabetically first first.")
        .AddValue("DESC", SortDirection.Descending, "Largest, latest or alphabetically last first.");

    public static InputObjectType Build(IQueryableType entity)
    {
        // One property per entry keeps the order of keys explicit: order: [{name: ASC}, {createdAt: DESC}].
        var type = new InputObjectType(entity.Type.Name + "Sort", $"One sort key of {entity.Type.Name}; give one field per entry.") { IsOneOf = true };
        foreach (var member in entity.Scalars.Values)
        {
            if ((member.Allow & Allow.Sort) != 0) type.AddField(member.Name, SortEnum);
        }
        return type;
    }

    /// <summary>
    /// The keys of a coerced <c>order</c> argument, then the unique key ascending unless already present, so rows
    /// with equal sort values still have one stable order for cursors.
    /// </summary>
    public static IReadOnlyList<SortKey> Keys(IQueryableType entity, object? order)
    {
        var keys = new List<SortKey>();
        if (order is IEnumerable entries)
        {
            foreach (var entry in entries)
            {
                if (entry is not IEnumerable<KeyValuePair<string, object?>> fields) continue;
                foreach (var (name, direction) in fields)
                {
                    if (direction is null || !entity.Scalars.TryGetValue(name, out var member) || (member.Allow & Allow.Sort) == 0) continue;
                    // A later key on a property already ordered by can never change the order.
                    if (keys.Any(k => k.Property == member.Property)) continue;
                    keys.Add(new SortKey(member.Property, direction is SortDirection.Descending, member.Getter));
                }
            }
        }
        if (!keys.Any(k => k.Property == entity.Key))
            // The key's field is "id" unless an adapted type names it otherwise (members' permissionId).
            keys.Add(new SortKey(entity.Key, false, entity.Scalars.Values.First(s => s.Property == entity.Key).Getter));
        else
            keys.RemoveRange(keys.FindIndex(k => k.Property == entity.Key) + 1, keys.Count - keys.FindIndex(k => k.Property == entity.Key) - 1);
        return keys;
    }

    /// <summary>Applies the keys as OrderBy/ThenBy; <paramref name="reverse"/> flips every direction (for "last").</summary>
    public static IQueryable<T> Apply<T>(IQueryable<T> query, IReadOnlyList<SortKey> keys, bool reverse)
    {
        var row = Expression.Parameter(typeof(T), "x");
        for (var i = 0; i < keys.Count; i++)
        {
            var key = keys[i];
            var lambda = Expression.Lambda(Expression.Property(row, key.Property), row);
            var descending = key.Descending != reverse;
            var method = (i == 0 ? "OrderBy" : "ThenBy") + (descending ? "Descending" : "");
            query = query.Provider.CreateQuery<T>(Expression.Call(typeof(Queryable), method, [typeof(T), key.Property.PropertyType],
                query.Expression, Expression.Quote(lambda)));
        }
        return query;
    }
}
