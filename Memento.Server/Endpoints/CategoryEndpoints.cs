using Memento.Domain.Authorization;
using Memento.Domain.Model;
using Memento.Domain.Services.Annotations;
using Memento.Domain.Services.Categories;
using Memento.Domain.Services.Classifications;
using Memento.Domain.Services.Layers;
using Memento.Server.Pages.Categories;
using Memento.Server.Pages.Shell;
using Microsoft.AspNetCore.Mvc;

namespace Memento.Server.Endpoints;

/// <summary>
/// /categories/{id}: the category editor of the project's administrators — rename, settings, linked
/// classifications, and the category's annotations (add, rename, move, delete), paged in the database.
/// </summary>
public static class CategoryEndpoints
{
    // Classes, not positional records: the form binder leaves absent fields null instead of failing.
    public sealed class NameForm { public string? Name { get; set; } public int? Page { get; set; } public string? Q { get; set; } }
    public sealed class SettingsForm { public string? Settings { get; set; } }
    public sealed class LinkForm { public string[]? Names { get; set; } }
    public sealed class AddAnnotationForm
    {
        public string? Name { get; set; } public long? ImageId { get; set; } public string? LayerName { get; set; }
        public string? LayerKind { get; set; } public string? LayerSettings { get; set; }
    }
    public sealed class MoveForm { public long? CategoryId { get; set; } public int? Page { get; set; } public string? Q { get; set; } }
    public sealed class PositionForm { public int? Page { get; set; } public string? Q { get; set; } }

    /// <summary>The pages of the category area: category editor, annotation editor, members at every scope.</summary>
    public static IEndpointRouteBuilder MapCategoryPages(this IEndpointRouteBuilder app)
    {
        var category = app.MapGroup("/categories/{id:long}").WithPageFailures();
        category.MapGet("", Show);
        category.MapGet("/images", Images);
        category.MapPost("/rename", Rename);
        category.MapPost("/settings", Settings);
        category.MapPost("/classifications", Link);
        category.MapPost("/annotations", AddAnnotation);
        category.MapPost("/annotations/{annotationId:long}/rename", RenameAnnotation);
        category.MapPost("/annotations/{annotationId:long}/move", MoveAnnotation);
        category.MapGet("/annotations/{annotationId:long}/delete", ConfirmDeleteAnnotation);
        category.MapPost("/annotations/{annotationId:long}/delete", DeleteAnnotation);
        app.MapAnnotationPages();
        app.MapMemberPages();
        return app;
    }

    private static CategoryViews Views(HttpContext http) => ActivatorUtilities.CreateInstance<CategoryViews>(http.RequestServices);

    private static async Task<IResult> Show(long id, HttpContext http, int? page, string? q, string? images) =>
        await RenderAsync(http, await PageSessions.ForAsync(http), id, ListPosition.From(page, q), images, new FormState());

    /// <summary>htmx: the image picker for the typed search (see ImageSelect).</summary>
    private static async Task<IResult> Images(long id, HttpContext http, string? images)
    {
        var session = await PageSessions.ForAsync(http);
        var views = Views(http);
        var category = await views.RequireAdministeredAsync(session.Caller, id, http.RequestAborted);
        if (!session.WantsFragment) return Results.Redirect($"/categories/{id}?images={Uri.EscapeDataString(images ?? "")}");
        var choices = await views.ImagesAsync(session.Caller, category.ProjectId, images, http.RequestAborted);
        return new Microsoft.AspNetCore.Http.HttpResults.RazorComponentResult<ImageSelect>(new { Choices = choices });
    }

    private static async Task<IResult> RenderAsync(HttpContext http, PageSession session, long id, ListPosition position,
        string? imageSearch, FormState form, int status = StatusCodes.Status200OK)
    {
        var view = await Views(http).LoadAsync(session.Caller, id, position, imageSearch, http.RequestAborted);
        return Htmx.PageOrFragment<CategoryPage, CategoryEditor>(http, new { Session = session, View = view, Form = form }, status);
    }

    /// <summary>
    /// Runs a change; a refusal that belongs to the form re-renders it with the message (400), anything else
    /// (403, 404) escapes to PageFailures. Success: htmx gets the editor again, a plain browser a 303 back.
    /// </summary>
    private static async Task<IResult> ChangeAsync(HttpContext http, long id, ListPosition position, string success,
        Func<PageSession, Task> change, Func<MementoException, FormState> failed)
    {
        var session = await PageSessions.ForAsync(http);
        try
        {
            await change(session);
        }
        catch (MementoException e) when (FormState.IsFormError(e))
        {
            return await RenderAsync(http, session, id, position, null, failed(e), StatusCodes.Status400BadRequest);
        }
        if (!session.WantsFragment) return Htmx.SeeOther(http, $"/categories/{id}{position.Query()}");
        return await RenderAsync(http, session, id, position, null, new FormState { Success = success });
    }

    private static Task<IResult> Rename(long id, HttpContext http, CategoryService categories, [FromForm] NameForm? form) =>
        ChangeAsync(http, id, new ListPosition(), "The category was renamed.",
            s => categories.RenameAsync(s.Caller, id, form?.Name ?? "", http.RequestAborted),
            e => FormState.Failed("name", e, ("name", form?.Name)));

