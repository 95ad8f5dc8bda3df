using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using Memento.Domain.Model;
using Memento.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Memento.Tests.Server.TilesTestSupport;

namespace Memento.Tests.Server;

/// <summary>
/// The manual's "Share image" without JavaScript (plain multipart post → 303 → status page that refreshes itself →
/// link), what the link opens for someone with no account, refusals, and the upload's memory use.
/// </summary>
public sealed class SharePageTests : IDisposable
{
    private const string Password = "sharer's password";
    private static readonly string Sample = CellProfiler("HumanHT29/D03/f00/d1.tif");
    private static readonly HtmlParser Parser = new();
    private readonly MementoAppFactory app = new(new Dictionary<string, string?>(FastPolling));

    // Sharing is for those who may create projects: the sharer holds the system-level proadm code.
    public SharePageTests() => app.CreateUserAsync("sharer", Password, isProAdm: true).GetAwaiter().GetResult();

    public void Dispose() => app.Dispose();

    private async Task<(BrowserClient Browser, string Token)> SignedInAsync()
    {
        var browser = app.CreateBrowser();
        await browser.SignInAsync("sharer", Password);
        var (response, page) = await browser.GetPageAsync("/share");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = page.QuerySelector("form[action='/share'] input[name=__RequestVerificationToken]")?.GetAttribute("value");
        return (browser, token ?? throw new Xunit.Sdk.XunitException("the share form has no antiforgery field"));
    }

    private static MultipartFormDataContent Form(string? token, string name, HttpContent? file = null, string fileName = "d1.tif",
        string url = "", string format = "1")
    {
        var form = new MultipartFormDataContent();
        if (token is not null) form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(new StringContent(name), "name");
        form.Add(new StringContent(format), "format");
        form.Add(new StringContent(url), "url");
        if (file is not null) form.Add(file, "file", fileName);
        else
        {
            // What a browser sends for a file input left empty: a part with an empty file name and no bytes.
            var empty = new ByteArrayContent([]);
            empty.Headers.TryAddWithoutValidation("Content-Disposition", "form-data; name=\"file\"; filename=\"\"");
            form.Add(empty);
        }
        return form;
    }

    private static async Task<HttpResponseMessage> PostAsync(BrowserClient browser, HttpContent content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/share") { Content = content };
        request.Headers.Accept.ParseAdd("text/html");
        return await browser.Http.SendAsync(request);
    }

