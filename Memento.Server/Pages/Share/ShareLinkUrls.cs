using Memento.Domain.Services.ShareLinks;
using Memento.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Memento.Server.Pages.Share;

/// <summary>
/// <c>{Memento:PublicUrl}/shared/{token}</c>; without a configured public URL, the scheme and host of the request
/// that created the link (behind a proxy, the forwarded ones).
/// </summary>
public sealed class ShareLinkUrls(IOptions<MementoOptions> options, IHttpContextAccessor http) : IShareLinkUrls
{
    public string For(string token)
    {
        var configured = options.Value.PublicUrl;
        var request = http.HttpContext?.Request;
        var root = !string.IsNullOrWhiteSpace(configured) ? configured.TrimEnd('/')
            : request is not null ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : "";
        return $"{root}/shared/{Uri.EscapeDataString(token)}";
    }
}
