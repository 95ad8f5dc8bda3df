using Memento.Domain.Authorization;
using Memento.Domain.Model;
using Memento.Domain.Services.Images;
using Memento.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Memento.Server.Endpoints;

/// <summary>
/// <c>/images/{id}</c>: the image URI the exports write (projectData's imageUri). A signed-in reader is redirected to
/// the largest stored picture of the image under a freshly signed tile URL, or to the external URL of a type-E image;
/// people without a session are sent to the login page first, scripts get 401.
/// </summary>
public static class ImageLinkEndpoints
{
    public static IEndpointRouteBuilder MapImageLinkEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/images/{id:long}", OpenAsync).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> OpenAsync(long id, HttpContext http, ImageService images, IImageFiles files,
        IOptions<MementoOptions> options)
    {
        ImageInfo image;
        var caller = CallerFromPrincipal.From(http.User);
        try
        {
            image = await images.GetAsync(caller, id, http.RequestAborted);
        }
        catch (MementoException e) when (e.Code is ErrorCode.NotFound or ErrorCode.Forbidden)
        {
            return Results.Problem(statusCode: e.Code == ErrorCode.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status403Forbidden,
                title: e.Message);
        }
        if (image.Type == ImageType.External)
            return image.ExternalUrl is { } external ? Results.Redirect(external) : Results.NotFound();
        if (image.State != ImageProcessingState.Ready || image.StorageDirectory is null)
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: $"Image {id} is not ready yet.",
                detail: $"Its state is {image.State}; try again when processing has finished.");
        var url = ImageRenditions.LargestUrl(options.Value.DataPath, files, image, caller);
        return url is null ? Results.NotFound() : Results.Redirect(url);
    }
}
