using System.Net;
using AngleSharp.Html.Dom;
using static Memento.Tests.Server.Pages.DatasetPagesWorld;

namespace Memento.Tests.Server.Pages;

/// <summary>
/// The dataset search page and a picture's page as the server renders them (no JavaScript): what anonymous callers
/// find, paging links that carry the whole search, the query's error with its line, the fragment htmx swaps, and the
/// picture page's regions, metadata and NOT_FOUND for a picture out of reach.
/// </summary>
public sealed class DatasetPagesTests(DatasetPagesWorld world) : IClassFixture<DatasetPagesWorld>
{
    private async Task<(HttpResponseMessage Response, IHtmlDocument Page)> GetAsync(string user, string url) =>
        await (await world.AsAsync(user)).GetPageAsync(url);

    private static string[] Titles(IHtmlDocument page) =>
        page.QuerySelectorAll(".picture-grid .title").Select(t => t.TextContent).ToArray();

    private static string Search(string query, string ordering = "title-asc", int offset = 0) =>
        $"/datasets?query={Uri.EscapeDataString(query)}&ordering={ordering}" + (offset > 0 ? $"&offset={offset}" : "");

    [Fact]
    public async Task Anonymous_finds_the_public_pictures_a_page_at_a_time_and_never_the_private_one()
    {
        var (response, page) = await GetAsync("anonymous", Search("", "title-asc"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([HostileTitle, .. Enumerable.Range(1, 23).Select(i => $"open {i:00}")], Titles(page));
        Assert.Equal($"Pictures 1–24 of {PublicCount + 1}", page.QuerySelector(".dataset-results .count")!.TextContent);
        Assert.Equal("/datasets?ordering=title-asc&offset=24", page.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector(".pager a[rel=prev]"));
        Assert.Equal($"/pictures/{world.Hostile}", page.QuerySelector(".picture-grid a")!.GetAttribute("href"));
        Assert.Equal("1000 × 500 · CC0-1.0", page.QuerySelector(".picture-grid .meta")!.TextContent);
        // The navigation offers the search to everyone.
        Assert.Equal(["Datasets"], page.QuerySelectorAll("nav[aria-label=Main] a").Select(a => a.TextContent));

        var (_, last) = await GetAsync("anonymous", Search("", "title-asc", 24));
        Assert.Equal(Enumerable.Range(24, 7).Select(i => $"open {i:00}"), Titles(last));
        Assert.Equal("/datasets?ordering=title-asc", last.QuerySelector(".pager a[rel=prev]")!.GetAttribute("href"));
        Assert.Null(last.QuerySelector(".pager a[rel=next]"));

        var (_, owners) = await GetAsync("owner", Search("want:\n- title: secret\n"));
        Assert.Equal([PrivateTitle], Titles(owners));
        var (_, strangers) = await GetAsync("stranger", Search("want:\n- title: secret\n"));
        Assert.Empty(Titles(strangers));
        Assert.Equal("No picture matches this query.", strangers.QuerySelector(".dataset-results .hint")!.TextContent);
    }

    [Fact]
    public async Task A_bad_query_answers_400_with_its_message_and_line_and_keeps_the_text_and_the_ordering()
    {
        const string query = "want:\n- has_object: [Cell]\n- colour: red\n";
        var (response, page) = await GetAsync("anonymous", Search(query, "random"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = page.QuerySelector("#query-error[role=alert]")!;
        Assert.Equal("3", error.GetAttribute("data-line"));
        Assert.Equal("3", error.GetAttribute("data-column"));
        Assert.StartsWith("Line 3, column 3: Unknown rule 'colour': the accepted rules are", error.TextContent.Trim());
        Assert.Equal(query, ((IHtmlTextAreaElement)page.QuerySelector("textarea[name=query]")!).Value);
        Assert.Equal("random", page.QuerySelector("select[name=ordering] option[selected]")!.GetAttribute("value"));
        Assert.Empty(Titles(page));

        var (tooMany, tooManyPage) = await GetAsync("anonymous", "/datasets?limit=101");
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal("limit must be between 1 and 100.", tooManyPage.QuerySelector("#query-error")!.TextContent.Trim());
    }

    [Fact]
    public async Task An_htmx_search_gets_only_the_results_section_and_a_hostile_title_stays_text()
    {
        var browser = await world.AsAsync("anonymous");
        using var request = new HttpRequestMessage(HttpMethod.Get, Search("want:\n- title: pwn\n"));
        request.Headers.Add("HX-Request", "true");
        request.Headers.Add("HX-Target", "dataset-results");
        using var response = await browser.Http.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("<section id=\"dataset-results\"", html.TrimStart());
        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("&lt;script&gt;alert(&#x27;pwn&#x27;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;", html);
    }

    [Fact]
    public async Task The_picture_page_draws_the_regions_over_the_image_and_shows_its_metadata_to_anonymous()
    {
        var (response, page) = await GetAsync("anonymous", $"/pictures/{world.Hostile}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HostileTitle, page.QuerySelector("main h1")!.TextContent);
        Assert.Null(page.QuerySelector("main script:not([src])"));
        var meta = page.QuerySelectorAll("dl.picture-meta dt").ToDictionary(dt => dt.TextContent, dt => dt.NextElementSibling!);
        Assert.Equal("<i>desc</i>", meta["Description"].TextContent);
        Assert.Equal("owner", meta["Author"].TextContent.Trim());
        // A javascript: origin is shown, never linked.
        Assert.Equal("javascript:alert(1)", meta["Origin"].TextContent.Trim());
        Assert.Null(meta["Origin"].QuerySelector("a"));
        Assert.Equal("2024-05-01 12:00 UTC", meta["Uploaded"].TextContent);
        Assert.Equal("1000 × 500", meta["Size"].TextContent);
        Assert.Equal("image/png", meta["Format"].TextContent);
        Assert.Equal("photo", meta["Nature"].TextContent);
        Assert.Equal("/licences/CC0-1.0", meta["Licences"].QuerySelector("a")!.GetAttribute("href"));

        // Regions (no image file yet, so the page says so and lists them).
        Assert.Equal(["bbox: Cell", "point: Nucleus"], page.QuerySelectorAll(".region-list li").Select(li => li.TextContent));
        Assert.Equal(["obj-0", "obj-1"], page.QuerySelectorAll(".region-list li").Select(li => li.ClassName));
        Assert.Equal("Not rated yet", page.QuerySelector("#rating-average")!.TextContent);
        Assert.Null(page.QuerySelector("#picture-rating form"));
    }

    [Fact]
    public async Task A_private_picture_is_not_found_exactly_like_a_missing_one()
    {
        var (missing, missingPage) = await GetAsync("stranger", "/pictures/987654");
        var (hidden, hiddenPage) = await GetAsync("stranger", $"/pictures/{world.Private}");
        var (anonymous, _) = await GetAsync("anonymous", $"/pictures/{world.Private}");
        var (owner, ownerPage) = await GetAsync("owner", $"/pictures/{world.Private}");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
        Assert.Equal(missingPage.QuerySelector("main p")!.TextContent.Replace("987654", "ID"),
            hiddenPage.QuerySelector("main p")!.TextContent.Replace(world.Private.ToString(), "ID"));
        Assert.DoesNotContain(PrivateTitle, hiddenPage.DocumentElement.OuterHtml);
        Assert.Equal(HttpStatusCode.OK, owner.StatusCode);
        Assert.Equal(PrivateTitle, ownerPage.QuerySelector("main h1")!.TextContent);
    }
}
