namespace Memento.Domain.Services.Reports;

/// <summary>The project exports the server serves at <c>/projects/{id}/exports/{file}</c>, for the pages and the API alike.</summary>
public static class ExportFiles
{
    public static readonly IReadOnlyList<(string File, string Title)> All =
    [
        ("annotations.csv", "Annotation data (CSV)"),
        ("annotations.json", "Annotation data (JSON)"),
        ("comments.json", "Comments (JSON)"),
        ("rois.json", "ROIs (Fabric.js JSON)"),
        ("rois.geojson", "ROIs (GeoJSON, QuPath)"),
        ("rois.coco.json", "ROIs (COCO JSON)"),
    ];

    public static string UrlOf(long projectId, string file) => $"/projects/{projectId}/exports/{file}";
}
