using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Memento.Domain.Model;
using Memento.Domain.Services.Common;
using Memento.Domain.Services.Images;
using Memento.Domain.Services.Projects;
using Microsoft.EntityFrameworkCore;

namespace Memento.Domain.Services.ShareLinks;

/// <summary>A quick share just started: the image (processing, or ready for a URL) and its link's one-time token.</summary>
public sealed record QuickShare(ImageInfo Image, CreatedShareLink Link);

/// <summary>
/// The manual's "Share image": one image shared by link without setting up a project. Every image lives in a
/// project, so quick shares go to a project the sharer owns, named <see cref="ProjectName"/> and created on first
/// use; the sharer administers it like any of their projects (and may delete shares there). Who may share: whoever
/// may create projects (<see cref="AccessPolicy.CanCreateProjectsAsync"/>: system administrators and holders of the
/// system-level proadm code), the same people the navigation and the home page offer it to.
/// </summary>
public sealed class QuickShareService(MementoDbContext db, AccessPolicy policy, ProjectService projects,
    ImageService images, ImageLifecycle lifecycle, ShareLinkService links, TimeProvider clock)
{
    public const string ProjectName = "Shared images";

    /// <summary>
    /// Registers the image (a file streamed to disk already, or an external URL), queues its tiling and creates its
    /// share link at once, so the link works as soon as the tiles exist. Exactly one of file and URL.
    /// </summary>
    public async Task<QuickShare> ShareAsync(Caller caller, string displayName, int formatCode, IncomingFile? file,
        string? url, TimeSpan? lifetime = null, CancellationToken ct = default)
    {
        caller.RequireUserId();
        // The share lives in a project of the sharer's own, so sharing is for those who may create projects.
        if (!await policy.CanCreateProjectsAsync(caller, ct))
            throw MementoException.Forbidden("Sharing images is for those who may create projects.");
        var hasUrl = !string.IsNullOrWhiteSpace(url);
        if ((file is null) == !hasUrl)
            throw MementoException.Validation("file", "Choose a file or give a remote URL (one of them).");
        if (file is { Length: 0 }) throw MementoException.Validation("file", "The file is empty.");
        // Validated before anything is saved, so a bad input leaves no project or record behind.
        ManualCodes.ImageFormat(formatCode);
        if (hasUrl) ImageUrls.ExternalUrl(url);
        var name = Inputs.Name(displayName, max: 200);
        var projectId = await OwnProjectAsync(caller, ct);
        var imageName = await FreeNameAsync(projectId, name, ct);
        // Formats 4 and 5 are pyramids of tiles (the manual's type 'T'); 1-3 are flat pictures.
        var type = hasUrl ? "E" : formatCode >= 4 ? "T" : "";
        var image = await images.CreateAsync(caller, projectId, imageName, formatCode, type, hasUrl ? url : null,
            file?.FileName, ct);
        if (file is not null)
        {
            try
            {
                await lifecycle.QueueIngestAsync(image.Id, file, ct);
            }
            catch
            {
                await lifecycle.DeleteAsync(caller, image.Id, CancellationToken.None);
                throw;
            }
        }
        var link = await links.CreateAsync(caller, null, image.Id, lifetime, ct);
        return new QuickShare(await images.GetAsync(caller, image.Id, ct), link);
    }

    /// <summary>The caller's own quick-share project, created on first use (race-safe through the unique name).</summary>
    private async Task<long> OwnProjectAsync(Caller caller, CancellationToken ct)
    {
        var userId = caller.RequireUserId();
        Task<long?> Find() => db.Projects.Where(p => p.OwnerId == userId && p.Name == ProjectName)
            .Select(p => (long?)p.Id).SingleOrDefaultAsync(ct);
        if (await Find() is { } id) return id;
        try
        {
            return (await projects.CreateAsync(caller, ProjectName, "", ct)).Id;
        }
        catch (MementoException e) when (e.Code == ErrorCode.Conflict)
        {
            if (await Find() is { } again) return again;
            throw;
        }
    }

    /// <summary>Image names are unique per project: a repeated display name gets the time of the share appended.</summary>
    private async Task<string> FreeNameAsync(long projectId, string name, CancellationToken ct)
    {
        if (!await db.Images.AnyAsync(i => i.ProjectId == projectId && i.Name == name, ct)) return name;
        var stamped = $"{name} ({clock.GetUtcNow():yyyy-MM-dd HH:mm:ss})";
        for (var n = 2; await db.Images.AnyAsync(i => i.ProjectId == projectId && i.Name == stamped, ct); n++)
            stamped = $"{name} ({clock.GetUtcNow():yyyy-MM-dd HH:mm:ss} {n})";
        return stamped;
    }
}
