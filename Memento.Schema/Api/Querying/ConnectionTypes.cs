using Memento.GraphQL.Types;

namespace Memento.Schema.Api.Querying;

/// <summary>The Relay connection types: <c>&lt;T&gt;Connection</c>, <c>&lt;T&gt;Edge</c> and the shared <c>PageInfo</c>.</summary>
public static class ConnectionTypes
{
    /// <summary>One PageInfo for every connection in a schema.</summary>
    public static readonly ObjectType PageInfo = BuildPageInfo();

    internal static ObjectType Build(ObjectType node)
    {
        var edge = new ObjectType(node.Name + "Edge", $"A {node.Name} and its cursor.");
        edge.AddField("cursor", ScalarType.String.NonNull(), description: "Pass as after or before to continue from this item.");
        edge.AddField("node", node.NonNull(), description: "The item.");

        var connection = new ObjectType(node.Name + "Connection", $"A page of {node.Name} items.");
        connection.AddField("edges", edge.NonNull().List().NonNull(), description: "The items with their cursors.");
        connection.AddField("nodes", node.NonNull().List().NonNull(), description: "The items, when cursors are not needed.");
        connection.AddField("pageInfo", PageInfo.NonNull(), description: "Whether more pages exist, and cursors to reach them.");
        connection.AddField("totalCount", ScalarType.Int.NonNull(), description: "How many items match, over all pages; counted only when asked for.");
        return connection;
    }

    private static ObjectType BuildPageInfo()
    {
        var type = new ObjectType("PageInfo", "Where a page lies in its list (Relay cursor connections).");
        type.AddField("hasNextPage", ScalarType.Boolean.NonNull(), description: "More items follow this page.");
        type.AddField("hasPreviousPage", ScalarType.Boolean.NonNull(), description: "Items precede this page.");
        type.AddField("startCursor", ScalarType.String, description: "The first item's cursor; null for an empty page.");
        type.AddField("endCursor", ScalarType.String, description: "The last item's cursor; null for an empty page.");
        return type;
    }
}

/// <summary>The value a connection field resolves to; read by the default resolver.</summary>
public sealed class Connection
{
    public required IReadOnlyList<Edge> Edges { get; init; }
    public required IReadOnlyList<object> Nodes { get; init; }
    public required PageInfo PageInfo { get; init; }
    /// <summary>Null when not selected, so no COUNT ran.</summary>
    public int? TotalCount { get; init; }
}

public sealed record Edge(string Cursor, object Node);

public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);
