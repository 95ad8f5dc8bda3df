using System.Text.Json;
using Memento.Tests.Browser.Support;
using Microsoft.Playwright;
using static Memento.Tests.Browser.Support.QueryPageEditors;

namespace Memento.Tests.Browser;

/// <summary>
/// A subscription typed in the /graphql page runs as a live stream (SSE, /graphql/stream): each change made
/// meanwhile — here comments added through the API by someone else — appears as a result of its own, until Stop.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class QueryPageSubscriptionTests(BrowserWorld world)
{
    private static long Id(JsonElement data, params string[] path)
    {
        foreach (var name in path) data = data.GetProperty(name);
        return data.ValueKind == JsonValueKind.String ? long.Parse(data.GetString()!) : data.GetInt64();
    }

    [Fact]
    public async Task A_subscription_shows_each_change_as_it_happens_until_stop()
    {
        var project = Id(await world.AdminAsync("mutation($n: String!) { createProject(input: { name: $n }) { project { id } } }",
            new { n = BrowserWorld.Unique("Live") }), "createProject", "project", "id");
        var category = Id(await world.AdminAsync("mutation($p: Long!) { createCategory(input: { projectId: $p, name: \"cells\" }) { category { id } } }",
            new { p = project }), "createCategory", "category", "id");
        var annotation = Id(await world.AdminAsync(
            "mutation($c: Long!) { createAnnotation(input: { categoryId: $c, name: \"cell 1\", layer: { name: \"channels\", isGroup: true } }) { annotation { id } } }",
            new { c = category }), "createAnnotation", "annotation", "id");
        var layer = Id(await world.AdminAsync(
            "mutation($a: Long!) { createLayer(input: { annotationId: $a, name: \"outlines\", kind: DRAWING }) { layer { id } } }",
            new { a = annotation }), "createLayer", "layer", "id");
        Task Comment(string text) => world.AdminAsync(
            "mutation($l: Long!, $t: String!) { addComment(input: { layerId: $l, content: $t }) { comment { id } } }", new { l = layer, t = text });

        var (context, _) = await world.SignInAsync();
        await using var _context = context;
        var page = await context.NewPageAsync();
        await page.GotoAsync(world.Url + "graphql");
        await Assertions.Expect(page.Locator("#explorer")).ToContainTextAsync("Root types");
        await ReplaceAsync(page, "query", "subscription Live($c: Long!) { categoryEvents(categoryId: $c) { change annotationId } }");
        await ReplaceAsync(page, "variables", JsonSerializer.Serialize(new { c = category }));
        await page.ClickAsync("#run");
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("Subscribed");
        var results = page.Locator("#stream > li");

        // The server may still be wiring the subscription when it answers: comment until the first one shows,
        // then twice more, each seen as it happens.
        for (var attempt = 0; await results.CountAsync() == 0; attempt++)
        {
            Assert.True(attempt < 20, "no result arrived for 20 comments");
            await Comment($"early {attempt}");
            await page.WaitForTimeoutAsync(250);
        }
        // Comments sent before the first result showed may still be on their way.
        await page.WaitForTimeoutAsync(750);
        var before = await results.CountAsync();
        await Comment("second");
        await Assertions.Expect(results).ToHaveCountAsync(before + 1);
        await Comment("third");
        await Assertions.Expect(results).ToHaveCountAsync(before + 2);
        await Assertions.Expect(results.Last).ToContainTextAsync("\"change\": \"COMMENTS\"");
        await Assertions.Expect(results.Last).ToContainTextAsync($"\"annotationId\": {annotation}");
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync($"Subscribed: {before + 2} results");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.ClickAsync("#stop");
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync($"Stopped after {before + 2} results");
        await Assertions.Expect(page.Locator("#stop")).ToBeHiddenAsync();
        await Comment("after stop");
        await page.WaitForTimeoutAsync(1000);
        await Assertions.Expect(results).ToHaveCountAsync(before + 2);
    }
}
