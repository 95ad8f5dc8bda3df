using Memento.Domain.Authorization;

namespace Memento.Domain.Model;

/// <summary>
/// Every short code of the manual, in one place: annotation status letters (N, S), image type letters ('', T, E),
/// image format codes (1-5) and permission codes (sysadm, proadm, propar, …). The database stores these codes
/// (Data/Conversions), exports and the API show them, and input parsing reads them — all through this class.
/// Parsing what a user typed answers a VALIDATION error; reading a stored code that is not one is a corrupt row.
/// </summary>
public static class ManualCodes
{
    // --- annotation status ---

    public static string Code(AnnotationStatus status) => status == AnnotationStatus.Submitted ? "S" : "N";

    public static AnnotationStatus StoredAnnotationStatus(string code) => code switch
    {
        "N" => AnnotationStatus.New,
        "S" => AnnotationStatus.Submitted,
        _ => throw new FormatException($"Unknown annotation status code '{code}'."),
    };

    // --- image type and format ---

    public static string Code(ImageType type) => type switch
    {
        ImageType.Tiled => "T",
        ImageType.External => "E",
        _ => "",
    };

    public static ImageType StoredImageType(string code) => code switch
    {
        "" => ImageType.Standard,
        "T" => ImageType.Tiled,
        "E" => ImageType.External,
        _ => throw new FormatException($"Unknown image type code '{code}'."),
    };

    /// <summary>A type letter a user gave: '', 'T' or 'E', any case, spaces ignored.</summary>
    public static ImageType ParseImageType(string? code) => (code ?? "").Trim().ToUpperInvariant() switch
    {
        "" => Model.ImageType.Standard,
        "T" => Model.ImageType.Tiled,
        "E" => Model.ImageType.External,
        _ => throw MementoException.Validation("typeCode", "The image type must be '', 'T' or 'E'."),
    };

    /// <summary>1 RGB JPEG ≤2048, 2 RGBA PNG ≤2048, 3 RGBA PNG full size, 4 JPEG tiles, 5 PNG tiles.</summary>
    public static int ImageFormat(int code) => code is >= 1 and <= 5 ? code
        : throw MementoException.Validation("formatCode", "The image format code must be 1, 2, 3, 4 or 5.");

    // --- permission roles ---

    private static readonly Dictionary<string, PermissionRole> RolesByCode = new(StringComparer.Ordinal)
    {
        ["sysadm"] = PermissionRole.SysAdm, ["proadm"] = PermissionRole.ProAdm,
        ["propar"] = PermissionRole.ProPar, ["catpar"] = PermissionRole.CatPar, ["annpar"] = PermissionRole.AnnPar,
        ["provie"] = PermissionRole.ProVie, ["catvie"] = PermissionRole.CatVie, ["annvie"] = PermissionRole.AnnVie,
    };

    private static readonly Dictionary<PermissionRole, string> CodesByRole = RolesByCode.ToDictionary(p => p.Value, p => p.Key);

    public static string Code(PermissionRole role) => CodesByRole[role];

    /// <summary>A permission code a user gave, any case, spaces ignored.</summary>
    public static bool TryParseRole(string code, out PermissionRole role) =>
        RolesByCode.TryGetValue(code.Trim().ToLowerInvariant(), out role);

    public static PermissionRole StoredRole(string code) =>
        RolesByCode.TryGetValue(code, out var role) ? role : throw new FormatException($"Unknown permission role '{code}'.");
}
