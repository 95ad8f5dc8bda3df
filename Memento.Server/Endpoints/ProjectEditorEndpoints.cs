using Memento.Domain.Authorization;
using Memento.Domain.Services.Categories;
using Memento.Domain.Services.Classifications;
using Memento.Domain.Services.Images;
using Memento.Domain.Services.Labels;
using Memento.Domain.Services.Projects;
using Memento.Server.Pages.ProjectEditor;
using Memento.Server.Pages.Shell;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Memento.Server.Endpoints;

/// <summary>
/// The project editor (/projects/{id}) for whoever administers the project. Every handler calls the domain services
/// with the page's caller, so the access policy and the messages are the API's. A plain post is answered with 303
/// back to the editor (or the page again with the message next to the field, 400); an htmx post with the section
/// that changed.
/// </summary>
public static class ProjectEditorEndpoints
{
    // Classes, not positional records: the form binder leaves absent fields null instead of failing.
    public sealed class ProjectForm { public string? Name { get; set; } public string? Settings { get; set; } }
    public sealed class NameForm { public string? Name { get; set; } }
    public sealed class EmptyForm { }
    public sealed class ImageForm
    {
        public string? Name { get; set; }
        public string? Format { get; set; }
        public string? Type { get; set; }
        public string? Url { get; set; }
        public IFormFile? File { get; set; }
    }

    /// <summary>The editor's reader (scoped: it uses the request's domain services).</summary>
    public static IServiceCollection AddProjectEditorPages(this IServiceCollection services) =>
        services.AddScoped<ProjectEditorLoader>();

    public static IEndpointRouteBuilder MapProjectEditorPages(this IEndpointRouteBuilder app)
    {
        var project = app.MapGroup("/projects/{id:long}").WithPageFailures();
        project.MapGet("", Show);
        project.MapPost("", Edit);
        project.MapGet("/delete", ConfirmRemove);
        project.MapPost("/delete", Remove);
        project.MapPost("/labels", AddLabel);
        project.MapPost("/labels/{labelId:long}/rename", RenameLabel);
        project.MapPost("/labels/{labelId:long}/delete", DeleteLabel);
        project.MapPost("/categories", AddCategory);
        project.MapPost("/classifications", AddClassification);
        project.MapPost("/classifications/{classificationId:long}/rename", RenameClassification);
        project.MapPost("/classifications/{classificationId:long}/delete", DeleteClassification);
        project.MapGet("/images/{imageId:long}", ShowImage);
        project.MapPost("/images", AddImage);
        project.MapPost("/images/{imageId:long}/replace", ReplaceImage);
        project.MapPost("/images/{imageId:long}/delete", DeleteImage);
        return app;
    }

    private static async Task<IResult> Show(HttpContext http, long id, ProjectEditorLoader loader)
    {
        var session = await PageSessions.ForAsync(http);
        var model = await loader.LoadAsync(session.Caller, id, EditorPaging.From(http.Request), null, http.RequestAborted);
        return Html.Page<ProjectEditorPage>(new { Session = session, Model = model });
    }

    private static Task<IResult> Edit(HttpContext http, long id, ProjectEditorLoader loader, ProjectService projects,
        [FromForm] ProjectForm form) =>
        Act<EditProjectSection>(http, id, loader, "edit", "edit", Values(("name", form.Name), ("settings", form.Settings)),
            async (caller, ct) =>
            {
                // Settings first: both are validated before either is saved, so a bad settings string keeps the old name too.
                ProjectSettings.Validate(form.Settings);
                await loader.RequireAdministerAsync(caller, id, ct);
                var current = await projects.GetAsync(caller, id, ct);
                if (current.Name != (form.Name ?? "").Trim()) await projects.RenameAsync(caller, id, form.Name ?? "", ct);
                await projects.SetSettingsAsync(caller, id, form.Settings, ct);
            });

    private static async Task<IResult> ConfirmRemove(HttpContext http, long id, ProjectEditorLoader loader, ProjectService projects)
    {
        var session = await PageSessions.ForAsync(http);
        await loader.RequireAdministerAsync(session.Caller, id, http.RequestAborted);
        var project = await projects.GetAsync(session.Caller, id, http.RequestAborted);
        return Html.Page<RemoveProjectPage>(new { Session = session, Project = project });
    }

