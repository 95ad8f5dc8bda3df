using System.Text.Json;

namespace Memento.Tests.Schema.Api.RoleMatrix;

/// <summary>
/// The one place that knows how the matrix selects and reads a top-level list field (users, images, myProjects,
/// comments, classifications, shareLinks, members). Today they are plain lists; when they become Relay
/// connections, <see cref="Select"/> wraps the selection in the connection's nodes (with a first: argument if
/// the server needs one) and <see cref="Items"/> already reads both shapes, so no row changes.
/// </summary>
public static class MatrixLists
{
    /// <summary>The field with its arguments (e.g. "projectId: $p", or "" for none) and the selection of each item.</summary>
    public static string Select(string field, string arguments, string itemSelection) =>
        arguments.Length == 0 ? $"{field} {{ {itemSelection} }}" : $"{field}({arguments}) {{ {itemSelection} }}";

    /// <summary>The items of a list field's value: a plain list, or a connection's nodes or edges' nodes.</summary>
    public static IEnumerable<JsonElement> Items(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Array) return value.EnumerateArray();
        if (value.TryGetProperty("nodes", out var nodes)) return nodes.EnumerateArray();
        return value.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node"));
    }
}
