namespace Memento.Server.Pages.Vocabulary;

/// <summary>
/// Addresses of the vocabulary pages. A type's id is free text ("Cat (Felis catus)", even a slash), so it travels
/// in the query string, never as a path segment.
/// </summary>
public static class VocabularyLinks
{
    public static string Type(string id) => "/vocabulary/type?id=" + Uri.EscapeDataString(id);
    public static string TypeAction(string action, string id) => $"/vocabulary/type/{action}?id=" + Uri.EscapeDataString(id);
    public static string Nature(string action, string id) => $"/natures/{action}?id=" + Uri.EscapeDataString(id);
    public static string Licence(string id) => "/licences/" + Uri.EscapeDataString(id);
}
