using Memento.Domain.Authorization;
using Memento.Domain.Model;
using Memento.Domain.Services.Annotations;
using Memento.Domain.Services.Images;
using Memento.Domain.Services.Layers;
using Memento.Domain.Services.ShareLinks;
using Memento.Server.Hosting;
using Memento.Server.Pages.Share;
using Memento.Server.Pages.Shell;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Memento.Server.Endpoints;

/// <summary>
/// The manual's "Share image" (<c>/share</c>: upload or URL → processing → link) and what the link opens for anyone
/// (<c>/shared/{token}</c>). The share's status page is addressed by a key the server protected (image, link and
/// token inside), so the one-time token can be shown again to its sharer while the image is tiled, without storing it.
/// </summary>
public static class ShareEndpoints
{
    private const string StatusPurpose = "Memento.Share.Status.v1";

    public static IEndpointRouteBuilder MapSharePages(this IEndpointRouteBuilder app)
    {
        var share = app.MapGroup("/share").WithPageFailures();
        share.MapGet("", (Delegate)ShowForm);
        // Read as a stream by StreamedUpload (antiforgery checked there, from the first field): no form binding.
        share.MapPost("", ShareAsync).DisableAntiforgery();
        share.MapGet("/status/{key}", StatusAsync);
        app.MapGet("/shared/{token}", OpenSharedAsync).WithPageFailures();
        return app;
    }

    private static async Task<IResult> ShowForm(HttpContext http)
    {
        var session = await RequireSharerAsync(http);
        return Html.Page<SharePage>(new { Session = session, Form = new ShareForm() });
    }

    private static async Task<IResult> ShareAsync(HttpContext http, QuickShareService shares, IShareLinkUrls urls,
        IDataProtectionProvider protection, IOptions<MementoOptions> options)
    {
        var session = await RequireSharerAsync(http);
        var form = new ShareForm();
        try
        {
            await using var upload = await StreamedUpload.ReadAsync(http,
                Path.Combine(options.Value.DataPath, "uploads", "incoming"), options.Value.MaxUploadBytes);
            form = new ShareForm(upload.Field("name") ?? "", int.TryParse(upload.Field("format"), out var f) ? f : 1,
                upload.Field("url") ?? "");
            var shared = await shares.ShareAsync(session.Caller, form.Name, form.Format, upload.File,
                string.IsNullOrWhiteSpace(form.Url) ? null : form.Url, ct: http.RequestAborted);
            var key = protection.CreateProtector(StatusPurpose)
                .Protect($"{shared.Image.Id}|{shared.Link.Link.Id}|{shared.Link.Token}");
            if (!session.WantsFragment) return Htmx.SeeOther(http, "/share/status/" + key);
            return Html.Page<ShareStatus>(new { Status = await StatusOfAsync(http, shared.Image, key, shared.Link.Token, urls) });
        }
        catch (AntiforgeryValidationException)
        {
            return Invalid(http, session, form, "form", "The form expired; reload the page and share again.");
        }
        catch (MementoException e) when (e.Code is ErrorCode.Validation or ErrorCode.Conflict)
        {
            return Invalid(http, session, form, e.Field ?? "form", e.Message);
        }
    }

