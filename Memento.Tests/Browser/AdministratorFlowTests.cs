using System.Text.Json;
using Memento.Tests.Browser.Support;
using Memento.Tests.Server;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Memento.Tests.Browser;

/// <summary>
/// The issue's whole administrator flow in one browser, as a person does it, page after page (no API call for any
/// step under test): sign in → create a project on /projects → edit its settings (an unknown key refused with its
/// message) → add a label, a category and a classification → upload a real CellProfiler image with the progress bar
/// until READY with its thumbnail → add an annotation showing that image in the category editor → grant catpar to a
/// second user, who then finds the project on their home page → export the annotation data as CSV (read with
/// Python's csv module) and the ROIs as GeoJSON, and check their rows. The one region is drawn through the API: the
/// drawing tools are the viewer's (a later issue).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AdministratorFlowTests(BrowserWorld world)
{
    private static readonly string Sample = TilesTestSupport.CellProfiler("HumanHT29/D03/f00/d0.tif");

    private static async Task SubmitAsync(IPage page, ILocator button)
    {
        await button.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    [Fact]
    public async Task An_administrator_sets_up_a_whole_project_with_only_a_browser_and_exports_it()
    {
        var annotator = await world.CreateUserAsync("annotator");
        var (context, page) = await world.SignInAsync();
        await using var _ = context;
        var projectName = BrowserWorld.Unique("Flow kidney");

        // Home → Projects → create.
        await page.GotoAsync(world.Url);
        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Projects", Exact = true }).ClickAsync();
        await page.Locator("form[action='/projects'] input[name=name]").FillAsync(projectName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create project" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/projects/\d+$"));
        var projectId = long.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..]);
        await Expect(page.Locator("h1")).ToContainTextAsync(projectName);

        // Settings: one invalid key refused with its message, then a valid string.
        await page.FillAsync("#edit input[name=settings]", "fastannotation:1,colour:red");
        await page.ClickAsync("#edit button[type=submit]");
        await Expect(page.Locator("#edit .field-error")).ToContainTextAsync("Unknown setting 'colour'");
        await page.FillAsync("#edit input[name=settings]", "fastannotation:1,annotationexclusive:1");
        await page.ClickAsync("#edit button[type=submit]");
        await Expect(page.Locator("#edit .field-error")).ToHaveCountAsync(0);

        // Vocabulary and structure.
        await page.FillAsync("#labels input[placeholder='e.g. positive']", "positive");
        await page.ClickAsync("#labels button:has-text('Add label')");
        await Expect(page.Locator("#labels li input[name=name]")).ToHaveValueAsync("positive");
        await page.FillAsync("#categories input[name=name]", "Wild type");
        await page.ClickAsync("#categories button:has-text('Add category')");
        await Expect(page.Locator("#categories a:has-text('Wild type')")).ToHaveCountAsync(1);
        await page.FillAsync("#classifications input[placeholder='e.g. Grade 1']", "Grade 1");
        await page.ClickAsync("#classifications button:has-text('Add classification')");
        await Expect(page.Locator("#classifications li input[name=name]")).ToHaveValueAsync("Grade 1");

        // A real image through the form: the progress bar moves, then READY with a thumbnail that loads.
        await page.EvaluateAsync("""
            () => { window.uploadBars = [];
              document.addEventListener('htmx:xhr:progress', (e) => {
                const bar = e.target.closest('form')?.querySelector('[data-upload-progress]');
                if (bar) window.uploadBars.push(bar.hidden ? -1 : bar.value);
              }); }
            """);
        await page.SetInputFilesAsync("#images input[type=file]", Sample);
        await page.SelectOptionAsync("#images form.add-image select[name=format]", "1");
        await page.ClickAsync("#images button:has-text('Add image')");
        var row = page.Locator("#images tr:has-text('d0.tif')");
        await Expect(row).ToHaveAttributeAsync("data-state", "READY", new() { Timeout = 90_000 });
        Assert.Contains((await page.EvaluateAsync<JsonElement>("() => window.uploadBars")).EnumerateArray(), v => v.GetDouble() > 0);
        await page.WaitForFunctionAsync("() => { const img = document.querySelector('#images tr[data-state=READY] img'); return img && img.complete && img.naturalWidth > 0; }",
            null, new() { Timeout = 30_000 });

        // The category editor: an annotation showing that image.
        await page.ClickAsync("#categories a:has-text('Wild type')");
        await Expect(page.Locator("h1")).ToContainTextAsync("Wild type");
        await page.GetByLabel("Annotation name").FillAsync("sample 1");
        await page.Locator("#image-choices select[name=imageId]").SelectOptionAsync(new SelectOptionValue { Label = "d0.tif" });
        await page.GetByLabel("Layer name").FillAsync("DAPI");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Add annotation" }));
        await Expect(page.Locator("#annotation-list td.name")).ToHaveTextAsync(["sample 1"]);

        // catpar for the annotator, found by typing part of the name.
        await page.GetByRole(AriaRole.Link, new() { Name = "Participants and viewers of this category" }).ClickAsync();
        await page.GetByLabel("Find a user").PressSequentiallyAsync(annotator.Name[3..^2], new() { Delay = 20 });
        var pick = page.GetByRole(AriaRole.Button, new() { Name = $"Add {annotator.Name} as participant (catpar)" });
        await SubmitAsync(page, pick);
        await Expect(page.Locator("table.members tr", new() { HasText = annotator.Name })).ToContainTextAsync("participant (catpar)");
        var (annotatorContext, annotatorPage) = await world.SignInAsync(annotator.Name, annotator.Password);
        await using (annotatorContext)
        {
            await annotatorPage.GotoAsync(world.Url);
            await Expect(annotatorPage.Locator("main")).ToContainTextAsync(projectName);
        }

        // One region on a drawing layer of the annotation (API: drawing is the viewer's), then the exports.
        var annotationId = (await world.AdminAsync("query($p: Long!) { project(id: $p) { categories { annotations { id } } } }", new { p = projectId }))
            .GetProperty("project").GetProperty("categories")[0].GetProperty("annotations")[0].GetProperty("id").GetInt64();
        var layer = await world.AdminAsync("mutation($a: Long!) { createLayer(input: { annotationId: $a, name: \"cells\", kind: DRAWING }) { layer { id } } }", new { a = annotationId });
        var layerId = layer.GetProperty("createLayer").GetProperty("layer").GetProperty("id").GetInt64();
        await world.AdminAsync("mutation($l: Long!) { addRegion(input: { layerId: $l, region: { type: \"bbox\", shape: { x: 10, y: 20, w: 100, h: 50 } } }) { region { id } } }", new { l = layerId });

        await page.GotoAsync($"{world.Url}projects/{projectId}");
        var csv = await DownloadAsync(page, "Annotation data (CSV)");
        var rows = await ParseCsvWithPythonAsync(csv);
        Assert.Equal(["project", "category", "classification", "annotation", "image", "status", "label", "image_uri"], rows[0]);
        var sample = Assert.Single(rows.Skip(1));
        Assert.Equal(projectName, sample[0]);
        Assert.Equal("Wild type", sample[1]);
        Assert.Equal("sample 1", sample[3]);
        Assert.Equal("N", sample[5]);

        var geojson = JsonDocument.Parse(await DownloadAsync(page, "ROIs (GeoJSON, QuPath)")).RootElement;
        Assert.Equal("FeatureCollection", geojson.GetProperty("type").GetString());
        var feature = Assert.Single(geojson.GetProperty("features").EnumerateArray());
        Assert.Equal("sample 1", feature.GetProperty("properties").GetProperty("name").GetString());
        Assert.Equal("[[[10,20],[110,20],[110,70],[10,70],[10,20]]]", feature.GetProperty("geometry").GetProperty("coordinates").GetRawText());
    }

    private static async Task<string> DownloadAsync(IPage page, string linkName)
    {
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = linkName }).ClickAsync());
        var path = await download.PathAsync();
        return await File.ReadAllTextAsync(path);
    }

    /// <summary>Reads the CSV as a script would: Python's csv module.</summary>
    private static async Task<List<string[]>> ParseCsvWithPythonAsync(string csv)
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, csv);
        var start = new System.Diagnostics.ProcessStartInfo("python3",
            ["-c", "import csv, json, sys; print(json.dumps(list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))))", file])
        { RedirectStandardOutput = true, RedirectStandardError = true };
        using var python = System.Diagnostics.Process.Start(start)!;
        var output = await python.StandardOutput.ReadToEndAsync();
        await python.WaitForExitAsync();
        File.Delete(file);
        Assert.True(python.ExitCode == 0, await python.StandardError.ReadToEndAsync());
        return JsonSerializer.Deserialize<List<string[]>>(output)!;
    }
}
