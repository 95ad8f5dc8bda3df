using System.Net.Http.Headers;
using Memento.Tests.Support;

namespace Memento.Tests.Server;

public sealed class SecretsInLogsTests : IDisposable
{
    private readonly MementoAppFactory app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Passwords_and_api_tokens_never_reach_the_log()
    {
        const string password = "Secret-Password-4711";
        const string wrongPassword = "Wrong-Password-0815";
        const string newPassword = "Changed-Password-2342";
        await app.CreateUserAsync("erin", password);
        using var browser = app.CreateBrowser();

        await browser.SubmitAsync("/login", "/login", new Dictionary<string, string> { ["userName"] = "erin", ["password"] = wrongPassword });
        await browser.SignInAsync("erin", password);
        var (_, page) = await browser.SubmitAsync("/account/tokens", "/account/tokens", new Dictionary<string, string> { ["name"] = "ci" });
        var secret = page.QuerySelector("code.secret")!.TextContent;
        using var script = app.CreateClient();
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        await script.GetAsync("/");
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret[..^4] + "AAAA");
        await script.GetAsync("/");
        await browser.SubmitAsync("/account/password", "/account/password", new Dictionary<string, string>
        {
            ["currentPassword"] = password, ["newPassword"] = newPassword, ["confirmPassword"] = newPassword,
        });

        var log = app.Logs.AllText;
        Assert.Contains("signed in", log); // the log did capture the sign-in, at Debug level and up
        foreach (var value in new[] { password, wrongPassword, newPassword, secret, secret[4..], secret[..^4] + "AAAA" })
            Assert.DoesNotContain(value, log);
    }
}
