using Memento.Domain.Services.ObjectTypes;

namespace Memento.Server.Pages.Vocabulary;

/// <summary>One place of a type in the tree: under one of its parents (or at the top), with its other parents named.</summary>
public sealed record VocabularyNode(string Id, string Description, IReadOnlyList<string> OtherParents, bool Match,
    IReadOnlyList<VocabularyNode> Children);

/// <summary>
/// The object hierarchy as the vocabulary page draws it: roots are the types without parents, and a type with
/// several parents appears under each of them (marked with the others). A search keeps the types whose id or
/// description contains the text, with the path down to them and everything under them.
/// </summary>
public static class VocabularyTree
{
    /// <summary>Enough for any real vocabulary; a hierarchy whose repeats exceed it is cut, and the page says so.</summary>
    public const int MaxNodes = 5000;

    public static (IReadOnlyList<VocabularyNode> Roots, bool Cut) Build(IReadOnlyList<ObjectTypeInfo> types, string? query)
    {
        var byId = types.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var text = query?.Trim() ?? "";
        bool Matches(ObjectTypeInfo t) => text.Length > 0
            && (t.Id.Contains(text, StringComparison.OrdinalIgnoreCase) || t.Description.Contains(text, StringComparison.OrdinalIgnoreCase));
        // A type is shown when it matches, when a type under it matches (the path down), or when a type above it
        // matches (what the match holds).
        HashSet<string>? shown = null;
        if (text.Length > 0)
        {
            var matched = types.Where(Matches).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
            shown = [.. matched, .. types.Where(t => matched.Contains(t.Id)).SelectMany(t => t.Ancestors),
                .. types.Where(t => t.Ancestors.Any(matched.Contains)).Select(t => t.Id)];
        }
        var count = 0;
        var cut = false;

        VocabularyNode? Node(ObjectTypeInfo type, string? under, int depth)
        {
            if (shown is not null && !shown.Contains(type.Id)) return null;
            if (++count > MaxNodes || depth > 100) { cut = true; return null; }
            var children = type.Children.Select(c => byId.TryGetValue(c, out var child) ? Node(child, type.Id, depth + 1) : null)
                .OfType<VocabularyNode>().ToList();
            return new VocabularyNode(type.Id, type.Description,
                type.Parents.Where(p => p != under).ToList(), Matches(type), children);
        }

        var roots = types.Where(t => t.Parents.Count == 0).Select(t => Node(t, null, 0)).OfType<VocabularyNode>().ToList();
        return (roots, cut);
    }
}