    private static Task<IResult> Settings(long id, HttpContext http, CategoryService categories, [FromForm] SettingsForm? form) =>
        ChangeAsync(http, id, new ListPosition(), "The settings were saved.",
            s => categories.SetSettingsAsync(s.Caller, id, form?.Settings ?? "", http.RequestAborted),
            e => FormState.Failed("settings", e, ("settings", form?.Settings)));

    private static Task<IResult> Link(long id, HttpContext http, ClassificationService classifications, [FromForm] LinkForm? form) =>
        ChangeAsync(http, id, new ListPosition(), "The linked classifications were saved.",
            s => classifications.SetForCategoryAsync(s.Caller, id, form?.Names ?? [], http.RequestAborted),
            e => FormState.Failed("classifications", e));

    private static Task<IResult> AddAnnotation(long id, HttpContext http, AnnotationService annotations,
        [FromForm] AddAnnotationForm? form)
    {
        var group = form?.LayerKind == "group";
        var spec = new LayerSpec(form?.LayerName ?? "", group ? LayerKind.Group : LayerKind.Image,
            group ? 0 : form?.ImageId ?? 0, form?.LayerSettings ?? "", 1);
        return ChangeAsync(http, id, new ListPosition(), "The annotation was added.",
            s => annotations.CreateAsync(s.Caller, id, form?.Name ?? "", spec, http.RequestAborted),
            e =>
            {
                // The domain names the field it refused; the layer's name and settings are fields of this form.
                var key = e.Field switch
                {
                    "name" when string.IsNullOrWhiteSpace(form?.Name) || e.Code == ErrorCode.Conflict => "add.name",
                    "name" => "add.layerName",
                    "settings" => "add.layerSettings",
                    "imageId" => "add.imageId",
                    null when e.Code == ErrorCode.Conflict => "add.name",
                    _ => "add",
                };
                return FormState.Failed(key == "add.layerName" ? "add" : key, e, ("add.name", form?.Name),
                    ("add.imageId", form?.ImageId?.ToString()), ("add.layerName", form?.LayerName),
                    ("add.layerKind", form?.LayerKind), ("add.layerSettings", form?.LayerSettings));
            });
    }

    /// <summary>The annotation must be in this category: a row form of another category's page is a 404 here.</summary>
    private static async Task RequireInCategoryAsync(AnnotationService annotations, Caller caller, long id,
        long annotationId, CancellationToken ct)
    {
        var annotation = await annotations.GetAsync(caller, annotationId, ct);
        if (annotation.CategoryId != id) throw MementoException.NotFound("Annotation", annotationId);
    }

    private static Task<IResult> RenameAnnotation(long id, long annotationId, HttpContext http,
        AnnotationService annotations, [FromForm] NameForm? form) =>
        ChangeAsync(http, id, ListPosition.From(form?.Page, form?.Q), "The annotation was renamed.",
            async s =>
            {
                await RequireInCategoryAsync(annotations, s.Caller, id, annotationId, http.RequestAborted);
                await annotations.RenameAsync(s.Caller, annotationId, form?.Name ?? "", http.RequestAborted);
            },
            e => FormState.Failed($"row.{annotationId}", e, ($"row.{annotationId}.name", form?.Name)));

    private static Task<IResult> MoveAnnotation(long id, long annotationId, HttpContext http,
        AnnotationService annotations, [FromForm] MoveForm? form) =>
        ChangeAsync(http, id, ListPosition.From(form?.Page, form?.Q), "The annotation was moved.",
            async s =>
            {
                await RequireInCategoryAsync(annotations, s.Caller, id, annotationId, http.RequestAborted);
                await annotations.MoveAsync(s.Caller, annotationId, form?.CategoryId ?? 0, http.RequestAborted);
            },
            e => FormState.Failed($"row.{annotationId}", e));

    private static async Task<IResult> ConfirmDeleteAnnotation(long id, long annotationId, HttpContext http,
        AnnotationService annotations, int? page, string? q)
    {
        var session = await PageSessions.ForAsync(http);
        await Views(http).RequireAdministeredAsync(session.Caller, id, http.RequestAborted);
        await RequireInCategoryAsync(annotations, session.Caller, id, annotationId, http.RequestAborted);
        var annotation = await annotations.GetAsync(session.Caller, annotationId, http.RequestAborted);
        var position = ListPosition.From(page, q);
        var fields = new List<(string, string)> { ("page", position.Page.ToString()) };
        if (position.Search is not null) fields.Add(("q", position.Search));
        return Html.Page<ConfirmPage>(new
        {
            Session = session, Title = "Delete annotation",
            Question = $"Delete the annotation “{annotation.Name}” with its layers, comments and regions? This cannot be undone.",
            Action = $"/categories/{id}/annotations/{annotationId}/delete",
            CancelUrl = $"/categories/{id}{position.Query()}",
            Fields = (IReadOnlyList<(string, string)>)fields,
        });
    }

    private static Task<IResult> DeleteAnnotation(long id, long annotationId, HttpContext http,
        AnnotationService annotations, [FromForm] PositionForm? form) =>
        ChangeAsync(http, id, ListPosition.From(form?.Page, form?.Q), "The annotation was deleted.",
            async s =>
            {
                await RequireInCategoryAsync(annotations, s.Caller, id, annotationId, http.RequestAborted);
                await annotations.DeleteAsync(s.Caller, annotationId, http.RequestAborted);
            },
            e => FormState.Failed($"row.{annotationId}", e));
}
