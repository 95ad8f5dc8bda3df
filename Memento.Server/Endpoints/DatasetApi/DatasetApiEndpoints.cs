using Memento.Domain.Authorization;

namespace Memento.Server.Endpoints.DatasetApi;

/// <summary>
/// The dataset document's JSON API under <c>/api</c>: one group whose endpoints answer errors as
/// <c>{"error": …}</c> (<see cref="ApiErrors"/>). Authentication is the site's: the session cookie <c>/api/login</c>
/// sets (SameSite=Lax, so another site's form cannot post with it; JSON bodies need a CORS preflight) or a bearer API
/// token. No antiforgery tokens: the document's clients are scripts that never load a form.
/// </summary>
public static class DatasetApiEndpoints
{
    /// <summary>The configured <c>/api</c> group; other dataset endpoint files map their routes on it.</summary>
    public static RouteGroupBuilder MapDatasetApiGroup(this IEndpointRouteBuilder app) =>
        app.MapGroup("/api").WithApiErrors().DisableAntiforgery().AllowAnonymous();

    public static IEndpointRouteBuilder MapDatasetApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapDatasetApiGroup();
        api.MapAccountApi();
        api.MapPictureApi();
        api.MapUserApi();
        api.MapVocabularyApi();
        api.MapRatingApi();
        api.MapGalleryApi();
        api.MapQueryApi();
        app.MapPictureDownload();
        app.MapSignUpPages();
        return app;
    }

    /// <summary>The caller of a request (a cookie session, a bearer token, or anonymous).</summary>
    public static Caller Caller(this HttpContext http) => CallerFromPrincipal.From(http.User);
}
