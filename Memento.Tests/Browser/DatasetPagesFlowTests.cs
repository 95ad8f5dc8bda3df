using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Memento.Tests.Browser.Support;
using Memento.Tests.Server;
using Microsoft.Playwright;

namespace Memento.Tests.Browser;

/// <summary>
/// The dataset pages in Chromium as a person uses them: a query with a mistake is marked at its line in the editor,
/// fixed, searched, paged through; a picture opens with its regions over the image; a click on the stars rates it
/// and the average changes; the picture goes into a gallery. axe on both pages, and no Content-Security-Policy
/// violation on the way (CodeMirror included). The pictures are real CellProfiler images uploaded through the
/// dataset API (scene setup, not the action under test).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DatasetPagesFlowTests(BrowserWorld world)
{
    private const string Sample = "/work/shared/sample-data/cellprofiler-examples/CellProfilerExamples/HumanHT29/D03/f00/";

    [Fact]
    public async Task Search_fix_the_marked_error_page_open_a_picture_rate_it_and_add_it_to_a_gallery()
    {
        var tag = BrowserWorld.Unique("Colon").Replace(' ', '-');
        var cell = BrowserWorld.Unique("HT29 cell");
        await world.AdminAsync("mutation($id: String!) { registerObjectType(input: { id: $id, description: \"a cell\" }) { objectType { id } } }", new { id = cell });
        var regions = new object[] { new { type = "bbox", shape = new { x = 0.1, y = 0.2, w = 0.3, h = 0.4 }, @object = cell } };
        // Uploaded together: ingest runs them side by side.
        var uploads = await Task.WhenAll(UploadAsync($"{tag} 1", "d0.tif", regions), UploadAsync($"{tag} 2", "d1.tif", []),
            UploadAsync($"{tag} 3", "d2.tif", []));
        var first = uploads[0];
        var gallery = BrowserWorld.Unique("Favourite colons");
        await world.AdminAsync("mutation($t: String!) { createGallery(input: { title: $t }) { gallery { id } } }", new { t = gallery });

        var (context, page) = await world.SignInAsync();
        await using var _ = context;
        var violations = new List<string>();
        // Only our pages' code counts: axe runs through DevTools (no URL) and may break the policy itself.
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) && message.Location.StartsWith(world.Url))
                violations.Add(message.Text + " @ " + message.Location);
        };
        page.PageError += (_, error) => violations.Add(error);
        await page.GotoAsync(world.Url + "datasets");
        var editor = page.Locator(".cm-content");
        await Assertions.Expect(editor).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // A query with a rule that does not exist on its third line.
        await editor.ClickAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.InsertTextAsync($"want:\n- title: \"{tag}\"\n- colour: red");
        await page.GetByLabel("Order").SelectOptionAsync("title-asc");
        await page.GetByLabel("Per page").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page.Locator("#query-error")).ToContainTextAsync("Line 3, column 3: Unknown rule 'colour'");
        await Assertions.Expect(page.Locator(".cm-line").Nth(2).Locator(".cm-lintRange-error")).ToHaveTextAsync("colour: red");
        await Assertions.Expect(page.Locator(".cm-gutter-lint .cm-lint-marker-error")).ToHaveCountAsync(1);
        Assert.Contains("ordering=title-asc", page.Url); // htmx pushed the search's URL

        // Fixed: the third line deleted, searched with Ctrl+Enter.
        await editor.ClickAsync();
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.PressAsync("Shift+Home");
        await page.Keyboard.PressAsync("Backspace");
        await page.Keyboard.PressAsync("Backspace");
        await page.Keyboard.PressAsync("Control+Enter");
        await Assertions.Expect(page.Locator(".dataset-results .count")).ToHaveTextAsync("Pictures 1–2 of 3");
        await Assertions.Expect(page.Locator(".picture-grid .title")).ToHaveTextAsync([$"{tag} 1", $"{tag} 2"]);
        await Assertions.Expect(page.Locator(".cm-lint-marker-error")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".picture-grid img").First).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await page.Locator(".picture-grid img").First.EvaluateAsync<int>("i => i.naturalWidth") > 0, "the thumbnail loads");

        await page.GetByRole(AriaRole.Link, new() { Name = "Next" }).ClickAsync();
        await Assertions.Expect(page.Locator(".picture-grid .title")).ToHaveTextAsync([$"{tag} 3"]);
        await Assertions.Expect(page.Locator(".dataset-results .count")).ToHaveTextAsync("Pictures 3–3 of 3");
        Assert.Contains("offset=2", page.Url);
        await page.GetByRole(AriaRole.Link, new() { Name = "Previous" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"{tag} 1" }).ClickAsync();

        // The picture: its region over the image, named on focus.
        await page.WaitForURLAsync(url => url.EndsWith($"/pictures/{first}"));
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync($"{tag} 1");
        var region = page.GetByRole(AriaRole.Img, new() { Name = $"bbox: {cell}" });
        await Assertions.Expect(region).ToHaveAttributeAsync("x", "0.1");
        await Assertions.Expect(region).ToHaveAttributeAsync("width", "0.3");
        var image = await page.Locator(".picture-figure img").BoundingBoxAsync();
        var box = await region.BoundingBoxAsync();
        Assert.InRange(box!.X - image!.X, image.Width * 0.1 - 2, image.Width * 0.1 + 2);
        Assert.InRange(box.Height, image.Height * 0.4 - 3, image.Height * 0.4 + 3);
        await Assertions.Expect(page.Locator(".region-list li")).ToHaveTextAsync([$"bbox: {cell}"]);
        await Assertions.Expect(page.Locator("#rating-average")).ToHaveTextAsync("Not rated yet");

        // Stars by click: the pressed star and the average follow.
        await page.GetByRole(AriaRole.Button, new() { Name = "4 stars" }).ClickAsync();
        await Assertions.Expect(page.Locator("#rating-average")).ToHaveTextAsync("Average 4.0 of 5 from 1 rating");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "4 stars" })).ToHaveAttributeAsync("aria-pressed", "true");
        await page.GetByRole(AriaRole.Button, new() { Name = "2 stars" }).ClickAsync();
        await Assertions.Expect(page.Locator("#rating-average")).ToHaveTextAsync("Average 2.0 of 5 from 1 rating");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "2 stars" })).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "4 stars" })).ToHaveAttributeAsync("aria-pressed", "false");

        // Into a gallery.
        await page.GetByLabel("Add to gallery").SelectOptionAsync(new SelectOptionValue { Label = gallery });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#picture-galleries [role=status]")).ToHaveTextAsync($"Added to “{gallery}”.");
        await Assertions.Expect(page.Locator("#picture-galleries ul a", new() { HasText = gallery })).ToHaveCountAsync(1);
        Assert.EndsWith($"/pictures/{first}", page.Url); // swapped in place, no page load
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        Assert.Empty(violations);
    }

    /// <summary>POST /api/upload as the document describes (json + file), with the admin's API token; waits for READY.</summary>
    private async Task<long> UploadAsync(string title, string file, object[] annotations)
    {
        using var http = new HttpClient { BaseAddress = new Uri(world.Url) };
        var login = await http.PostAsJsonAsync("graphql", new
        {
            query = "mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p, mode: TOKEN, tokenName: \"dataset scene\" }) { token } }",
            variables = new { u = "admin", p = LiveServer.Password },
        });
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").GetProperty("login").GetProperty("token").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var json = JsonSerializer.Serialize(new
        {
            title, description = "HT29 colon cancer cells", origin_url = "https://cellprofiler.org/examples",
            licence = new[] { "CC0-1.0" }, nature = "photo", annotations,
        });
        using var content = new MultipartFormDataContent { { new StringContent(json, Encoding.UTF8), "json" } };
        var part = new ByteArrayContent(await File.ReadAllBytesAsync(Sample + file));
        part.Headers.ContentType = new MediaTypeHeaderValue("image/tiff");
        content.Add(part, "file", file);
        using var response = await http.PostAsync("api/upload", content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"upload answered {(int)response.StatusCode}: {body}");
        var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64();
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var state = (await world.AdminAsync("query($id: Long!) { image(id: $id) { state error } }", new { id })).GetProperty("image");
            switch (state.GetProperty("state").GetString())
            {
                case "READY": return id;
                case "FAILED": throw new InvalidOperationException($"Ingest failed: {state.GetProperty("error")}");
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The uploaded picture did not become READY within a minute.");
    }
}
