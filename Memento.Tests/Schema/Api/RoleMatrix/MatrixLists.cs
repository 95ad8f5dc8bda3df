using System.Text.Json;

namespace Memento.Tests.Schema.Api.RoleMatrix;

/// <summary>
/// The one place that knows how the matrix selects and reads a top-level list field (users, images, myProjects,
/// comments, classifications, shareLinks, members). All but myProjects are Relay
/// connections: <see cref="Select"/> wraps the selection in the connection's nodes and <see cref="Items"/> reads
/// both shapes, so no row changes.
/// </summary>
public static class MatrixLists
{
    /// <summary>The field with its arguments (e.g. "projectId: $p", or "" for none) and the selection of each item.</summary>
    public static string Select(string field, string arguments, string itemSelection)
    {
        var selection = Connections.Contains(field) ? $"nodes {{ {itemSelection} }}" : itemSelection;
        return arguments.Length == 0 ? $"{field} {{ {selection} }}" : $"{field}({arguments}) {{ {selection} }}";
    }

    /// <summary>The lists served as Relay connections (myProjects stays a plain list for scripts).</summary>
    private static readonly HashSet<string> Connections =
        ["users", "projects", "images", "comments", "classifications", "shareLinks", "members", "apiTokens"];

    /// <summary>The items of a list field's value: a plain list, or a connection's nodes or edges' nodes.</summary>
    public static IEnumerable<JsonElement> Items(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Array) return value.EnumerateArray();
        if (value.TryGetProperty("nodes", out var nodes)) return nodes.EnumerateArray();
        return value.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node"));
    }
}
