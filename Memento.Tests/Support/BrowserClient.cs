using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Memento.Tests.Support;

/// <summary>
/// Drives server-rendered pages the way a browser without JavaScript does: load a page, fill a form
/// (hidden fields such as the antiforgery token included), submit it.
/// </summary>
public sealed class BrowserClient(HttpClient http) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http { get; } = http;

    public async Task<(HttpResponseMessage Response, IHtmlDocument Page)> GetPageAsync(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/html");
        var response = await Http.SendAsync(request);
        return (response, Parser.ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Loads <paramref name="pageUrl"/>, fills the form whose action is <paramref name="action"/> and submits it.</summary>
    public async Task<(HttpResponseMessage Response, IHtmlDocument Page)> SubmitAsync(
        string pageUrl, string action, IDictionary<string, string> fields)
    {
        var (loaded, page) = await GetPageAsync(pageUrl);
        Assert.True(loaded.IsSuccessStatusCode, $"GET {pageUrl} answered {(int)loaded.StatusCode}");
        var form = page.Forms.FirstOrDefault(f => f.GetAttribute("action") == action)
                   ?? throw new Xunit.Sdk.XunitException($"{pageUrl} has no form posting to {action}");
        return await PostAsync(action, Fields(form, fields));
    }

    /// <summary>Posts form fields as-is (no page load first): what a forged cross-site form would do.</summary>
    public async Task<(HttpResponseMessage Response, IHtmlDocument Page)> PostAsync(string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Accept.ParseAdd("text/html");
        var response = await Http.SendAsync(request);
        return (response, Parser.ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Signs in through the login form; asserts it worked.</summary>
    public async Task SignInAsync(string userName, string password)
    {
        var (response, page) = await SubmitAsync("/login", "/login", new Dictionary<string, string>
        {
            ["userName"] = userName,
            ["password"] = password,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"sign-in as {userName} answered {(int)response.StatusCode}: {page.QuerySelector("[role=alert]")?.TextContent}");
    }

    private static List<KeyValuePair<string, string>> Fields(IHtmlFormElement form, IDictionary<string, string> values)
    {
        var fields = form.Elements.OfType<IHtmlInputElement>()
            .Where(i => !string.IsNullOrEmpty(i.Name) && !values.ContainsKey(i.Name!))
            // As a browser does: an unticked checkbox or radio button sends nothing.
            .Where(i => i.Type is not ("checkbox" or "radio") || i.IsChecked)
            .Select(i => KeyValuePair.Create(i.Name!, i.Value))
            .ToList();
        fields.AddRange(values);
        return fields;
    }

    public void Dispose() => Http.Dispose();
}
