using Memento.Tests.Browser.Support;
using Microsoft.Playwright;

namespace Memento.Tests.Browser.Hostile;

/// <summary>
/// Every page, over a scene whose every name is hostile (<see cref="HostileWorld"/>), as Chromium shows it: no
/// dialog opens (no script ran), no element the names spell exists, the names are shown as text, literally, and the
/// layout holds (nothing wider than the viewport). The pages and the names each must show are listed in
/// <see cref="Pages"/>: add a row when you add a page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HostileNamesTests(BrowserWorld world)
{
    /// <summary>Page → (URL, the hostile names it must show). The user's name is in every page's navigation.</summary>
    public static readonly (string Page, Func<HostileWorld, string> Url, string[] Shows)[] Pages =
    [
        ("home", _ => "", ["user"]),
        ("change password", _ => "account/password", ["user"]),
        ("API tokens", _ => "account/tokens", ["user"]),
    ];

    [Fact]
    public async Task Every_page_shows_hostile_names_as_text_and_keeps_its_layout()
    {
        var scene = await HostileWorld.CreateAsync(world);
        var (context, page) = await world.SignInAsync(scene.UserName, scene.Password);
        await using var _ = context;
        await page.SetViewportSizeAsync(1024, 768);
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) => { dialogs.Add($"{dialog.Type}: {dialog.Message} on {page.Url}"); await dialog.DismissAsync(); };

        foreach (var (name, url, shows) in Pages)
        {
            var response = await page.GotoAsync(world.Url + url(scene));
            Assert.True(response?.Ok == true, $"{name}: {response?.Status} at {page.Url}");
            Assert.Equal(0, await page.Locator("img[src=x], [onerror], script:not([src])").CountAsync());
            var text = await page.EvaluateAsync<string>("() => document.body.innerText");
            foreach (var shown in shows)
                Assert.True(text.Contains(scene.Names[shown], StringComparison.Ordinal), $"{name} does not show the {shown}'s name literally");
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
            var (scrollWidth, innerWidth) = (widths[0], widths[1]);
            Assert.True(scrollWidth <= innerWidth, $"{name} is {scrollWidth}px wide in a {innerWidth}px window");
            await Accessibility.AssertNoSeriousViolationsAsync(page);
        }
        Assert.Empty(dialogs);
    }
}
