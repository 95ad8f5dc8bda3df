using Microsoft.Playwright;

namespace Memento.Tests.Browser.Support;

/// <summary>
/// Debian's Chromium driven by Playwright, headless, as the developers' guide prescribes (never a downloaded
/// browser). The test command installs it; a missing browser fails the browser tests loudly instead of skipping them.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("MEMENTO_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (!File.Exists(executable))
            throw new InvalidOperationException(
                $"Chromium not found at {executable}: run the tests with ./scripts/run-tests.sh, which installs Debian's chromium, or set MEMENTO_CHROMIUM.");
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable, Headless = true, Args = Flags,
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
    }
}
