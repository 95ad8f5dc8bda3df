using Memento.GraphQL.CodeFirst;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;
using Memento.Schema.Api.Loaders;
using Memento.Domain.Authorization;
using Memento.Domain.Model;
using Memento.Domain.Services.Images;
using Microsoft.EntityFrameworkCore;

namespace Memento.Schema.Api.Images;

/// <summary>
/// The manual's new_image / get_or_upload_image: format code 1-5, type '' (standard), 'T' (tiled) or 'E' (external:
/// <c>url</c> is stored, never fetched, and no file is read). Other types need <c>file</c>, the multipart upload.
/// </summary>
public sealed record UploadImageInput(long ProjectId, string Name, int Format, string? Type, string? Url,
    IUploadedFile? File);

/// <summary>
/// Null leaves a value unchanged; an empty originUrl or nature clears it; licences (SPDX ids) replaces them all.
/// </summary>
public sealed record UpdateImageMetadataInput(long Id, string? Name, string? Title, string? Description,
    string? OriginUrl, string? Nature, List<string>? Licences);

/// <summary>A new file for an image: processed again, its old tiles removed once the new ones are queued.</summary>
public sealed record ReplaceImageFileInput(long Id, IUploadedFile File, int? Format);
