namespace Memento.Domain.Datasets;

/// <summary>The server-relative paths of a picture, shared by the GraphQL fields, the dataset JSON API and the pages
/// (each surface makes them absolute where it knows the host).</summary>
public static class PictureUrls
{
    /// <summary>The original file as uploaded, served to whoever may read the picture.</summary>
    public static string Download(long id) => $"/pictures/{id}/download";

    /// <summary>The picture's page.</summary>
    public static string Page(long id) => $"/pictures/{id}";
}
