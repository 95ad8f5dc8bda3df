using System.Net;
using Memento.Domain.Accounts;
using Memento.Tests.Support;

namespace Memento.Tests.Server;

public sealed class LoginTests : IDisposable
{
    private const string Password = "correct horse battery";
    private readonly MementoAppFactory app = new();

    public LoginTests() => app.CreateUserAsync("alice", Password).GetAwaiter().GetResult();

    public void Dispose() => app.Dispose();

    private static Dictionary<string, string> Credentials(string user, string password) =>
        new() { ["userName"] = user, ["password"] = password };

    [Fact]
    public async Task Login_page_is_a_plain_form_with_an_antiforgery_field()
    {
        using var browser = app.CreateBrowser();
        var (response, page) = await browser.GetPageAsync("/login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var form = Assert.Single(page.Forms);
        Assert.Equal("post", form.Method);
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.NotNull(form.QuerySelector("input[name=password][type=password]"));
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login_page_and_back()
    {
        using var browser = app.CreateBrowser();
        var (home, _) = await browser.GetPageAsync("/account/password");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/login?ReturnUrl=%2Faccount%2Fpassword", home.Headers.Location!.PathAndQuery);

        var (login, _) = await browser.SubmitAsync(home.Headers.Location.PathAndQuery, "/login", Credentials("alice", Password));

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/account/password", login.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Correct_password_signs_in_case_insensitively_and_records_the_time()
    {
        using var browser = app.CreateBrowser();
        var (response, _) = await browser.SubmitAsync("/login", "/login", Credentials("ALICE", Password));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var (home, page) = await browser.GetPageAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal("alice", page.QuerySelector("header nav bdi")?.TextContent); // the name as stored, not as typed
        Assert.Equal(app.Clock.GetUtcNow(), (await app.FindUserAsync("alice")).LastLoginAt);
    }

    [Theory]
    [InlineData("//evil.example/phish")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")] // browsers treat "/\" like "//"
    public async Task Return_urls_leading_off_site_are_ignored(string returnUrl)
    {
        using var browser = app.CreateBrowser();
        var fields = Credentials("alice", Password);
        fields["returnUrl"] = returnUrl;
        var (response, _) = await browser.SubmitAsync("/login", "/login", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("alice", "wrong password")]
    [InlineData("nobody", Password)] // an unknown name gets the very same answer
    public async Task Wrong_credentials_show_one_message_and_do_not_sign_in(string user, string password)
    {
        using var browser = app.CreateBrowser();
        var (response, page) = await browser.SubmitAsync("/login", "/login", Credentials(user, password));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(AccountMessages.InvalidCredentials, page.QuerySelector("[role=alert]")?.TextContent);
        Assert.Equal(user, page.QuerySelector("input[name=userName]")?.GetAttribute("value"));
        var (home, _) = await browser.GetPageAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task A_forged_login_post_without_the_antiforgery_token_is_refused()
    {
        using var browser = app.CreateBrowser();
        var (response, _) = await browser.PostAsync("/login", Credentials("alice", Password));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_fifteen_minutes_whatever_is_typed()
    {
        using var browser = app.CreateBrowser();
        for (var i = 0; i < 5; i++)
            await browser.SubmitAsync("/login", "/login", Credentials("alice", "guess" + i));

        // The right password is refused while the lock lasts (LockedAccountAnswerTests: with the usual answer).
        var (right, _) = await browser.SubmitAsync("/login", "/login", Credentials("alice", Password));
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetPageAsync("/")).Response.StatusCode);

        app.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        await browser.SignInAsync("alice", Password);
    }

    [Fact]
    public async Task A_successful_sign_in_resets_the_failure_count()
    {
        using var browser = app.CreateBrowser();
        for (var i = 0; i < 4; i++)
            await browser.SubmitAsync("/login", "/login", Credentials("alice", "guess" + i));
        await browser.SignInAsync("alice", Password);

        using var otherBrowser = app.CreateBrowser();
        var (response, _) = await otherBrowser.SubmitAsync("/login", "/login", Credentials("alice", "one more typo"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_login_page_sends_a_signed_in_user_on()
    {
        using var browser = app.CreateBrowser();
        await browser.SignInAsync("alice", Password);

        var (response, _) = await browser.GetPageAsync("/login?ReturnUrl=%2Faccount%2Ftokens");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/tokens", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        using var browser = app.CreateBrowser();
        await browser.SignInAsync("alice", Password);

        var (response, _) = await browser.SubmitAsync("/", "/logout", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetPageAsync("/")).Response.StatusCode);
    }

    [Fact]
    public async Task Scripts_without_credentials_get_401_not_a_login_redirect()
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync("/account/tokens");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
