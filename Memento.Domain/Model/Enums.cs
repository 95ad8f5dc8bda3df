namespace Memento.Domain.Model;

// Enums are stored as their names (strings) so rows read well in SQL and survive reordering of members.
// The few with codes from the manual (annotation status, image type, permission role) are stored as those codes;
// see their converters in Data/Conversions/Codes.cs.

/// <summary>Who can see a project without a permission.</summary>
public enum ProjectVisibility { Private, Public }

/// <summary>Review state of an annotation; stored as the manual's codes 'N' and 'S'.</summary>
public enum AnnotationStatus { New, Submitted }

/// <summary>What a layer shows.</summary>
public enum LayerKind { Image, Drawing, Group }

/// <summary>How an image is stored; stored as the manual's codes '' (standard), 'T' (tiled), 'E' (external URL).</summary>
public enum ImageType { Standard, Tiled, External }

/// <summary>Where an image is in ingest.</summary>
public enum ImageProcessingState { Pending, Processing, Ready, Failed }

/// <summary>Geometric primitive of a region of interest.</summary>
public enum RegionShape { Point, Line, Polyline, Polygon, Rectangle }

/// <summary>Permission roles; stored as the manual's codes (sysadm, proadm, …).</summary>
public enum PermissionRole
{
    /// <summary>System administrator; no scope.</summary>
    SysAdm,
    /// <summary>Project administrator; scope is a project id.</summary>
    ProAdm,
    /// <summary>Project participant; scope is a project id.</summary>
    ProPar,
    /// <summary>Category participant; scope is a category id.</summary>
    CatPar,
    /// <summary>Annotation participant; scope is an annotation id.</summary>
    AnnPar,
    /// <summary>Project viewer; scope is a project id.</summary>
    ProVie,
    /// <summary>Category viewer; scope is a category id.</summary>
    CatVie,
    /// <summary>Annotation viewer; scope is an annotation id.</summary>
    AnnVie,
}

/// <summary>Life cycle of a background job.</summary>
public enum BackgroundJobState { Queued, Running, Succeeded, Failed }
