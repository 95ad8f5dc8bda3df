using System.Text.Json;
using Microsoft.Playwright;

namespace Memento.Tests.Browser.Support;

/// <summary>
/// axe-core (npm, a dev dependency) run inside the page under test. The page's Content-Security-Policy forbids
/// injected script tags, so the engine is evaluated through the DevTools protocol, which the policy does not govern.
/// </summary>
public static class Accessibility
{
    private static readonly Lazy<string> AxeSource = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "node_modules", "axe-core", "axe.min.js");
            if (File.Exists(path)) return File.ReadAllText(path);
        }
        throw new InvalidOperationException("node_modules/axe-core/axe.min.js not found: run `npm ci` at the repository root (scripts/run-tests.sh does).");
    });

    /// <summary>Fails with every serious or critical violation on the page as it is now (rule, impact, elements).</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
            await page.EvaluateAsync(AxeSource.Value);
        var json = await page.EvaluateAsync<string>("""
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return JSON.stringify(result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ')) })));
            }
            """);
        var violations = JsonDocument.Parse(json).RootElement;
        Assert.True(violations.GetArrayLength() == 0, $"axe-core on {page.Url}: {violations}");
    }
}
