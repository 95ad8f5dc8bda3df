using Microsoft.AspNetCore.Http;

namespace Memento.GraphQL.Http;

/// <summary>Limits and switches of the GraphQL-over-HTTP endpoint. Defaults suit a public API.</summary>
public sealed class GraphQLHttpOptions
{
    private long _maxRequestBodySize = 1024 * 1024;
    private long _maxUploadSize = 1024L * 1024 * 1024;
    private int _maxFileCount = 100;

    /// <summary>Largest JSON body (and multipart <c>operations</c>/<c>map</c> field) accepted; beyond it 413. Default 1 MiB.</summary>
    public long MaxRequestBodySize
    {
        get => _maxRequestBodySize;
        set => _maxRequestBodySize = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), "Must be positive.");
    }

    /// <summary>Largest total size of the files of one multipart request; beyond it 413. Default 1 GiB.</summary>
    public long MaxUploadSize
    {
        get => _maxUploadSize;
        set => _maxUploadSize = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), "Must be positive.");
    }

    /// <summary>Most files in one multipart request. Default 100.</summary>
    public int MaxFileCount
    {
        get => _maxFileCount;
        set => _maxFileCount = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), "Must be positive.");
    }

    /// <summary>
    /// Use the working draft's <c>294 Partial Success</c> for application/graphql-response+json responses that carry
    /// both data and errors. Off by default: the graphql-http audit expects 200 there.
    /// </summary>
    public bool UsePartialSuccessStatusCode { get; set; }

    /// <summary>Serve the query page to browsers (GET with Accept text/html). Default on.</summary>
    public bool EnableQueryPage { get; set; } = true;

    /// <summary>
    /// The host's own query page, written to the response in place of the built-in one (a browser's GET of the
    /// endpoint, when <see cref="EnableQueryPage"/> is on); the second argument is the endpoint's path with the
    /// app's path base. Null (the default): the built-in page.
    /// </summary>
    /// <remarks>
    /// The engine embeds no third-party code, so its own page is a plain editor and explorer. A product that ships
    /// an editor (CodeMirror, its navigation, its sign-in) renders that page here, at the same URL API users know.
    /// </remarks>
    public Func<HttpContext, string, Task>? QueryPage { get; set; }

    /// <summary>Serve the printed schema at GET <c>?sdl</c>. Default on.</summary>
    public bool EnableSdl { get; set; } = true;

    /// <summary>Where multipart uploads are streamed; the system temp folder by default.</summary>
    public string? UploadDirectory { get; set; }
}
