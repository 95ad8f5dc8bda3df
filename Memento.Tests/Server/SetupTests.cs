using System.Net;
using System.Text.RegularExpressions;
using Memento.Server.Endpoints;
using Memento.Tests.Support;

namespace Memento.Tests.Server;

public sealed partial class SetupTests : IDisposable
{
    private readonly MementoAppFactory app = new();

    public void Dispose() => app.Dispose();

    /// <summary>The token exactly as an operator reads it in the log.</summary>
    private string SetupTokenFromLog()
    {
        _ = app.Services; // starts the server
        var match = TokenInLog().Match(app.Logs.AllText);
        Assert.True(match.Success, "the server did not log a setup token:\n" + app.Logs.AllText);
        return match.Groups[1].Value;
    }

    private static Dictionary<string, string> Form(string token, string user = "root", string password = "admin password") =>
        new() { ["setupToken"] = token, ["userName"] = user, ["password"] = password, ["confirmPassword"] = password };

    [Fact]
    public async Task The_logged_token_creates_the_first_administrator_once()
    {
        var token = SetupTokenFromLog();
        Assert.Contains("/setup", app.Logs.AllText);
        using var browser = app.CreateBrowser();

        var (response, _) = await browser.SubmitAsync("/setup", "/setup", Form(token));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (home, page) = await browser.GetPageAsync("/");
        // The home page greets the new system administrator by name, with the Users action only they have.
        Assert.Equal("root", page.QuerySelector("header nav bdi")?.TextContent);
        Assert.NotNull(page.QuerySelector("main a[href='/users']"));
        Assert.True((await app.FindUserAsync("root")).IsSysAdmin);

        // Setup is now gone, and the token is worth nothing.
        using var late = app.CreateBrowser();
        Assert.Equal(HttpStatusCode.NotFound, (await late.GetPageAsync("/setup")).Response.StatusCode);
        var (_, loginPage) = await late.GetPageAsync("/login");
        var replayForm = Form(token, "intruder");
        replayForm["__RequestVerificationToken"] = loginPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var (replay, _) = await late.PostAsync("/setup", replayForm);
        Assert.NotEqual(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => Task.FromResult(db.Users.Count())));
    }

    [Fact]
    public async Task A_wrong_token_is_refused_and_the_right_one_still_works_after()
    {
        var token = SetupTokenFromLog();
        using var browser = app.CreateBrowser();

        var (wrong, page) = await browser.SubmitAsync("/setup", "/setup", Form("0123456789abcdef0123456789abcdef"));

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(SetupEndpoints.InvalidToken, page.QuerySelector("[role=alert]")?.TextContent);
        Assert.Equal("root", page.QuerySelector("input[name=userName]")?.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync("/setup", "/setup", Form(token))).Response.StatusCode);
    }

    [Fact]
    public async Task A_refused_password_does_not_use_up_the_token()
    {
        var token = SetupTokenFromLog();
        using var browser = app.CreateBrowser();

        var (tooShort, page) = await browser.SubmitAsync("/setup", "/setup", Form(token, password: "short"));

        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Contains("at least 8 characters", page.QuerySelector("[role=alert]")?.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync("/setup", "/setup", Form(token))).Response.StatusCode);
    }

    [Fact]
    public async Task Setup_closes_once_a_user_exists_some_other_way_and_a_restart_issues_no_token()
    {
        SetupTokenFromLog();
        await app.CreateUserAsync("admin", "admin password", isSysAdmin: true); // as create-admin would
        using var browser = app.CreateBrowser();
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetPageAsync("/setup")).Response.StatusCode);

        // A second server process on the same data directory.
        using var restarted = new MementoAppFactory(new Dictionary<string, string?> { ["Memento:DataDirectory"] = app.DataDirectory });
        using var restartedBrowser = restarted.CreateBrowser();

        Assert.Equal(HttpStatusCode.NotFound, (await restartedBrowser.GetPageAsync("/setup")).Response.StatusCode);
        Assert.DoesNotMatch(TokenInLog(), restarted.Logs.AllText);
    }

    [GeneratedRegex("setup token to create the first administrator: ([0-9a-f]{32})")]
    private static partial Regex TokenInLog();
}
