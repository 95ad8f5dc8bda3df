using Memento.Domain.Authorization;
using Memento.Domain.Model;
using Memento.Domain.Services.Categories;
using Memento.Domain.Services.Classifications;
using Memento.Domain.Services.Images;
using Memento.Domain.Services.Labels;
using Memento.Domain.Services.Permissions;
using Memento.Domain.Services.Projects;
using Memento.Domain.Services.Reports;
using Microsoft.EntityFrameworkCore;

namespace Memento.Server.Pages.ProjectEditor;

/// <summary>
/// Reads the project editor through the domain services with the caller's rights: first the administrator check
/// (readers who may not administer are refused: the viewer is their page), then each list one page at a time.
/// </summary>
public sealed class ProjectEditorLoader(AccessPolicy policy, ProjectService projects, LabelService labels,
    CategoryService categories, ClassificationService classifications, ImageService images,
    PermissionService permissions, ReportService reports, IImageFiles files)
{
    private const int NamesShown = 5;

    /// <summary>FORBIDDEN / NOT_FOUND / UNAUTHENTICATED unless the caller administers the project.</summary>
    public Task RequireAdministerAsync(Caller caller, long projectId, CancellationToken ct) =>
        policy.RequireAdministerProjectAsync(caller, projectId, ct);

    public async Task<ProjectEditorModel> LoadAsync(Caller caller, long projectId, EditorPaging paging,
        FormFailure? failure, CancellationToken ct)
    {
        await RequireAdministerAsync(caller, projectId, ct);
        var project = await projects.GetAsync(caller, projectId, ct);
        var labelPage = await Paged<LabelInfo>.ReadAsync(await labels.InProjectAsync(caller, projectId, ct), paging.Labels, ct);
        // Already ordered by name in the domain (a projection, so it cannot be re-ordered here).
        var categoryPage = await Paged<CategoryInfo>.ReadAsync(await categories.ListAsync(caller, projectId, ct), paging.Categories, ct);
        var classificationPage = await Paged<ClassificationInfo>.ReadAsync(
            (await classifications.InProjectAsync(caller, projectId, ct)).OrderBy(c => c.Name).ThenBy(c => c.Id)
                .Select(c => new ClassificationInfo(c.Id, c.ProjectId, c.Name, c.TypeCode, c.OptionData)),
            paging.Classifications, ct);
        var imagePage = await Paged<ImageInfo>.ReadAsync(
            (await images.VisibleInProjectAsync(caller, projectId, ct)).OrderBy(i => i.Name).ThenBy(i => i.Id)
                .Select(ImageService.ToInfo), paging.Images, ct);
        var rows = new Paged<ImageRowModel>(imagePage.Items.Select(i => Row(caller, i)).ToList(), imagePage.Page, imagePage.HasNext);
        return new ProjectEditorModel(project, labelPage, categoryPage, classificationPage, rows,
            await MembersAsync(caller, projectId, ct), await reports.SummaryAsync(caller, projectId, ct), paging, failure);
    }

    /// <summary>One image's row (the fragment a processing row polls).</summary>
    public async Task<ImageRowModel> LoadImageAsync(Caller caller, long projectId, long imageId, CancellationToken ct)
    {
        await RequireAdministerAsync(caller, projectId, ct);
        var image = await images.GetAsync(caller, imageId, ct);
        // An image of another project is not this editor's, whatever the caller may do there.
        if (image.ProjectId != projectId) throw MementoException.NotFound("Image", imageId);
        return Row(caller, image);
    }

    private ImageRowModel Row(Caller caller, ImageInfo image) =>
        new(image.ProjectId, image, ImageFileUrls.Thumbnail(files, image, caller));

    private async Task<MembersSummary> MembersAsync(Caller caller, long projectId, CancellationToken ct)
    {
        var members = await permissions.MembersAsync(caller, RoleScope.Project, projectId, ct);
        var participants = members.Where(p => p.Role == PermissionRole.ProPar);
        var viewers = members.Where(p => p.Role == PermissionRole.ProVie);
        return new MembersSummary(
            await participants.CountAsync(ct), await viewers.CountAsync(ct),
            await participants.OrderBy(p => p.User.UserName).Select(p => p.User.UserName).Take(NamesShown).ToListAsync(ct),
            await viewers.OrderBy(p => p.User.UserName).Select(p => p.User.UserName).Take(NamesShown).ToListAsync(ct));
    }
}
