namespace Memento.Domain.Services.ShareLinks;

/// <summary>
/// The absolute URL a share link's holder opens (<c>{public URL}/shared/{token}</c>). The host implements it: only
/// it knows the configured public URL or the request's host. The API's createShareLink and the share page both
/// return it, so scripts and people hand out the same link.
/// </summary>
public interface IShareLinkUrls
{
    string For(string token);
}

/// <summary>
/// Without a host that knows its address (tests building the API alone), the link's path: the server registers
/// its own <see cref="IShareLinkUrls"/>, which wins.
/// </summary>
public sealed class RelativeShareLinkUrls : IShareLinkUrls
{
    public string For(string token) => "/shared/" + Uri.EscapeDataString(token);
}
