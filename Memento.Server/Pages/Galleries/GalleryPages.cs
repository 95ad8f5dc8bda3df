using Memento.Domain.Authorization;
using Memento.Domain.Services.Galleries;
using Memento.Domain.Services.Images;
using Memento.Server.Pages.Shell;
using Microsoft.AspNetCore.Antiforgery;

namespace Memento.Server.Pages.Galleries;

/// <summary>
/// <c>/galleries</c> (the list and a create form) and <c>/galleries/{id}</c> (metadata, readable pictures, the
/// owner's and trusted users' forms). Plain forms that work without JavaScript: each POST checks the antiforgery
/// token, calls <see cref="GalleryService"/> (which checks permissions) and redirects back; a refusal re-renders the
/// page with the message and the matching status.
/// </summary>
public static class GalleryPages
{
    public const int PageSize = 24;

    public static IEndpointRouteBuilder MapGalleryPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/galleries");
        pages.MapGet("", ListAsync);
        pages.MapPost("", CreateAsync);
        pages.MapGet("/{id:long}", ShowAsync);
        pages.MapPost("/{id:long}/edit", (HttpContext http, long id, GalleryService g, IImageFiles f) =>
            ChangeAsync(http, id, g, f, async (caller, form, ct) =>
                await g.EditAsync(caller, id, form["title"].ToString(), form["description"].ToString(), ct)));
        pages.MapPost("/{id:long}/delete", DeleteAsync);
        pages.MapPost("/{id:long}/pictures", (HttpContext http, long id, GalleryService g, IImageFiles f) =>
            ChangeAsync(http, id, g, f, (caller, form, ct) =>
                g.AddPictureAsync(caller, id, PictureId(form["picture_id"].ToString()), ct)));
        pages.MapPost("/{id:long}/pictures/{pictureId:long}/remove", (HttpContext http, long id, long pictureId,
            GalleryService g, IImageFiles f) => ChangeAsync(http, id, g, f, (caller, _, ct) =>
                g.RemovePictureAsync(caller, id, pictureId, ct)));
        pages.MapPost("/{id:long}/users", (HttpContext http, long id, GalleryService g, IImageFiles f) =>
            ChangeAsync(http, id, g, f, async (caller, form, ct) =>
                await g.TrustAsync(caller, id, form["username"].ToString(), ct)));
        pages.MapPost("/{id:long}/users/remove", (HttpContext http, long id, GalleryService g, IImageFiles f) =>
            ChangeAsync(http, id, g, f, async (caller, form, ct) =>
                await g.UntrustAsync(caller, id, form["username"].ToString(), ct)));
        return app;
    }

    private static async Task<IResult> ListAsync(HttpContext http, GalleryService galleries, int? offset = null,
        string? error = null, string? title = null, string? description = null, int status = StatusCodes.Status200OK)
    {
        var session = await PageSessions.ForAsync(http);
        var skip = Math.Max(0, offset ?? 0);
        var (items, total) = await galleries.ListAsync(session.Caller, skip, PageSize, http.RequestAborted);
        return Html.Page<GalleriesPage>(new
        {
            Session = session, Items = items, Total = total, Offset = skip, Error = error, Title = title,
            Description = description,
        }, status);
    }

    private static async Task<IResult> CreateAsync(HttpContext http, GalleryService galleries, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(http)) return TypedResults.BadRequest();
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        try
        {
            var gallery = await galleries.CreateAsync(CallerFromPrincipal.From(http.User), form["title"].ToString(),
                form["description"].ToString(), http.RequestAborted);
            return TypedResults.Redirect($"/galleries/{gallery.Id}");
        }
        catch (MementoException e)
        {
            return await ListAsync(http, galleries, error: e.Message, title: form["title"], description: form["description"],
                status: Status(e));
        }
    }

    private static Task<IResult> ShowAsync(HttpContext http, long id, GalleryService galleries, IImageFiles files,
        int? offset = null) => RenderAsync(http, id, galleries, files, offset ?? 0, null, StatusCodes.Status200OK);

    private static async Task<IResult> RenderAsync(HttpContext http, long id, GalleryService galleries, IImageFiles files,
        int offset, string? error, int status)
    {
        var session = await PageSessions.ForAsync(http);
        var ct = http.RequestAborted;
        GalleryInfo gallery;
        try
        {
            gallery = await galleries.GetAsync(session.Caller, id, ct);
        }
        catch (MementoException e) when (e.Code == ErrorCode.NotFound)
        {
            return Html.Page<MessagePage>(new { Title = "Not found", Message = e.Message }, StatusCodes.Status404NotFound);
        }
        var skip = Math.Max(0, offset);
        var (pictures, total) = await galleries.PicturesAsync(session.Caller, id, skip, PageSize, ct);
        var isOwner = session.Caller.UserId == gallery.OwnerId;
        return Html.Page<GalleryPage>(new
        {
            Session = session, Gallery = gallery, Pictures = pictures, Total = total, Offset = skip, Error = error,
            Thumbnails = pictures.ToDictionary(p => p.Id, p => ImageFileUrls.Thumbnail(files, p, session.Caller)),
            CanContribute = await galleries.CanContributeAsync(session.Caller, id, ct),
            IsOwner = isOwner,
            CanEdit = isOwner || session.IsSysAdmin,
        }, status);
    }

    // One shape for every change: antiforgery, the service call, then back to the gallery (or the list once deleted).
    private static async Task<IResult> ChangeAsync(HttpContext http, long id, GalleryService galleries, IImageFiles files,
        Func<Caller, IFormCollection, CancellationToken, Task> change)
    {
        var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
        if (!await antiforgery.IsRequestValidAsync(http)) return TypedResults.BadRequest();
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        try
        {
            await change(CallerFromPrincipal.From(http.User), form, http.RequestAborted);
            return TypedResults.Redirect($"/galleries/{id}");
        }
        catch (MementoException e)
        {
            return await RenderAsync(http, id, galleries, files, 0, e.Message, Status(e));
        }
    }

    private static async Task<IResult> DeleteAsync(HttpContext http, long id, GalleryService galleries, IImageFiles files)
    {
        var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
        if (!await antiforgery.IsRequestValidAsync(http)) return TypedResults.BadRequest();
        try
        {
            await galleries.DeleteAsync(CallerFromPrincipal.From(http.User), id, http.RequestAborted);
            return TypedResults.Redirect("/galleries");
        }
        catch (MementoException e)
        {
            return await RenderAsync(http, id, galleries, files, 0, e.Message, Status(e));
        }
    }

    private static long PictureId(string text) => long.TryParse(text.Trim().TrimStart('#'), out var id) && id > 0 ? id
        : throw MementoException.Validation("picture_id", "Enter the picture's number.");

    private static int Status(MementoException e) => e.Code switch
    {
        ErrorCode.Unauthenticated => StatusCodes.Status401Unauthorized,
        ErrorCode.Forbidden => StatusCodes.Status403Forbidden,
        ErrorCode.NotFound => StatusCodes.Status404NotFound,
        ErrorCode.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };
}
