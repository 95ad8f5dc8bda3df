namespace Memento.Server.Endpoints;

/// <summary>Return-URL checks: after sign-in we only ever redirect inside this site (no open redirects).</summary>
public static class LocalUrl
{
    /// <summary>Same rule as MVC's IUrlHelper.IsLocalUrl: "/path" yes; "//host", "/\host", "http://…" no.</summary>
    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url) || url[0] != '/') return false;
        if (url.Length == 1) return true;
        if (url[1] is '/' or '\\') return false;
        return !url.Any(char.IsControl);
    }

    public static string OrHome(string? url) => IsLocal(url) ? url! : "/";
}
