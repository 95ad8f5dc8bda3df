using Memento.Domain.Model;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Memento.Domain.Data.Conversions;

/// <summary>The manual's short codes for a few enums, so exports and SQL read as the manual describes them.</summary>
public static class Codes
{
    public static string Of(AnnotationStatus status) => status == AnnotationStatus.Submitted ? "S" : "N";

    public static AnnotationStatus AnnotationStatusOf(string code) => code switch
    {
        "N" => AnnotationStatus.New,
        "S" => AnnotationStatus.Submitted,
        _ => throw new FormatException($"Unknown annotation status code '{code}'."),
    };

    public static string Of(ImageType type) => type switch
    {
        ImageType.Tiled => "T",
        ImageType.External => "E",
        _ => "",
    };

    public static ImageType ImageTypeOf(string code) => code switch
    {
        "" => ImageType.Standard,
        "T" => ImageType.Tiled,
        "E" => ImageType.External,
        _ => throw new FormatException($"Unknown image type code '{code}'."),
    };

    public static string Of(PermissionRole role) => role.ToString().ToLowerInvariant();

    public static PermissionRole PermissionRoleOf(string code) =>
        Enum.TryParse<PermissionRole>(code, ignoreCase: true, out var role) && code == Of(role)
            ? role
            : throw new FormatException($"Unknown permission role '{code}'.");
}

internal sealed class AnnotationStatusConverter() : ValueConverter<AnnotationStatus, string>(
    v => Codes.Of(v), v => Codes.AnnotationStatusOf(v));

internal sealed class ImageTypeConverter() : ValueConverter<ImageType, string>(
    v => Codes.Of(v), v => Codes.ImageTypeOf(v));

internal sealed class PermissionRoleConverter() : ValueConverter<PermissionRole, string>(
    v => Codes.Of(v), v => Codes.PermissionRoleOf(v));
