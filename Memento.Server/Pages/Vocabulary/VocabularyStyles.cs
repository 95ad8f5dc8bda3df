namespace Memento.Server.Pages.Vocabulary;

/// <summary>The vocabulary pages' own stylesheet (not one of the layout's page areas).</summary>
public static class VocabularyStyles
{
    public static readonly string[] Sheets = ["/css/pages/vocabulary.css"];
}