    private static async Task<IResult> Remove(HttpContext http, long id, ProjectService projects, [FromForm] EmptyForm form)
    {
        var session = await PageSessions.ForAsync(http);
        // The domain removes the rows and then the image directories (files included).
        await projects.DeleteAsync(session.Caller, id, http.RequestAborted);
        return Htmx.SeeOther(http, "/projects");
    }

    private static Task<IResult> AddLabel(HttpContext http, long id, ProjectEditorLoader loader, LabelService labels,
        [FromForm] NameForm form) =>
        Act<LabelsSection>(http, id, loader, "labels", "add-label", Values(("name", form.Name)),
            (caller, ct) => labels.CreateAsync(caller, id, form.Name ?? "", ct));

    private static Task<IResult> RenameLabel(HttpContext http, long id, long labelId, ProjectEditorLoader loader,
        LabelService labels, [FromForm] NameForm form) =>
        Act<LabelsSection>(http, id, loader, "labels", $"rename-label-{labelId}", Values(("name", form.Name)),
            async (caller, ct) => { await RequireLabelOfAsync(labels, caller, id, labelId, ct); await labels.RenameAsync(caller, labelId, form.Name ?? "", ct); });

    private static Task<IResult> DeleteLabel(HttpContext http, long id, long labelId, ProjectEditorLoader loader,
        LabelService labels, [FromForm] EmptyForm form) =>
        Act<LabelsSection>(http, id, loader, "labels", $"rename-label-{labelId}", Values(),
            async (caller, ct) => { await RequireLabelOfAsync(labels, caller, id, labelId, ct); await labels.DeleteAsync(caller, labelId, ct); });

    private static Task<IResult> AddCategory(HttpContext http, long id, ProjectEditorLoader loader,
        CategoryService categories, [FromForm] NameForm form) =>
        Act<CategoriesSection>(http, id, loader, "categories", "add-category", Values(("name", form.Name)),
            (caller, ct) => categories.CreateAsync(caller, id, form.Name ?? "", ct: ct));

    private static Task<IResult> AddClassification(HttpContext http, long id, ProjectEditorLoader loader,
        ClassificationService classifications, [FromForm] NameForm form) =>
        Act<ClassificationsSection>(http, id, loader, "classifications", "add-classification", Values(("name", form.Name)),
            (caller, ct) => classifications.CreateAsync(caller, id, form.Name ?? "", ct: ct));

    private static Task<IResult> RenameClassification(HttpContext http, long id, long classificationId,
        ProjectEditorLoader loader, ClassificationService classifications, [FromForm] NameForm form) =>
        Act<ClassificationsSection>(http, id, loader, "classifications", $"rename-classification-{classificationId}",
            Values(("name", form.Name)),
            async (caller, ct) =>
            {
                await RequireClassificationOfAsync(classifications, caller, id, classificationId, ct);
                await classifications.RenameAsync(caller, classificationId, form.Name ?? "", ct);
            });

    private static Task<IResult> DeleteClassification(HttpContext http, long id, long classificationId,
        ProjectEditorLoader loader, ClassificationService classifications, [FromForm] EmptyForm form) =>
        Act<ClassificationsSection>(http, id, loader, "classifications", $"rename-classification-{classificationId}", Values(),
            async (caller, ct) =>
            {
                await RequireClassificationOfAsync(classifications, caller, id, classificationId, ct);
                await classifications.DeleteAsync(caller, classificationId, ct);
            });

    /// <summary>A processing row polls this; a plain request gets the editor at the image's row.</summary>
    private static async Task<IResult> ShowImage(HttpContext http, long id, long imageId, ProjectEditorLoader loader)
    {
        var session = await PageSessions.ForAsync(http);
        var row = await loader.LoadImageAsync(session.Caller, id, imageId, http.RequestAborted);
        if (!session.WantsFragment) return Results.Redirect($"/projects/{id}#image-{imageId}");
        http.Response.Headers.Vary = "HX-Request";
        return new RazorComponentResult<ImageRow>(new { Session = session, Row = row });
    }

