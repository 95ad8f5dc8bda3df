using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Memento.Server.Hosting;

/// <summary>
/// Browser-hardening headers on every response — pages, API, tiles, static files and errors. The values are built
/// once; per request the middleware only stores them, before routing, so short-circuited tile requests get them too.
/// </summary>
public sealed class SecurityHeaders
{
    /// <summary>
    /// Scripts and styles only from our own files (no inline code, no eval), nothing may frame our pages, and forms
    /// post only to us. Pages and the viewer are written for it: behaviour in .js files, looks in .css files.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The viewer pages' policy: the same, except that the canvas may fetch the pixels of an external image (type E)
    /// from the https URL it lives at (connect-src for fetch and the tile worker's requests, img-src for an
    /// &lt;img&gt; decode). Only https: a page served over https must not mix in plain-http content.
    /// </summary>
    public const string ViewerContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob: https:; connect-src 'self' https:; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>For URLs that carry a capability (share links, signed tile URLs): never sent on to another site.</summary>
    public const string NoReferrer = "no-referrer";

    public const string DefaultReferrerPolicy = "strict-origin-when-cross-origin";

    /// <summary>One year; sent only when the configured public URL is https, so plain-http installs stay reachable.</summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    private static readonly StringValues Csp = ContentSecurityPolicy;
    private static readonly StringValues ViewerCsp = ViewerContentSecurityPolicy;
    private static readonly StringValues NoSniff = "nosniff";
    private static readonly StringValues DenyFraming = "DENY";
    private static readonly StringValues NoReferrerValue = NoReferrer;
    private static readonly StringValues DefaultReferrer = DefaultReferrerPolicy;
    private readonly StringValues hsts;

    public SecurityHeaders(IOptions<MementoOptions> options)
    {
        var publicUrl = options.Value.PublicUrl;
        hsts = Uri.TryCreate(publicUrl, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            ? StrictTransportSecurity : StringValues.Empty;
    }

    /// <summary>Sets the headers on the response; also called by the error handler, which clears them first.</summary>
    public void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = NoSniff;
        // Scripts keep the strict policy too: a Web Worker runs under its own script's policy, and the viewer's tile
        // worker fetches only this server's tiles (an external image is fetched by the page, under the viewer's policy).
        headers.ContentSecurityPolicy = Csp;
        // For browsers without frame-ancestors.
        headers.XFrameOptions = DenyFraming;
        headers["Referrer-Policy"] = CarriesCapability(context.Request) ? NoReferrerValue : DefaultReferrer;
        if (hsts.Count > 0) headers.StrictTransportSecurity = hsts;
    }

    /// <summary>A viewer page's response: the policy that lets the canvas load external images (see above).</summary>
    public static void AllowExternalImages(HttpResponse response) => response.Headers.ContentSecurityPolicy = ViewerCsp;

    /// <summary>
    /// Share-link pages (<c>/share/…</c>, or a <c>share</c>/<c>token</c> query parameter) and signed tile URLs: their
    /// URL is the credential, so it must not leak to other sites through the Referer header.
    /// </summary>
    internal static bool CarriesCapability(HttpRequest request) =>
        request.Path.StartsWithSegments("/share") || request.Path.StartsWithSegments("/tiles") ||
        (request.QueryString.HasValue && (request.Query.ContainsKey("share") || request.Query.ContainsKey("token")));
}

public static class SecurityHeadersExtensions
{
    public static IServiceCollection AddMementoSecurityHeaders(this IServiceCollection services) =>
        services.AddSingleton<SecurityHeaders>();

    /// <summary>First in the pipeline, so every response, however it ends, carries the headers.</summary>
    public static WebApplication UseMementoSecurityHeaders(this WebApplication app)
    {
        var headers = app.Services.GetRequiredService<SecurityHeaders>();
        app.Use((context, next) =>
        {
            headers.Apply(context);
            return next(context);
        });
        return app;
    }
}
