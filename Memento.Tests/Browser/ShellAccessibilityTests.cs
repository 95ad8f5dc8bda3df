using Memento.Tests.Browser.Support;
using Microsoft.Playwright;

namespace Memento.Tests.Browser;

/// <summary>
/// The page shell every page shares (navigation, skip link, icon font, htmx) is accessible and complete as a person
/// meets it: axe-core finds no serious or critical violation, the icon font and htmx load (no missing asset), and
/// the keyboard reaches the navigation.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ShellAccessibilityTests(BrowserWorld world)
{
    [Fact]
    public async Task The_login_page_and_the_signed_in_pages_pass_axe_and_load_every_asset()
    {
        await using var anonymous = await world.Browser.NewContextAsync();
        var login = await anonymous.NewPageAsync();
        await login.GotoAsync(world.Url + "login");
        await Accessibility.AssertNoSeriousViolationsAsync(login);

        var (context, page) = await world.SignInAsync();
        await using var _ = context;
        var failed = new List<string>();
        page.RequestFailed += (_, request) => failed.Add(request.Url);
        page.Response += (_, response) => { if (response.Status >= 400) failed.Add($"{response.Status} {response.Url}"); };
        foreach (var path in new[] { "", "account/password", "account/tokens" })
        {
            await page.GotoAsync(world.Url + path);
            await Accessibility.AssertNoSeriousViolationsAsync(page);
        }
        Assert.True(await page.EvaluateAsync<bool>("() => typeof htmx === 'object'"), "htmx did not load");
        Assert.True(await page.EvaluateAsync<bool>("async () => { await document.fonts.ready; return document.fonts.check('24px \"Material Symbols Outlined\"'); }"),
            "the icon font did not load");
        Assert.Empty(failed);

        // Keyboard: the first Tab shows the skip link, the next ones reach the navigation.
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator(".skip")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Memento", await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
    }
}