    private static Task<IResult> AddImage(HttpContext http, long id, ProjectEditorLoader loader, ImageUploads uploads,
        [FromForm] ImageForm form) =>
        Act<ImagesSection>(http, id, loader, "images", "add-image",
            Values(("name", form.Name), ("format", form.Format), ("type", form.Type), ("url", form.Url)),
            async (caller, ct) =>
            {
                var file = form.File is { Length: > 0 } posted ? new FormIncomingFile(posted) : null;
                var name = string.IsNullOrWhiteSpace(form.Name) ? Path.GetFileName(file?.FileName ?? form.Url ?? "") : form.Name;
                await uploads.UploadAsync(caller, id, name, Format(form.Format), form.Type, form.Url, file, ct);
            });

    private static Task<IResult> ReplaceImage(HttpContext http, long id, long imageId, ProjectEditorLoader loader,
        ImageUploads uploads, [FromForm] ImageForm form) =>
        Act<ImagesSection>(http, id, loader, "images", $"replace-image-{imageId}", Values(),
            async (caller, ct) =>
            {
                await loader.LoadImageAsync(caller, id, imageId, ct);
                if (form.File is not { Length: > 0 } posted)
                    throw MementoException.Validation("file", "Choose the new file for the image.");
                await uploads.ReplaceAsync(caller, imageId, Format(form.Format), new FormIncomingFile(posted), ct);
            });

    private static Task<IResult> DeleteImage(HttpContext http, long id, long imageId, ProjectEditorLoader loader,
        ImageLifecycle lifecycle, [FromForm] EmptyForm form) =>
        Act<ImagesSection>(http, id, loader, "images", $"delete-image-{imageId}", Values(),
            async (caller, ct) =>
            {
                await loader.LoadImageAsync(caller, id, imageId, ct);
                await lifecycle.DeleteAsync(caller, imageId, ct);
            });

    /// <summary>
    /// Runs one form's action. Success: 303 to the editor's section (plain) or the section's fragment (htmx).
    /// VALIDATION or CONFLICT: the page (plain) or the section (htmx) with the message next to the form and what
    /// the user typed, status 400. Refusals escape to <see cref="PageFailures"/> (403, 404, login).
    /// </summary>
    private static async Task<IResult> Act<TSection>(HttpContext http, long id, ProjectEditorLoader loader,
        string section, string form, IReadOnlyDictionary<string, string?> values, Func<Caller, CancellationToken, Task> action)
        where TSection : IComponent
    {
        var session = await PageSessions.ForAsync(http);
        var ct = http.RequestAborted;
        FormFailure? failure = null;
        // Administrators only, before anything is validated: an outsider learns nothing from a form's messages.
        await loader.RequireAdministerAsync(session.Caller, id, ct);
        try
        {
            await action(session.Caller, ct);
        }
        catch (MementoException e) when (e.Code is ErrorCode.Validation or ErrorCode.Conflict)
        {
            failure = new FormFailure(form, e.Message, e.Field, values);
        }
        if (failure is null && !session.WantsFragment) return Htmx.SeeOther(http, $"/projects/{id}#{section}");
        var model = await loader.LoadAsync(session.Caller, id, EditorPaging.From(http.Request), failure, ct);
        return Htmx.PageOrFragment<ProjectEditorPage, TSection>(http, new { Session = session, Model = model },
            failure is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private static IReadOnlyDictionary<string, string?> Values(params (string Key, string? Value)[] values) =>
        values.ToDictionary(v => v.Key, v => v.Value);

    /// <summary>A format the form did not send (or garbled) is the domain's to refuse, with its message.</summary>
    private static int Format(string? value) => int.TryParse(value, out var code) ? code : 0;

    // A label or classification of another project is not this editor's: NOT_FOUND, as if it did not exist here.
    private static async Task RequireLabelOfAsync(LabelService labels, Caller caller, long projectId, long labelId, CancellationToken ct)
    {
        if ((await labels.GetAsync(caller, labelId, ct)).ProjectId != projectId) throw MementoException.NotFound("Label", labelId);
    }

    private static async Task RequireClassificationOfAsync(ClassificationService classifications, Caller caller,
        long projectId, long classificationId, CancellationToken ct)
    {
        var query = await classifications.InProjectAsync(caller, projectId, ct);
        if (!await query.AnyAsync(c => c.Id == classificationId, ct)) throw MementoException.NotFound("Classification", classificationId);
    }
}