    /// <summary>
    /// A plain post gets the page again with the message next to its field and 400. htmx gets the form fragment
    /// with 200: htmx does not swap 4xx answers, and the message must replace the form the person is looking at.
    /// </summary>
    private static IResult Invalid(HttpContext http, PageSession session, ShareForm form, string field, string message)
    {
        var shown = form with { Errors = new Dictionary<string, string> { [ShareForm.FieldOf(field)] = message } };
        return session.WantsFragment
            ? Html.Page<ShareFormFragment>(new { Session = session, Form = shown })
            : Html.Page<SharePage>(new { Session = session, Form = shown }, StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> StatusAsync(string key, HttpContext http, ImageService images,
        IShareLinkUrls urls, IDataProtectionProvider protection)
    {
        var session = await PageSessions.ForAsync(http);
        session.Caller.RequireUserId();
        string[] parts;
        try
        {
            parts = protection.CreateProtector(StatusPurpose).Unprotect(key).Split('|');
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            throw MementoException.NotFound("This share does not exist.");
        }
        var image = await images.GetAsync(session.Caller, long.Parse(parts[0]), http.RequestAborted);
        var status = await StatusOfAsync(http, image, key, parts[2], urls);
        // Without JavaScript the browser reloads the page itself until the link shows (Refresh is a header, so the
        // Content-Security-Policy has nothing to object to).
        if (status.Processing) http.Response.Headers["Refresh"] = "2";
        return Htmx.PageOrFragment<ShareStatusPage, ShareStatus>(http, new { Session = session, Status = status });
    }

    private static async Task<ShareStatusView> StatusOfAsync(HttpContext http, ImageInfo image, string key,
        string token, IShareLinkUrls urls)
    {
        var links = http.RequestServices.GetRequiredService<ShareLinkService>();
        var live = await links.ResolveAsync(token, http.RequestAborted) is not null;
        return new ShareStatusView(image.Id, image.Name, image.State, image.ProgressPercent, image.Error,
            "/share/status/" + key, live ? urls.For(token) : null);
    }

    private static async Task<IResult> OpenSharedAsync(string token, HttpContext http, ShareLinkService links,
        ImageService images, AnnotationService annotations, LayerService layers, IImageFiles files,
        IOptions<MementoOptions> options)
    {
        var session = await PageSessions.ForAsync(http);
        // The page is the link itself: keep it out of referrers and shared caches.
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        if (await links.ResolveAsync(token, http.RequestAborted) is not { } link)
            return Html.Page<MessagePage>(new
            {
                Title = "Link not available", Session = session,
                Message = "This share link is unknown, has expired or was revoked. Ask the person who shared it for a new one.",
            }, StatusCodes.Status404NotFound);
        var ct = http.RequestAborted;
        var dataPath = options.Value.DataPath;
        SharedPicture Picture(ImageInfo image, string? layer) => new(layer ?? image.Name, image.Name, image.Width,
            image.Height, image.State, ImageRenditions.LargestUrl(dataPath, files, image, link));
        SharedView view;
        if (link.SharedImageId is { } imageId)
        {
            var image = await images.GetAsync(link, imageId, ct);
            view = new SharedView(image.Name, null, [Picture(image, null)]);
        }
        else
        {
            var annotation = await annotations.GetAsync(link, link.SharedAnnotationId!.Value, ct);
            var pictures = new List<SharedPicture>();
            foreach (var layer in (await layers.ListAsync(link, annotation.Id, ct))
                         .Where(l => l.Kind == LayerKind.Image && l.ImageId is not null))
                pictures.Add(Picture(await images.GetAsync(link, layer.ImageId!.Value, ct), layer.Name));
            view = new SharedView(annotation.Name, annotation.Name, pictures);
        }
        if (view.Pictures.Any(p => p.State is ImageProcessingState.Pending or ImageProcessingState.Processing))
            http.Response.Headers["Refresh"] = "5";
        // The limited viewer may fetch an external image's pixels from its https URL, as the viewer does.
        SecurityHeaders.AllowExternalImages(http.Response);
        return Html.Page<SharedPage>(new { Session = session, View = view, Token = token });
    }

    /// <summary>
    /// The share pages are for whoever may create projects (a quick share lives in a project of the sharer's own):
    /// others get 403, signed-out people the login.
    /// </summary>
    private static async Task<PageSession> RequireSharerAsync(HttpContext http)
    {
        var session = await PageSessions.ForAsync(http);
        session.Caller.RequireUserId();
        if (!session.CreatesProjects) throw MementoException.Forbidden("Sharing images is for those who may create projects.");
        return session;
    }
}
