using System.Text.Json;
using System.Text.RegularExpressions;
using Memento.Tests.Browser.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Memento.Tests.Browser;

/// <summary>
/// The viewer's top panel in Chromium, as annotators use it: labels toggled grey/amber and submitted (labels and
/// status recorded together, the button flashing green), a submit that fails keeping the selection, exclusive
/// labels and classifications acting as radio buttons, Classify, the expand settings, fast annotation's keys 1–9
/// across three samples, and a viewer who reads the labels with no button to press. Effects are checked through
/// GraphQL. The annotations hold one drawing layer each (no image to tile): the panel does not need one.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ViewerLabelPanelTests(BrowserWorld world)
{
    private sealed record Scene(long Project, long Category, long[] Annotations, long Grade, long Necrosis,
        long UserId, IBrowserContext Context, IPage Page);

    /// <summary>
    /// A project with the given settings and labels positive, negative, artifact; one category linked to the
    /// classifications Grade (options 1, 2, 3) and Necrosis (no options); <paramref name="samples"/> annotations;
    /// a user with the given role on the project, signed in.
    /// </summary>
    private async Task<Scene> SceneAsync(string settings, int samples = 2, string role = "propar")
    {
        var project = Id(await world.AdminAsync("mutation($n: String!, $s: String) { createProject(input: {name: $n, settings: $s}) { project { id } } }",
            new { n = BrowserWorld.Unique("Labels"), s = settings }), "createProject", "project");
        foreach (var label in new[] { "positive", "negative", "artifact" })
            await world.AdminAsync("mutation($p: Long!, $n: String!) { createLabel(input: {projectId: $p, name: $n}) { label { id } } }", new { p = project, n = label });
        var grade = Id(await world.AdminAsync("mutation($p: Long!) { createClassification(input: {projectId: $p, name: \"Grade\", typeCode: \"M\", data: \"1,2,3\"}) { classification { id } } }",
            new { p = project }), "createClassification", "classification");
        var necrosis = Id(await world.AdminAsync("mutation($p: Long!) { createClassification(input: {projectId: $p, name: \"Necrosis\"}) { classification { id } } }",
            new { p = project }), "createClassification", "classification");
        var category = Id(await world.AdminAsync("mutation($p: Long!, $n: String!) { createCategory(input: {projectId: $p, name: $n}) { category { id } } }",
            new { p = project, n = BrowserWorld.Unique("Biopsies") }), "createCategory", "category");
        await world.AdminAsync("mutation($c: Long!) { linkClassifications(input: {categoryId: $c, names: [\"Grade\", \"Necrosis\"]}) { classifications { id } } }", new { c = category });
        var annotations = new long[samples];
        for (var i = 0; i < samples; i++)
        {
            annotations[i] = Id(await world.AdminAsync("mutation($c: Long!, $n: String!) { createAnnotation(input: {categoryId: $c, name: $n, layer: {name: \"ROIs\"}}) { annotation { id } } }",
                new { c = category, n = $"sample {i + 1}" }), "createAnnotation", "annotation");
        }
        var user = await world.CreateUserAsync("annotator");
        await world.AdminAsync("mutation($u: Long!, $c: String!, $s: Long) { grantRole(input: {userId: $u, code: $c, scopeId: $s}) { permission { permissionId } } }",
            new { u = user.Id, c = role, s = project });
        var (context, page) = await world.SignInAsync(user.Name, user.Password);
        return new Scene(project, category, annotations, grade, necrosis, user.Id, context, page);
    }

    private static long Id(JsonElement data, string field, string item) =>
        data.GetProperty(field).GetProperty(item).GetProperty("id").GetInt64();

    private async Task OpenAsync(Scene scene, long annotation)
    {
        await scene.Page.GotoAsync($"{world.Url}projects/{scene.Project}/viewer/annotations/{annotation}");
        await Expect(scene.Page.Locator($"#viewer[data-status=ready][data-annotation='{annotation}']")).ToBeAttachedAsync(new() { Timeout = 15_000 });
    }

    /// <summary>The annotation's status and labels (sorted) as the API holds them.</summary>
    private async Task AssertStateAsync(long annotation, string status, params string[] labels)
    {
        var data = (await world.AdminAsync("query($id: Long!) { annotation(id: $id) { status labels { name } } }", new { id = annotation })).GetProperty("annotation");
        Assert.Equal(status, data.GetProperty("status").GetString());
        Assert.Equal(labels, data.GetProperty("labels").EnumerateArray().Select(l => l.GetProperty("name").GetString()!).Order().ToArray());
    }

    private async Task<(long Classification, string Option, long ChosenBy)[]> PicksAsync(long annotation) =>
        (await world.AdminAsync("query($id: Long!) { annotationClassifications(annotationId: $id) { classificationId option chosenById } }", new { id = annotation }))
            .GetProperty("annotationClassifications").EnumerateArray()
            .Select(p => (p.GetProperty("classificationId").GetInt64(), p.GetProperty("option").GetString()!, p.GetProperty("chosenById").GetInt64()))
            .OrderBy(p => p.Item1).ToArray();

    private static ILocator Panel(IPage page) => page.Locator("#label-panel");

    private static ILocator Toggle(IPage page, string name) =>
        Panel(page).GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    private static ILocator Radio(IPage page, string name) =>
        Panel(page).GetByRole(AriaRole.Radio, new() { Name = name, Exact = true });

    [Fact]
    public async Task Labels_toggle_grey_and_amber_submit_records_them_with_the_status_and_a_failed_submit_keeps_the_selection()
    {
        var scene = await SceneAsync("expandannotation:1,expandclassification:1");
        await using var _ = scene.Context;
        var page = scene.Page;
        await world.AdminAsync("mutation($a: Long!) { setAnnotationLabels(input: {annotationId: $a, labels: [\"artifact\"]}) { annotation { id } } }", new { a = scene.Annotations[0] });
        await OpenAsync(scene, scene.Annotations[0]);

        // expandannotation: the labels are open as the annotation loads; the annotation's own label starts amber.
        await Expect(Panel(page)).ToBeVisibleAsync();
        await Expect(Toggle(page, "Labels")).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(Toggle(page, "artifact")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(Toggle(page, "artifact")).ToHaveClassAsync(new Regex(@"\bis-selected\b"));
        await Expect(Toggle(page, "positive")).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(Toggle(page, "positive")).Not.ToHaveClassAsync(new Regex(@"\bis-selected\b"));
        Assert.Equal("rgb(255, 193, 7)", await Toggle(page, "artifact").EvaluateAsync<string>("b => getComputedStyle(b).backgroundColor"));
        Assert.NotEqual("rgb(255, 193, 7)", await Toggle(page, "positive").EvaluateAsync<string>("b => getComputedStyle(b).backgroundColor"));
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // Not exclusive: two labels on at once; a second click turns one off.
        await Toggle(page, "positive").ClickAsync();
        await Toggle(page, "negative").ClickAsync();
        await Toggle(page, "artifact").ClickAsync();
        await Expect(Toggle(page, "positive")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(Toggle(page, "negative")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(Toggle(page, "artifact")).ToHaveAttributeAsync("aria-pressed", "false");
        await AssertStateAsync(scene.Annotations[0], "NEW", "artifact"); // nothing sent before Submit

        var submit = Toggle(page, "Submit");
        await submit.ClickAsync();
        await Expect(submit).ToHaveClassAsync(new Regex(@"\bis-success\b"));
        await Expect(Panel(page).GetByRole(AriaRole.Status)).ToHaveTextAsync("Submitted.");
        await Expect(Panel(page).Locator(".label-section .top-summary")).ToHaveTextAsync("2 selected · Submitted");
        await AssertStateAsync(scene.Annotations[0], "SUBMITTED", "negative", "positive");
        await Expect(submit).Not.ToHaveClassAsync(new Regex(@"\bis-success\b")); // a flash, not a state

        // Classifications, not exclusive: one option per classification (Grade 2 replaces Grade 1), Necrosis beside it.
        await Toggle(page, "Grade: 1").ClickAsync();
        await Toggle(page, "Grade: 2").ClickAsync();
        await Toggle(page, "Necrosis").ClickAsync();
        await Expect(Toggle(page, "Grade: 1")).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(Toggle(page, "Grade: 2")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(Toggle(page, "Necrosis")).ToHaveAttributeAsync("aria-pressed", "true");
        var classify = Toggle(page, "Classify");
        await classify.ClickAsync();
        await Expect(classify).ToHaveClassAsync(new Regex(@"\bis-success\b"));
        Assert.Equal([(scene.Grade, "2", scene.UserId), (scene.Necrosis, "", scene.UserId)], await PicksAsync(scene.Annotations[0]));

        // The second sample is deleted while its page is open: Submit says so and the choice stays on screen.
        await OpenAsync(scene, scene.Annotations[1]);
        await Expect(Toggle(page, "positive")).ToHaveAttributeAsync("aria-pressed", "false");
        await Toggle(page, "negative").ClickAsync();
        await world.AdminAsync("mutation($id: Long!) { deleteAnnotation(input: {id: $id}) { deletedId } }", new { id = scene.Annotations[1] });
        await submit.ClickAsync();
        var error = Panel(page).GetByRole(AriaRole.Alert);
        await Expect(error).ToBeVisibleAsync();
        await Expect(error).ToContainTextAsync("Not submitted");
        await Expect(error).ToContainTextAsync("selection is kept");
        await Expect(Toggle(page, "negative")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(submit).Not.ToHaveClassAsync(new Regex(@"\bis-success\b"));
        await Expect(submit).ToBeEnabledAsync();
    }

    [Fact]
    public async Task Exclusive_labels_and_classifications_are_radio_buttons_and_the_labels_start_closed_without_expandannotation()
    {
        var scene = await SceneAsync("annotationexclusive:1,classificationexclusive:1,expandclassification:1", samples: 1);
        await using var _ = scene.Context;
        var page = scene.Page;
        await OpenAsync(scene, scene.Annotations[0]);

        // No expandannotation: the labels' part is closed, its toggle says so; expandclassification opened the other.
        var labelsToggle = Toggle(page, "Labels");
        await Expect(labelsToggle).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(Radio(page, "positive")).ToBeHiddenAsync();
        await Expect(Toggle(page, "Classifications")).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(Radio(page, "Necrosis")).ToBeVisibleAsync();
        await labelsToggle.ClickAsync();
        await Expect(labelsToggle).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(Radio(page, "positive")).ToBeVisibleAsync();
        await Expect(Panel(page).GetByRole(AriaRole.Radiogroup, new() { Name = "Labels" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // annotationexclusive: picking negative turns positive off.
        await Radio(page, "positive").ClickAsync();
        await Expect(Radio(page, "positive")).ToHaveAttributeAsync("aria-checked", "true");
        await Radio(page, "negative").ClickAsync();
        await Expect(Radio(page, "negative")).ToHaveAttributeAsync("aria-checked", "true");
        await Expect(Radio(page, "positive")).ToHaveAttributeAsync("aria-checked", "false");
        await Toggle(page, "Submit").ClickAsync();
        await Expect(Toggle(page, "Submit")).ToHaveClassAsync(new Regex(@"\bis-success\b"));
        await AssertStateAsync(scene.Annotations[0], "SUBMITTED", "negative");

        // classificationexclusive: one choice in all, across classifications.
        await Radio(page, "Grade: 3").ClickAsync();
        await Radio(page, "Necrosis").ClickAsync();
        await Expect(Radio(page, "Grade: 3")).ToHaveAttributeAsync("aria-checked", "false");
        await Expect(Radio(page, "Necrosis")).ToHaveAttributeAsync("aria-checked", "true");
        await Toggle(page, "Classify").ClickAsync();
        await Expect(Toggle(page, "Classify")).ToHaveClassAsync(new Regex(@"\bis-success\b"));
        Assert.Equal([(scene.Necrosis, "", scene.UserId)], await PicksAsync(scene.Annotations[0]));

        // A reload starts from what was recorded.
        await OpenAsync(scene, scene.Annotations[0]);
        await labelsToggle.ClickAsync();
        await Expect(Radio(page, "negative")).ToHaveAttributeAsync("aria-checked", "true");
        await Expect(Radio(page, "Necrosis")).ToHaveAttributeAsync("aria-checked", "true");
    }

    [Fact]
    public async Task Fast_annotation_keys_pick_a_label_submit_and_open_the_next_sample_until_none_is_left()
    {
        var scene = await SceneAsync("fastannotation:1", samples: 3);
        await using var _ = scene.Context;
        var page = scene.Page;
        var ids = scene.Annotations;
        await OpenAsync(scene, ids[0]);

        // Each label shows its key, in the project's order (by name): artifact 1, negative 2, positive 3. The part
        // may stay closed; the keys work all the same.
        await Toggle(page, "Labels").ClickAsync();
        await Expect(Toggle(page, "artifact").Locator(".toggle-key")).ToHaveTextAsync("1");
        await Expect(Toggle(page, "negative")).ToHaveAttributeAsync("aria-keyshortcuts", "2");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Toggle(page, "Labels").ClickAsync();

        // On the canvas: 2 is negative, submitted, and the next sample opens.
        await page.Locator("[data-viewer-canvas]").FocusAsync();
        await page.Keyboard.PressAsync("2");
        await Expect(page.Locator($"#viewer[data-status=ready][data-annotation='{ids[1]}']")).ToBeAttachedAsync(new() { Timeout = 15_000 });
        await AssertStateAsync(ids[0], "SUBMITTED", "negative");

        // With a modifier the key is not a label.
        var writes = 0;
        page.Request += (_, request) => { if (request.PostData?.Contains("submitAnnotation") == true) writes++; };
        await page.EvaluateAsync("() => document.activeElement?.blur()");
        await page.Keyboard.PressAsync("Alt+3");
        await page.WaitForTimeoutAsync(300);
        Assert.Equal(0, writes);
        await AssertStateAsync(ids[1], "NEW");

        // On the page's body: 3 is positive.
        await page.Keyboard.PressAsync("3");
        await Expect(page.Locator($"#viewer[data-status=ready][data-annotation='{ids[2]}']")).ToBeAttachedAsync(new() { Timeout = 15_000 });
        await AssertStateAsync(ids[1], "SUBMITTED", "positive");
        Assert.Equal(1, writes);

        // The last one: nothing is left to label, and the page says so.
        await page.Keyboard.PressAsync("1");
        await Expect(page.GetByText("Nothing left to label")).ToBeVisibleAsync();
        await AssertStateAsync(ids[2], "SUBMITTED", "artifact");
        await Expect(page.Locator("#viewer")).ToHaveAttributeAsync("data-annotation", ids[2].ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_project_viewer_reads_the_labels_but_gets_no_label_buttons_no_submit_and_no_keys()
    {
        var scene = await SceneAsync("fastannotation:1,expandannotation:1,expandclassification:1", samples: 1, role: "provie");
        await using var _ = scene.Context;
        var page = scene.Page;
        await world.AdminAsync("mutation($a: Long!) { setAnnotationLabels(input: {annotationId: $a, labels: [\"positive\"]}) { annotation { id } } }", new { a = scene.Annotations[0] });
        await OpenAsync(scene, scene.Annotations[0]);

        await Expect(Panel(page).GetByRole(AriaRole.List, new() { Name = "Labels set on this annotation" })).ToHaveTextAsync("positive");
        await Expect(Toggle(page, "positive")).ToHaveCountAsync(0);
        await Expect(Toggle(page, "Submit")).ToHaveCountAsync(0);
        await Expect(Toggle(page, "Classify")).ToHaveCountAsync(0);
        await Expect(Panel(page).GetByRole(AriaRole.Radio)).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        var writes = 0;
        page.Request += (_, request) => { if (request.PostData?.Contains("submitAnnotation") == true) writes++; };
        await page.Locator("[data-viewer-canvas]").FocusAsync();
        await page.Keyboard.PressAsync("2");
        await page.WaitForTimeoutAsync(300); // what the key would have sent has had time to leave
        Assert.Equal(0, writes);
        await AssertStateAsync(scene.Annotations[0], "NEW", "positive");
    }
}
