namespace Memento.Domain.Services.Reports;

/// <summary>The manual's project_summary: counts over what the caller can see.</summary>
public sealed record ProjectSummary(int TotalParticipants, int TotalAnnotations, int TotalAnnotationsSubmitted,
    int TotalAnnotationsShared);

/// <summary>One row per annotation, the manual's project_data columns.</summary>
public sealed record ProjectDataRow(string Project, string Category, string Classification, string Annotation,
    string Image, string Status, string Label, string ImageUri);

/// <summary>One row per drawing layer with regions; <see cref="Data"/> is the JSON list of its regions.</summary>
public sealed record ProjectRoiRow(string Project, string Category, string Annotation, string Layer, string Data);

public sealed record ProjectCommentRow(string Project, string Category, string Annotation, string Layer, string Content);
