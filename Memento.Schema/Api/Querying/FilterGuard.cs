using System.Collections;
using Memento.GraphQL.Errors;

namespace Memento.Schema.Api.Querying;

/// <summary>
/// Checks a coerced <c>where</c> argument against <see cref="FilterLimits"/> before any expression is built, so an
/// oversized filter costs one walk and answers a VALIDATION error naming the bound. The walk keeps its own stack
/// instead of recursing: it runs on exactly the inputs that are too deep for recursion.
/// </summary>
internal static class FilterGuard
{
    public static void Check(IQueryableType type, object? where, FilterLimits limits)
    {
        var nodes = 0;
        var pending = new Stack<(IQueryableType Type, object? Filter, int Depth)>();
        pending.Push((type, where, 1));
        while (pending.Count > 0)
        {
            var (current, filter, depth) = pending.Pop();
            if (filter is not IEnumerable<KeyValuePair<string, object?>> fields) continue;
            if (depth > limits.MaxDepth) throw Error(QueryingErrors.FilterTooDeep(limits.MaxDepth));
            foreach (var (name, value) in fields)
            {
                nodes++;
                if (name is FilterOperations.And or FilterOperations.Or)
                {
                    if (value is not IEnumerable terms) continue;
                    var count = Count(terms);
                    if (count > limits.MaxTerms) throw Error(QueryingErrors.TooManyTerms(name, count, limits.MaxTerms));
                    nodes += count;
                    foreach (var term in terms) pending.Push((current, term, depth + 1));
                }
                else if (current.Scalars.ContainsKey(name))
                {
                    nodes += Operations(name, value, limits);
                }
                else if (current.References.TryGetValue(name, out var reference))
                {
                    pending.Push((reference.Target, value, depth + 1));
                }
                else if (current.Collections.TryGetValue(name, out var collection)
                         && value is IEnumerable<KeyValuePair<string, object?>> quantifiers)
                {
                    foreach (var (_, elementFilter) in quantifiers)
                    {
                        nodes++;
                        pending.Push((collection.Target, elementFilter, depth + 1));
                    }
                }
                // Any other name is refused by the translator, which names it.
            }
        }
        if (nodes > limits.MaxNodes) throw Error(QueryingErrors.FilterTooLarge(nodes, limits.MaxNodes));
    }

    /// <summary>The nodes of one field's operations ({ eq: …, in: [...] }): one per operation and per listed value.</summary>
    private static int Operations(string field, object? value, FilterLimits limits)
    {
        if (value is not IEnumerable<KeyValuePair<string, object?>> operations) return 0;
        var nodes = 0;
        foreach (var (operation, operand) in operations)
        {
            nodes++;
            if (operation is not (FilterOperations.In or FilterOperations.Nin) || operand is not IEnumerable items || operand is string) continue;
            var count = Count(items);
            if (count > limits.MaxListItems)
                throw Error(QueryingErrors.TooManyListItems($"{field}.{operation}", count, limits.MaxListItems));
            nodes += count;
        }
        return nodes;
    }

    private static int Count(IEnumerable items)
    {
        if (items is ICollection collection) return collection.Count;
        var count = 0;
        foreach (var _ in items) count++;
        return count;
    }

    private static GraphQLException Error(string message) => new(message, QueryingErrors.ValidationCode);
}
