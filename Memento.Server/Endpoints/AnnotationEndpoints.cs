using Memento.Domain.Authorization;
using Memento.Domain.Model;
using Memento.Domain.Services.Layers;
using Memento.Server.Pages.Categories;
using Memento.Server.Pages.Shell;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Memento.Server.Endpoints;

/// <summary>
/// /annotations/{id}: the annotation's layers for the project's administrators — image layers with their settings,
/// drawing layers, layer groups; rename, change settings, move into a group, delete.
/// </summary>
public static class AnnotationEndpoints
{
    // Classes, not positional records: the form binder leaves absent fields null instead of failing.
    public sealed class LayerForm
    {
        public string? Name { get; set; } public string? Kind { get; set; } public long? ImageId { get; set; }
        public string? Settings { get; set; } public long? ParentId { get; set; }
    }
    public sealed class EmptyForm;

    public static IEndpointRouteBuilder MapAnnotationPages(this IEndpointRouteBuilder app)
    {
        var annotation = app.MapGroup("/annotations/{id:long}").WithPageFailures();
        annotation.MapGet("", Show);
        annotation.MapGet("/images", Images);
        annotation.MapPost("/layers", AddLayer);
        annotation.MapPost("/layers/{layerId:long}", EditLayer);
        annotation.MapGet("/layers/{layerId:long}/delete", ConfirmDeleteLayer);
        annotation.MapPost("/layers/{layerId:long}/delete", DeleteLayer);
        return app;
    }

    private static AnnotationViews Views(HttpContext http) =>
        ActivatorUtilities.CreateInstance<AnnotationViews>(http.RequestServices,
            ActivatorUtilities.CreateInstance<CategoryViews>(http.RequestServices));

    private static async Task<IResult> Show(long id, HttpContext http, string? images) =>
        await RenderAsync(http, await PageSessions.ForAsync(http), id, images, new FormState());

    private static async Task<IResult> Images(long id, HttpContext http, string? images)
    {
        var session = await PageSessions.ForAsync(http);
        var views = Views(http);
        var annotation = await views.RequireAdministeredAsync(session.Caller, id, http.RequestAborted);
        if (!session.WantsFragment) return Results.Redirect($"/annotations/{id}?images={Uri.EscapeDataString(images ?? "")}");
        var choices = await ActivatorUtilities.CreateInstance<CategoryViews>(http.RequestServices)
            .ImagesAsync(session.Caller, annotation.ProjectId, images, http.RequestAborted);
        return new RazorComponentResult<ImageSelect>(new { Choices = choices });
    }

    private static async Task<IResult> RenderAsync(HttpContext http, PageSession session, long id, string? imageSearch,
        FormState form, int status = StatusCodes.Status200OK)
    {
        var view = await Views(http).LoadAsync(session.Caller, id, imageSearch, http.RequestAborted);
        return Htmx.PageOrFragment<AnnotationPage, AnnotationEditor>(http, new { Session = session, View = view, Form = form }, status);
    }

    /// <summary>As CategoryEndpoints: form refusals re-render with the message (400), success redirects (303) or swaps.</summary>
    private static async Task<IResult> ChangeAsync(HttpContext http, long id, string success, Func<PageSession, Task> change,
        Func<MementoException, FormState> failed)
    {
        var session = await PageSessions.ForAsync(http);
        try
        {
            await change(session);
        }
        catch (MementoException e) when (FormState.IsFormError(e))
        {
            return await RenderAsync(http, session, id, null, failed(e), StatusCodes.Status400BadRequest);
        }
        if (!session.WantsFragment) return Htmx.SeeOther(http, $"/annotations/{id}");
        return await RenderAsync(http, session, id, null, new FormState { Success = success });
    }

    private static Task<IResult> AddLayer(long id, HttpContext http, LayerService layers, [FromForm] LayerForm? form)
    {
        var kind = form?.Kind switch { "group" => LayerKind.Group, "drawing" => LayerKind.Drawing, _ => LayerKind.Image };
        var spec = new LayerSpec(form?.Name ?? "", kind, kind == LayerKind.Image ? form?.ImageId ?? 0 : 0,
            form?.Settings ?? "", -1, form?.ParentId ?? 0);
        return ChangeAsync(http, id, "The layer was added.",
            async s =>
            {
                await Views(http).RequireAdministeredAsync(s.Caller, id, http.RequestAborted);
                await layers.CreateAsync(s.Caller, id, spec, http.RequestAborted);
            },
            e =>
            {
                if (kind != LayerKind.Image)
                    return FormState.Failed("other", e, ("other.name", form?.Name), ("other.kind", form?.Kind));
                var key = e.Field switch { "settings" => "image.settings", "imageId" => "image.imageId", _ => "image" };
                return FormState.Failed(key, e, ("image.name", form?.Name), ("image.imageId", form?.ImageId?.ToString()),
                    ("image.settings", form?.Settings), ("image.parentId", form?.ParentId?.ToString()));
            });
    }

    /// <summary>The layer must belong to this annotation: another annotation's layer is a 404 here.</summary>
    private static async Task RequireInAnnotationAsync(LayerService layers, Caller caller, long id, long layerId,
        CancellationToken ct)
    {
        if ((await layers.GetAsync(caller, layerId, ct)).AnnotationId != id) throw MementoException.NotFound("Layer", layerId);
    }

    private static Task<IResult> EditLayer(long id, long layerId, HttpContext http, LayerService layers,
        [FromForm] LayerForm? form) =>
        ChangeAsync(http, id, "The layer was saved.",
            async s =>
            {
                await Views(http).RequireAdministeredAsync(s.Caller, id, http.RequestAborted);
                await RequireInAnnotationAsync(layers, s.Caller, id, layerId, http.RequestAborted);
                await layers.EditAsync(s.Caller, layerId, new LayerEdit(form?.Name ?? "", Settings: form?.Settings ?? "",
                    ParentId: form?.ParentId), http.RequestAborted);
            },
            e => FormState.Failed($"layer.{layerId}", e, ($"layer.{layerId}.name", form?.Name),
                ($"layer.{layerId}.settings", form?.Settings)));

    private static async Task<IResult> ConfirmDeleteLayer(long id, long layerId, HttpContext http, LayerService layers)
    {
        var session = await PageSessions.ForAsync(http);
        await Views(http).RequireAdministeredAsync(session.Caller, id, http.RequestAborted);
        await RequireInAnnotationAsync(layers, session.Caller, id, layerId, http.RequestAborted);
        var layer = await layers.GetAsync(session.Caller, layerId, http.RequestAborted);
        return Html.Page<ConfirmPage>(new
        {
            Session = session, Title = "Delete layer",
            Question = $"Delete the layer “{layer.Name}” with its sub-layers, regions and comments? This cannot be undone.",
            Action = $"/annotations/{id}/layers/{layerId}/delete",
            CancelUrl = $"/annotations/{id}",
        });
    }

    private static Task<IResult> DeleteLayer(long id, long layerId, HttpContext http, LayerService layers,
        [FromForm] EmptyForm? form) =>
        ChangeAsync(http, id, "The layer was deleted.",
            async s =>
            {
                await Views(http).RequireAdministeredAsync(s.Caller, id, http.RequestAborted);
                await RequireInAnnotationAsync(layers, s.Caller, id, layerId, http.RequestAborted);
                await layers.DeleteAsync(s.Caller, layerId, http.RequestAborted);
            },
            e => FormState.Failed($"layer.{layerId}", e));
}
