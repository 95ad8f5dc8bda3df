using Memento.Tests.Browser.Support;
using Microsoft.Playwright;

namespace Memento.Tests.Browser;

/// <summary>
/// The object vocabulary in Chromium: an administrator adds a type under two parents and finds it in the tree
/// under both (searching it as they type); someone who may not edit sees the tree without a single edit control.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class VocabularyTreeBrowserTests(BrowserWorld world)
{
    [Fact]
    public async Task An_administrator_adds_a_type_under_two_parents_and_a_reader_sees_it_without_edit_controls()
    {
        var tag = BrowserWorld.Unique("x").Split(' ')[1];
        string tissue = $"tissue {tag}", organ = $"organ {tag}", gland = $"gland {tag}";
        foreach (var parent in new[] { tissue, organ })
            await world.AdminAsync("mutation($i: String!) { createObjectType(input: {id: $i}) { objectType { id } } }", new { i = parent });

        var (context, page) = await world.SignInAsync();
        await using (context)
        {
            await page.GotoAsync(world.Url + "vocabulary");
            await page.GetByLabel("Id", new() { Exact = true }).FillAsync(gland);
            await page.GetByLabel("Description").FillAsync("secretes");
            await page.GetByLabel("Parents", new() { Exact = false }).SelectOptionAsync([tissue, organ]);
            await page.GetByRole(AriaRole.Button, new() { Name = "Add type" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The type was added.");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Object type {gland}");
            await Accessibility.AssertNoSeriousViolationsAsync(page);

            await page.GetByRole(AriaRole.Link, new() { Name = "Back to the vocabulary" }).ClickAsync();
            await page.GetByLabel("Find a type").PressSequentiallyAsync(tag);
            // htmx swaps the tree: only this test's three types are left, the gland under each parent.
            var tree = page.Locator("#vocabulary-tree");
            await Assertions.Expect(tree.Locator(".vocabulary-tree > li > a")).ToHaveTextAsync([organ, tissue]);
            var roots = tree.Locator(".vocabulary-tree > li");
            await Assertions.Expect(roots.Nth(0).Locator("ul > li > a")).ToHaveTextAsync([gland]); // under the organ
            await Assertions.Expect(roots.Nth(1).Locator("ul > li > a")).ToHaveTextAsync([gland]); // under the tissue
            await Assertions.Expect(tree.Locator(".also-under")).ToHaveTextAsync([$"call_split also under {tissue}", $"call_split also under {organ}"]);
            await Accessibility.AssertNoSeriousViolationsAsync(page);
        }

        var reader = await world.CreateUserAsync("reader");
        var (readerContext, readerPage) = await world.SignInAsync(reader.Name, reader.Password);
        await using (readerContext)
        {
            await readerPage.GotoAsync(world.Url + "vocabulary?q=" + Uri.EscapeDataString(tag));
            var glands = readerPage.Locator("#vocabulary-tree").GetByRole(AriaRole.Link, new() { Name = gland, Exact = true });
            await Assertions.Expect(glands).ToHaveCountAsync(2);
            // The search is the page's only form: no add form for a reader.
            await Assertions.Expect(readerPage.Locator("main form")).ToHaveCountAsync(1);
            await Assertions.Expect(readerPage.GetByRole(AriaRole.Button, new() { Name = "Add type" })).ToHaveCountAsync(0);
            await glands.First.ClickAsync();
            await Assertions.Expect(readerPage.Locator("h1")).ToHaveTextAsync($"Object type {gland}");
            await Assertions.Expect(readerPage.Locator("main form")).ToHaveCountAsync(0);
            await Assertions.Expect(readerPage.GetByRole(AriaRole.Button, new() { Name = "Rename" })).ToHaveCountAsync(0);
            await Accessibility.AssertNoSeriousViolationsAsync(readerPage);
        }
    }
}
