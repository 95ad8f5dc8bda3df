using Memento.Domain.Model;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Memento.Domain.Data.Conversions;

// The manual's short codes (Model/ManualCodes) as the stored values, so exports and SQL read as the manual describes.

internal sealed class AnnotationStatusConverter() : ValueConverter<AnnotationStatus, string>(
    v => ManualCodes.Code(v), v => ManualCodes.StoredAnnotationStatus(v));

internal sealed class ImageTypeConverter() : ValueConverter<ImageType, string>(
    v => ManualCodes.Code(v), v => ManualCodes.StoredImageType(v));

internal sealed class PermissionRoleConverter() : ValueConverter<PermissionRole, string>(
    v => ManualCodes.Code(v), v => ManualCodes.StoredRole(v));
