using Memento.GraphQL.Errors;
using Memento.GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Memento.Schema.Api.Querying;

/// <summary>
/// Resolves a connection field: composes filter, order, keyset, projection and limit onto the source query and runs
/// it in the database. Never pages or filters in memory.
/// </summary>
public static class ConnectionResolver
{
    public static async Task<Connection> ResolveAsync<T>(IResolveContext context, QueryableType<T> type, IQueryable<T> source,
        ConnectionOptions limits) where T : class
    {
        var arguments = context.Arguments;
        var first = PageSize(arguments, ConnectionField.First, limits);
        var last = PageSize(arguments, ConnectionField.Last, limits);
        if (first is not null && last is not null) throw new GraphQLException(QueryingErrors.FirstAndLast, QueryingErrors.ValidationCode);
        var after = arguments.GetValueOrDefault(ConnectionField.After) as string;
        var before = arguments.GetValueOrDefault(ConnectionField.Before) as string;

        var where = arguments.GetValueOrDefault(ConnectionField.Where);
        FilterGuard.Check(type, where, limits.Filters);
        var filter = FilterTranslator.Translate(type, where);
        var query = filter is null ? source : source.Where(filter);
        var keys = SortTypeBuilder.Keys(type, arguments.GetValueOrDefault(ConnectionField.Order));
        // Decode both cursors before touching the database, so a bad cursor costs no query.
        var afterValues = after is null ? null : Cursor.Decode(keys, after, ConnectionField.After);
        var beforeValues = before is null ? null : Cursor.Decode(keys, before, ConnectionField.Before);

        var selection = ConnectionSelection.Of(context, type, type.ConnectionType);
        int? totalCount = selection.TotalCount ? await query.CountAsync(context.CancellationToken).ConfigureAwait(false) : null;
        if (!selection.NeedsRows)
        {
            return new Connection { Edges = [], Nodes = [], PageInfo = new PageInfo(false, false, null, null), TotalCount = totalCount };
        }

        // "last" reads the order backwards from the end (or from "before") and flips the page afterwards.
        var backward = last is not null;
        var size = last ?? first ?? limits.DefaultPageSize;
        if (afterValues is not null) query = query.Where(Keyset.Beyond<T>(keys, afterValues, reverse: false));
        if (beforeValues is not null) query = query.Where(Keyset.Beyond<T>(keys, beforeValues, reverse: true));
        query = SortTypeBuilder.Apply(query, keys, reverse: backward);
        var projection = Projection.For<T>(type, selection.NodeFields, keys.Select(k => k.Property));
        // One row more than the page tells whether another page follows, without a COUNT.
        var rows = await query.Select(projection).Take(size + 1).AsNoTracking().ToListAsync(context.CancellationToken).ConfigureAwait(false);
        var hasMore = rows.Count > size;
        if (hasMore) rows.RemoveAt(rows.Count - 1);
        if (backward) rows.Reverse();

        var edges = new List<Edge>(rows.Count);
        var nodes = new List<object>(rows.Count);
        foreach (var row in rows)
        {
            // Cursors read the sort keys from the entity row; the node may be another type (QueryableType.Over).
            var node = type.ToNode(row);
            edges.Add(new Edge(Cursor.Encode(keys, row), node));
            nodes.Add(node);
        }
        // Relay: across a cursor, the other direction is known to have items (the cursor's own row, at least).
        var pageInfo = new PageInfo(
            HasNextPage: backward ? beforeValues is not null : hasMore,
            HasPreviousPage: backward ? hasMore : afterValues is not null,
            StartCursor: edges.Count > 0 ? edges[0].Cursor : null,
            EndCursor: edges.Count > 0 ? edges[^1].Cursor : null);
        return new Connection { Edges = edges, Nodes = nodes, PageInfo = pageInfo, TotalCount = totalCount };
    }

    private static int? PageSize(IReadOnlyDictionary<string, object?> arguments, string name, ConnectionOptions limits)
    {
        if (arguments.GetValueOrDefault(name) is not int size) return null;
        if (size < 0) throw new GraphQLException(QueryingErrors.NegativePageSize(name), QueryingErrors.ValidationCode);
        if (size > limits.MaxPageSize)
            throw new GraphQLException(QueryingErrors.PageSizeTooLarge(name, size, limits.MaxPageSize), QueryingErrors.ValidationCode);
        return size;
    }
}