    [Fact]
    public async Task Without_javascript_a_shared_file_goes_to_a_status_page_that_refreshes_until_the_link_opens_the_image_for_anyone()
    {
        var (browser, token) = await SignedInAsync();
        using var posted = await PostAsync(browser, Form(token, "Colon <b>cells</b> 🧫", new ByteArrayContent(await File.ReadAllBytesAsync(Sample))));
        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        var status = posted.Headers.Location!.OriginalString;
        Assert.StartsWith("/share/status/", status);

        var image = await app.WithDbAsync(db => db.Images.AsNoTracking().SingleAsync());
        Assert.Equal("Colon <b>cells</b> 🧫", image.Name);
        Assert.Equal("Shared images", await app.WithDbAsync(db => db.Projects.Where(p => p.Id == image.ProjectId).Select(p => p.Name).SingleAsync()));
        var (first, firstPage) = await browser.GetPageAsync(status);
        if (first.Headers.TryGetValues("Refresh", out var refresh))
            Assert.Equal("2", Assert.Single(refresh)); // still processing: the browser reloads by itself
        Assert.Contains("Colon <b>cells</b> 🧫", firstPage.QuerySelector(".share-status bdi")!.TextContent);

        Assert.Equal(ImageProcessingState.Ready, (await WaitForIngestAsync(app, image.Id)).State);
        var (ready, page) = await browser.GetPageAsync(status);
        Assert.False(ready.Headers.Contains("Refresh"));
        var link = page.QuerySelector("input#share-url")?.GetAttribute("value") ?? throw new Xunit.Sdk.XunitException("no link shown");
        Assert.Matches("^http://localhost/shared/[A-Za-z0-9_-]{43}$", link);
        Assert.NotNull(page.QuerySelector("button[data-copy='#share-url']"));

        using var anonymous = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var opened = await anonymous.GetAsync(new Uri(link).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var shared = Parser.ParseDocument(await opened.Content.ReadAsStringAsync());
        var img = shared.QuerySelector("figure.shared-picture img") ?? throw new Xunit.Sdk.XunitException("no image on the shared page");
        Assert.Equal("Colon <b>cells</b> 🧫", img.GetAttribute("alt"));
        using var picture = await anonymous.GetAsync(img.GetAttribute("src"));
        Assert.Equal(HttpStatusCode.OK, picture.StatusCode);
        Assert.StartsWith("image/", picture.Content.Headers.ContentType?.MediaType);
        Assert.True((await picture.Content.ReadAsByteArrayAsync()).Length > 1000);
        // Nothing else of the sharer's is reachable with the link's page: not the project's exports, not the status page.
        using var exports = await anonymous.GetAsync($"/projects/{image.ProjectId}/exports/annotations.csv");
        Assert.NotEqual(HttpStatusCode.OK, exports.StatusCode);
        using var statusAnonymous = await anonymous.GetAsync(status);
        Assert.Equal(HttpStatusCode.Redirect, statusAnonymous.StatusCode);
    }

    [Fact]
    public async Task A_remote_url_is_shared_at_once_and_a_revoked_or_unknown_link_is_a_plain_404()
    {
        var (browser, token) = await SignedInAsync();
        using var posted = await PostAsync(browser, Form(token, "remote", url: "https://example.org/slide.png"));
        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        var (_, page) = await browser.GetPageAsync(posted.Headers.Location!.OriginalString);
        var link = new Uri(page.QuerySelector("input#share-url")!.GetAttribute("value")!).PathAndQuery;
        using var anonymous = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var shared = Parser.ParseDocument(await anonymous.GetStringAsync(link));
        // Linked, not embedded: the Content-Security-Policy loads images from this server only.
        Assert.Equal("https://example.org/slide.png", shared.QuerySelector("figure a.external-image")!.GetAttribute("href"));
        Assert.Null(shared.QuerySelector("figure img"));

        await app.WithDbAsync(db => db.ShareLinks.ExecuteUpdateAsync(s => s.SetProperty(l => l.RevokedAt, DateTimeOffset.UtcNow)));
        foreach (var gone in new[] { link, "/shared/not-a-token" })
        {
            using var response = await anonymous.GetAsync(gone);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Contains("unknown, has expired or was revoked", body);
            Assert.DoesNotContain("remote", body);
        }
    }

    [Fact]
    public async Task A_form_without_file_or_url_is_refused_next_to_the_field_and_keeps_the_name()
    {
        var (browser, token) = await SignedInAsync();
        using var response = await PostAsync(browser, Form(token, "my slide"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("Choose a file or give a remote URL (one of them).", page.QuerySelector("#share-file-error")?.TextContent);
        Assert.Equal("my slide", page.QuerySelector("#share-name")?.GetAttribute("value"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Images.CountAsync()));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_stores_nothing()
    {
        var (browser, _) = await SignedInAsync();
        using var response = await PostAsync(browser, Form(null, "forged", new ByteArrayContent(new byte[100_000])));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Images.CountAsync()));
        var incoming = Path.Combine(app.DataDirectory, "uploads", "incoming");
        Assert.True(!Directory.Exists(incoming) || Directory.GetFiles(incoming).Length == 0);
    }

    [Fact]
    public async Task Signed_out_people_go_to_the_login()
    {
        using var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await anonymous.GetAsync("/share");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.OriginalString);
    }

    /// <summary>
    /// 400 MB streamed through the form: the server writes it to disk as it arrives. The process's memory grows by
    /// far less than the file (measured: the peak working-set growth while the upload runs). The bytes are not an
    /// image, so ingest later fails; this test is about the upload path.
    /// </summary>
    [Fact]
    public async Task A_400_mb_upload_is_streamed_to_disk_not_held_in_memory()
    {
        const long size = 400L * 1024 * 1024;
        var (browser, token) = await SignedInAsync();
        GC.Collect();
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var before = self.WorkingSet64;
        var peak = before;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                self.Refresh();
                peak = Math.Max(peak, self.WorkingSet64);
                await Task.Delay(50);
            }
        });
        using var response = await PostAsync(browser, Form(token, "big", new GeneratedContent(size), "big.tif", format: "4"));
        stop.Cancel();
        await sampler;
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var stored = await app.WithDbAsync(db => db.Images.AsNoTracking().SingleAsync());
        Assert.Equal("big", stored.Name);
        Assert.Equal(ImageType.Tiled, stored.Type);
        var growth = peak - before;
        Assert.True(growth < 150L * 1024 * 1024, $"the working set grew by {growth / (1024 * 1024)} MB for a {size / (1024 * 1024)} MB upload");
    }

    /// <summary>Bytes produced as they are sent, so the test itself holds no copy of the file.</summary>
    private sealed class GeneratedContent(long length) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var block = new byte[1 << 16];
            new Random(7).NextBytes(block);
            for (long sent = 0; sent < length; sent += block.Length)
                await stream.WriteAsync(block.AsMemory(0, (int)Math.Min(block.Length, length - sent)));
        }

        protected override bool TryComputeLength(out long value)
        {
            value = length;
            return true;
        }
    }
}
